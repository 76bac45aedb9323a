package io.proxima.bgp.session;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sockets under the sessions: native epoll where available (needed for TCP MD5 and the raw
 * TTL options), NIO otherwise. Owns the event loops.
 */
public final class Transport implements AutoCloseable {

    /** Give up a TCP connect after this long; the FSM's ConnectRetry timer tries again. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final EventLoopGroup group;
    private final boolean epoll;

    public Transport(int threads) {
        this.epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    public boolean nativeEpoll() {
        return epoll;
    }

    /** An event loop of this transport; a speaker keeps all its state on one. */
    public EventLoop nextLoop() {
        return group.next();
    }

    /**
     * Listens on an address. Each accepted connection goes to {@code accept}, which decides on
     * the event loop whether to keep it. MD5 keys must be known here: the kernel checks them
     * before the connection exists.
     */
    public Channel listen(InetSocketAddress at, Map<InetAddress, String> md5Keys, Consumer<SocketChannel> accept)
            throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept.accept(ch);
                    }
                });
        Channel server = b.bind(at).sync().channel();
        if (epoll) {
            // The kernel answers a SYN with the listener's TTL, before the connection is ours to
            // configure. 255 lets a GTSM peer (RFC 5082) accept the SYN-ACK; for the rest it is harmless.
            server.config().setOption(at.getAddress() instanceof java.net.Inet6Address
                    ? SocketOptions.IPV6_UNICAST_HOPS : SocketOptions.IP_TTL, SocketOptions.GTSM_TTL);
        }
        if (!md5Keys.isEmpty()) setMd5(server, md5Keys);
        return server;
    }

    /** Updates the MD5 keys of a listening socket (peers added or removed). */
    public void setMd5(Channel server, Map<InetAddress, String> keys) {
        requireEpoll("TCP MD5");
        server.config().setOption(EpollChannelOption.TCP_MD5SIG, toBytes(keys));
    }

    /** Connects to a peer with its socket options; {@code init} adds the session's handlers. */
    ChannelFuture connect(PeerConfig peer, int ttl, int minTtl, EventLoop loop, ChannelInitializer<Channel> init) {
        Bootstrap b = new Bootstrap().group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(init);
        if (epoll) {
            boolean v6 = peer.address().v6();
            b.option(v6 ? SocketOptions.IPV6_UNICAST_HOPS : SocketOptions.IP_TTL, ttl);
            if (minTtl > 0) b.option(v6 ? SocketOptions.IPV6_MINHOPCOUNT : SocketOptions.IP_MINTTL, minTtl);
            peer.md5Password().ifPresent(k -> b.option(EpollChannelOption.TCP_MD5SIG,
                    toBytes(Map.of(peer.address().toInetAddress(), k))));
        } else if (peer.md5Password().isPresent() || minTtl > 0) {
            requireEpoll("TCP MD5 and GTSM");
        }
        InetSocketAddress remote = new InetSocketAddress(peer.address().toInetAddress(), peer.port());
        return peer.localAddress().isPresent()
                ? b.connect(remote, new InetSocketAddress(peer.localAddress().get().toInetAddress(), 0))
                : b.connect(remote);
    }

    /** Sets TTL and GTSM on an accepted connection. */
    void applyTtl(Channel ch, boolean v6, int ttl, int minTtl) {
        if (!epoll) return;
        ch.config().setOption(v6 ? SocketOptions.IPV6_UNICAST_HOPS : SocketOptions.IP_TTL, ttl);
        if (minTtl > 0) ch.config().setOption(v6 ? SocketOptions.IPV6_MINHOPCOUNT : SocketOptions.IP_MINTTL, minTtl);
    }

    private void requireEpoll(String what) {
        if (!epoll) throw new IllegalStateException(what + " needs Netty's native epoll transport (Linux)");
    }

    private static Map<InetAddress, byte[]> toBytes(Map<InetAddress, String> keys) {
        Map<InetAddress, byte[]> m = new java.util.HashMap<>();
        keys.forEach((a, k) -> m.put(a, k.getBytes(StandardCharsets.US_ASCII)));
        return m;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
