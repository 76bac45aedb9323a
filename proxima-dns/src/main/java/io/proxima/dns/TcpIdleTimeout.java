package io.proxima.dns;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a TCP connection that neither sent a query nor was sent a response for a while
 * (RFC 7766 section 6.2.3: "servers MAY close idle connections", with timeouts in the order of
 * seconds). Lives on the connection's event loop, so its fields need no synchronisation.
 */
final class TcpIdleTimeout extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private long lastActivity;
    private ScheduledFuture<?> check;

    TcpIdleTimeout(long timeout, TimeUnit unit) {
        this.timeoutNanos = unit.toNanos(timeout);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        lastActivity = System.nanoTime();
        schedule(ctx, timeoutNanos);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) check.cancel(false);
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastActivity = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        lastActivity = System.nanoTime();
        ctx.write(msg, promise);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> {
            long idle = System.nanoTime() - lastActivity;
            if (idle >= timeoutNanos) ctx.close();
            else schedule(ctx, timeoutNanos - idle);
        }, delayNanos, TimeUnit.NANOSECONDS);
    }
}
