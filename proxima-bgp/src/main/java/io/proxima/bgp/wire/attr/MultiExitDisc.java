package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;

/** MULTI_EXIT_DISC (RFC 4271 §5.1.4): optional non-transitive, 4 octets. Wrong length: treat-as-withdraw (RFC 7606 §7.4). */
public record MultiExitDisc(int flags, long value) implements PathAttribute {

    public MultiExitDisc(long value) {
        this(OPTIONAL, value);
    }

    public MultiExitDisc {
        if (value < 0 || value > 0xFFFF_FFFFL) throw new IllegalArgumentException("MULTI_EXIT_DISC " + value);
    }

    static MultiExitDisc decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 4) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "MULTI_EXIT_DISC length " + v.readableBytes() + ", expected 4");
        return new MultiExitDisc(flags, v.readUnsignedInt());
    }

    @Override public int typeCode() { return MULTI_EXIT_DISC; }
    @Override public int valueLength(SessionFacts facts) { return 4; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { out.writeInt((int) value); }
}
