package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;

/** Only to Customer, OTC (RFC 9234 §5): optional transitive, the AS that set it. Wrong length: treat-as-withdraw. */
public record OnlyToCustomer(int flags, long value) implements PathAttribute {

    public OnlyToCustomer(long value) {
        this(OPTIONAL | TRANSITIVE, value);
    }

    public OnlyToCustomer {
        if (value < 0 || value > 0xFFFF_FFFFL) throw new IllegalArgumentException("OTC " + value);
    }

    static OnlyToCustomer decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 4) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "OTC length " + v.readableBytes() + ", expected 4");
        return new OnlyToCustomer(flags, v.readUnsignedInt());
    }

    @Override public int typeCode() { return ONLY_TO_CUSTOMER; }
    @Override public int valueLength(SessionFacts facts) { return 4; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { out.writeInt((int) value); }
}
