package io.proxima.bgp.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.proxima.bgp.wire.BgpMessage;
import java.util.List;

/**
 * Cuts the TCP stream into BGP messages by the header's Length field (RFC 4271 §4.1). It does not
 * judge them: a frame with a bad marker or length goes on to the session, whose decoder turns it
 * into the right NOTIFICATION. A length below the header size cannot frame anything, so what is
 * buffered is passed on and the session resets.
 */
final class BgpFrameDecoder extends ByteToMessageDecoder {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= BgpMessage.HEADER_LENGTH) {
            int length = in.getUnsignedShort(in.readerIndex() + BgpMessage.MARKER_LENGTH);
            if (length < BgpMessage.HEADER_LENGTH) {
                out.add(in.readRetainedSlice(in.readableBytes()));
                return;
            }
            if (in.readableBytes() < length) return;
            out.add(in.readRetainedSlice(length));
        }
    }
}
