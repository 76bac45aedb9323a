package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;
import static io.proxima.bgp.wire.ErrorCode.UPDATE_INVALID_ORIGIN;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;

/** ORIGIN (RFC 4271 §5.1.1): well-known mandatory, one octet. */
public record Origin(int flags, int value) implements PathAttribute {

    public static final int IGP = 0;
    public static final int EGP = 1;
    public static final int INCOMPLETE = 2;

    public Origin(int value) {
        this(TRANSITIVE, value);
    }

    public Origin {
        if (value < 0 || value > 0xFF) throw new IllegalArgumentException("origin " + value);
    }

    static Origin decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        // RFC 7606 §7.1: length other than 1, or an undefined value, is treat-as-withdraw.
        if (v.readableBytes() != 1) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "ORIGIN length " + v.readableBytes() + ", expected 1");
        int o = v.readUnsignedByte();
        if (o > INCOMPLETE) throw new Malformed(UPDATE_INVALID_ORIGIN, "ORIGIN value " + o + " is undefined");
        return new Origin(flags, o);
    }

    @Override public int typeCode() { return ORIGIN; }
    @Override public int valueLength(SessionFacts facts) { return 1; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { out.writeByte(value); }

    public String name() {
        return switch (value) {
            case IGP -> "IGP";
            case EGP -> "EGP";
            case INCOMPLETE -> "INCOMPLETE";
            default -> "ORIGIN(" + value + ")";
        };
    }
}
