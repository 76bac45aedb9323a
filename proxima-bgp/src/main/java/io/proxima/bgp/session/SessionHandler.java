package io.proxima.bgp.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Passes a connection's frames and its end to the peer session, on the session's event loop. */
final class SessionHandler extends ChannelInboundHandlerAdapter {

    private final PeerSession session;

    SessionHandler(PeerSession session) {
        this.session = session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            session.onFrame(ctx.channel(), frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.onClosed(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A socket error (reset, timeout): the connection is gone; channelInactive reports it.
        session.onSocketError(ctx.channel(), cause);
        ctx.close();
    }
}
