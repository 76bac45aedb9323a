package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.SessionFacts;

/** ORIGINATOR_ID (RFC 4456 §8): optional non-transitive, 4 octets. Wrong length: treat-as-withdraw (RFC 7606 §7.9). */
public record OriginatorId(int flags, IpAddress id) implements PathAttribute {

    public OriginatorId(IpAddress id) {
        this(OPTIONAL, id);
    }

    static OriginatorId decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 4) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "ORIGINATOR_ID length " + v.readableBytes() + ", expected 4");
        return new OriginatorId(flags, IpAddress.v4(v.readInt()));
    }

    @Override public int typeCode() { return ORIGINATOR_ID; }
    @Override public int valueLength(SessionFacts facts) { return 4; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { id.write(out); }
}
