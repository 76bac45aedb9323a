package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;

/** Support for 4-octet AS numbers (RFC 6793 §3): the speaker's own AS, 4 octets. */
public record FourOctetAs(long asn) implements Capability {
    /** RFC 6793 §2: AS_TRANS, put in 2-octet fields when the real AS does not fit. */
    public static final int AS_TRANS = 23456;

    public FourOctetAs {
        if (asn < 0 || asn > 0xFFFF_FFFFL) throw new IllegalArgumentException("AS " + asn);
    }
    @Override public int code() { return FOUR_OCTET_AS; }
    @Override public void writeValue(ByteBuf out) { out.writeInt((int) asn); }
}
