package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;

/** Extended Message capability (RFC 8654 §3): no value; both sides must send it. */
public record ExtendedMessage() implements Capability {
    public static final ExtendedMessage INSTANCE = new ExtendedMessage();
    @Override public int code() { return EXTENDED_MESSAGE; }
    @Override public void writeValue(ByteBuf out) { }
}
