package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.SessionFacts;

/** AS4_AGGREGATOR (RFC 6793 §3): optional transitive, 4-octet AS and IPv4 address. Wrong length: attribute discard (RFC 6793 §6). */
public record As4Aggregator(int flags, long asn, IpAddress address) implements PathAttribute {

    public As4Aggregator(long asn, IpAddress address) {
        this(OPTIONAL | TRANSITIVE, asn, address);
    }

    static As4Aggregator decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 8) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "AS4_AGGREGATOR length " + v.readableBytes() + ", expected 8");
        return new As4Aggregator(flags, v.readUnsignedInt(), IpAddress.v4(v.readInt()));
    }

    @Override public int typeCode() { return AS4_AGGREGATOR; }
    @Override public int valueLength(SessionFacts facts) { return 8; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { out.writeInt((int) asn); address.write(out); }
}
