package io.proxima.bfd;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Test-only: puts arbitrary octets on the wire as UDP from a chosen address with a chosen TTL, the
 * way a broken or hostile peer would. Native epoll only (the TTL needs it).
 */
final class RawSender implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final Channel channel;

    RawSender(InetAddress from, int ttl) throws InterruptedException {
        boolean v6 = from instanceof java.net.Inet6Address;
        channel = new Bootstrap().group(group)
                .channelFactory(() -> {
                    EpollDatagramChannel ch = new EpollDatagramChannel(v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET);
                    ch.config().setOption(v6 ? SocketOptions.IPV6_UNICAST_HOPS : SocketOptions.IP_TTL, ttl);
                    return ch;
                })
                .handler(new ChannelInboundHandlerAdapter())
                .bind(new InetSocketAddress(from, 0)).sync().channel();
    }

    void send(byte[] datagram, InetSocketAddress to) throws InterruptedException {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to)).sync();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
