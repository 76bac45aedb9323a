package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;

/** LOCAL_PREF (RFC 4271 §5.1.5): well-known, iBGP only, 4 octets. Wrong length: treat-as-withdraw (RFC 7606 §7.5). */
public record LocalPref(int flags, long value) implements PathAttribute {

    public LocalPref(long value) {
        this(TRANSITIVE, value);
    }

    public LocalPref {
        if (value < 0 || value > 0xFFFF_FFFFL) throw new IllegalArgumentException("LOCAL_PREF " + value);
    }

    static LocalPref decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 4) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "LOCAL_PREF length " + v.readableBytes() + ", expected 4");
        return new LocalPref(flags, v.readUnsignedInt());
    }

    @Override public int typeCode() { return LOCAL_PREF; }
    @Override public int valueLength(SessionFacts facts) { return 4; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { out.writeInt((int) value); }
}
