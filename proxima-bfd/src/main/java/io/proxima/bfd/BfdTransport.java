package io.proxima.bfd;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The UDP sockets under the sessions, on one event loop thread of their own, so that nothing else
 * in the process (a BGP table being encoded, a health check) delays a BFD packet or timer.
 *
 * <p>Native epoll where available: it sets TTL 255 on sent packets and attaches the
 * {@link TtlFilter} to received ones (RFC 5881 §5). NIO elsewhere, for development only: it can do
 * neither, so real routers drop our packets and we accept any TTL ({@link #ttlEnforced()} false).
 */
final class BfdTransport implements AutoCloseable {

    /** One thread: every session and socket belongs to it (STYLE.md rule 7). */
    private static final int THREADS = 1;
    /** BFD packets are at most 255 bytes (RFC 5880 §4.1); Netty's default receive buffer is far larger. */
    private static final int RECEIVE_BUFFER = 512;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final boolean epoll;

    BfdTransport(boolean preferNative) {
        this.epoll = preferNative && Epoll.isAvailable();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "proxima-bfd");
            t.setDaemon(true);
            return t;
        };
        this.group = new MultiThreadIoEventLoopGroup(THREADS, threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.loop = group.next();
    }

    EventLoop loop() {
        return loop;
    }

    boolean nativeEpoll() {
        return epoll;
    }

    /** True when sent packets carry TTL 255 and received ones with another TTL are dropped. */
    boolean ttlEnforced() {
        return epoll;
    }

    /** The socket that receives control packets for sessions from {@code local}, on {@code port} (3784). */
    ChannelFuture bindReceiver(InetAddress local, Optional<String> iface, int port, ChannelHandler handler) {
        return bootstrap(local, iface, true).handler(handler).bind(socketAddress(local, iface, port));
    }

    /** A session's own sending socket, bound to its source port; it reads nothing. */
    ChannelFuture bindSender(InetAddress local, Optional<String> iface, int sourcePort, ChannelHandler handler) {
        return bootstrap(local, iface, false).handler(handler).option(ChannelOption.AUTO_READ, false)
                .bind(socketAddress(local, iface, sourcePort));
    }

    private Bootstrap bootstrap(InetAddress local, Optional<String> iface, boolean receiver) {
        boolean v6 = local instanceof Inet6Address;
        SocketProtocolFamily family = v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        return new Bootstrap().group(loop)
                .channelFactory(() -> {
                    DatagramChannel ch = epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
                    if (epoll) configureNative(ch, v6, iface, receiver);
                    return ch;
                })
                .option(ChannelOption.RECVBUF_ALLOCATOR, new io.netty.channel.FixedRecvByteBufAllocator(RECEIVE_BUFFER));
    }

    private static void configureNative(Channel ch, boolean v6, Optional<String> iface, boolean receiver) {
        ch.config().setOption(v6 ? SocketOptions.IPV6_UNICAST_HOPS : SocketOptions.IP_TTL, SocketOptions.SINGLE_HOP_TTL);
        if (receiver) TtlFilter.attach(ch, v6);
        iface.ifPresent(name -> {
            ByteBuffer b = ByteBuffer.allocate(SocketOptions.IFNAMSIZ);
            b.put(name.getBytes(StandardCharsets.US_ASCII)).position(0);
            ch.config().setOption(SocketOptions.SO_BINDTODEVICE, b);
        });
    }

    /** IPv6 link-local addresses get the interface as their scope. */
    static InetSocketAddress socketAddress(InetAddress a, Optional<String> iface, int port) {
        if (a instanceof Inet6Address v6 && v6.isLinkLocalAddress() && iface.isPresent()) {
            try {
                NetworkInterface nif = NetworkInterface.getByName(iface.get());
                if (nif == null) throw new IllegalArgumentException("no interface " + iface.get());
                return new InetSocketAddress(Inet6Address.getByAddress(null, v6.getAddress(), nif), port);
            } catch (SocketException | UnknownHostException e) {
                throw new IllegalArgumentException("interface " + iface.get() + ": " + e.getMessage(), e);
            }
        }
        return new InetSocketAddress(a, port);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
