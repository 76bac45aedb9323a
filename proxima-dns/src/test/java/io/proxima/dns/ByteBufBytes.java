package io.proxima.dns;

import io.netty.buffer.ByteBuf;

/** A buffer's readable octets as unsigned ints, for AssertJ's containsExactly. */
final class ByteBufBytes {

    private ByteBufBytes() {
    }

    static int[] of(ByteBuf b) {
        int[] out = new int[b.readableBytes()];
        for (int i = 0; i < out.length; i++) out[i] = b.getUnsignedByte(b.readerIndex() + i);
        return out;
    }
}
