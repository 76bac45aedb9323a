package io.proxima.dns;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authoritative responder: UDP and TCP on every configured address, answering from one
 * {@link ResponderConfig}. Instances are independent (their own event loops, counters and
 * sockets), so one JVM may run several, as the demo does.
 *
 * <p>Sockets: per address, one TCP listener and, with native epoll, one UDP socket per event loop
 * on the same port ({@code SO_REUSEPORT}, so the kernel spreads queries over the loops; NIO gets
 * one UDP socket). The TCP listener is bound first and without {@code SO_REUSEPORT}: it is what
 * fails, with "address in use", when another server already has the port. Port 0 picks one free
 * port for both UDP and TCP, which clients need to fall back from UDP to TCP.
 *
 * <pre>{@code
 * try (DnsResponder r = DnsResponder.start(config)) {
 *     InetSocketAddress at = r.boundAddresses().get(0);
 *     ...
 *     Counters c = r.counters();
 * }
 * }</pre>
 */
public final class DnsResponder implements AutoCloseable {

    /** Event loops when not given: two keep a small deployment responsive without taking every core. */
    public static final int DEFAULT_IO_THREADS = 2;
    /** Tries at finding a port free for both UDP and TCP when port 0 is asked. */
    static final int BIND_ATTEMPTS = 16;
    /** RFC 7766 section 6.2.3: idle TCP connections are closed; seconds are the order it suggests. */
    static final int TCP_IDLE_SECONDS = 10;
    /** Concurrent TCP clients per responder; more are closed at once, so a flood cannot exhaust descriptors. */
    static final int MAX_TCP_CONNECTIONS = 256;
    /** Asked for each UDP socket's receive buffer (the kernel caps it at net.core.rmem_max): rides out bursts. */
    static final int UDP_RECEIVE_BUFFER = 4 << 20;
    /**
     * The largest UDP query read whole. Real queries are far smaller (a name of at most 255 octets,
     * an OPT record); a larger datagram is cut and so answered FORMERR.
     */
    static final int MAX_QUERY_DATAGRAM = 4096;
    /** Datagrams read per recvmmsg call with epoll: measured, it lifts throughput by about a fifth. */
    static final int UDP_BATCH = 16;
    /** Responses queued per UDP socket beyond which queries are dropped rather than queued. */
    static final WriteBufferWaterMark UDP_WATER_MARK = new WriteBufferWaterMark(256 << 10, 1 << 20);
    /** Per TCP connection: beyond this much unsent data, the connection is not read until it drains. */
    static final WriteBufferWaterMark TCP_WATER_MARK = new WriteBufferWaterMark(32 << 10, 64 << 10);
    static final long CLOSE_TIMEOUT_SECONDS = 2;
    /** Netty's encoders are stateless and sharable; ours writes pre-built records in one copy. */
    static final DatagramDnsResponseEncoder UDP_ENCODER = new DatagramDnsResponseEncoder(ResponseRecordEncoder.INSTANCE);
    static final TcpDnsResponseEncoder TCP_ENCODER = new TcpDnsResponseEncoder(ResponseRecordEncoder.INSTANCE);

    private final EventLoopGroup group;
    private final boolean epoll;
    private final int udpSocketsPerAddress;
    private final Tally tally = new Tally();
    private final QueryHandler udpHandler;
    private final QueryHandler tcpHandler;
    private final AtomicInteger tcpConnections = new AtomicInteger();
    private final List<Channel> channels = new ArrayList<>();
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Written only by {@link #reconfigure}, under this object's lock; read by the handlers through their own copy. */
    private volatile Serving serving;

    private DnsResponder(ResponderConfig config, int ioThreads) {
        this.epoll = Epoll.isAvailable();
        this.udpSocketsPerAddress = epoll ? ioThreads : 1;
        String threadName = "dns-" + config.nodeName().replaceAll("[^A-Za-z0-9.-]", "_");
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory(threadName, true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.serving = Serving.of(config, null);
        this.udpHandler = new QueryHandler(serving, tally, true);
        this.tcpHandler = new QueryHandler(serving, tally, false);
    }

    /** Starts a responder with {@value #DEFAULT_IO_THREADS} event loops. */
    public static DnsResponder start(ResponderConfig config) {
        return start(config, DEFAULT_IO_THREADS);
    }

    /**
     * Binds every listen address and starts answering.
     *
     * @param ioThreads event loops, at least 1; with epoll also the UDP sockets per address
     * @throws UncheckedIOException when an address cannot be bound, naming it; nothing stays bound
     */
    public static DnsResponder start(ResponderConfig config, int ioThreads) {
        if (ioThreads < 1) throw new IllegalArgumentException("ioThreads must be at least 1");
        DnsResponder r = new DnsResponder(config, ioThreads);
        try {
            for (InetSocketAddress a : config.listen()) r.bound.add(r.bind(a));
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    /** Where the responder listens, in the order of {@link ResponderConfig#listen()}: UDP and TCP on each port. */
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    /** The configuration answered from now. */
    public ResponderConfig config() {
        return serving.config();
    }

    /**
     * Answers from {@code next} from now on, without closing a socket or dropping a query: a new
     * zone, node name, NSID, hand-off or rate limit (the buckets survive if the limit is the same).
     * Everything is built before the switch, so a query sees the old configuration or the new one.
     *
     * @throws IllegalArgumentException if {@code next} listens elsewhere: that needs a new responder
     */
    public synchronized void reconfigure(ResponderConfig next) {
        if (!next.listen().equals(serving.config().listen())) {
            throw new IllegalArgumentException("listen addresses changed from " + serving.config().listen() + " to " + next.listen()
                    + ": close this responder and start another");
        }
        Serving s = Serving.of(next, serving);
        serving = s;
        udpHandler.serve(s);
        tcpHandler.serve(s);
    }

    /** The counters now; see {@link Counters} for what each one counts. */
    public Counters counters() {
        return tally.snapshot();
    }

    /** Closes every socket and stops the event loops. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        synchronized (channels) {
            for (Channel c : channels) c.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private InetSocketAddress bind(InetSocketAddress at) {
        for (int attempt = 1; ; attempt++) {
            Channel tcp = bindTcp(at);
            InetSocketAddress local = (InetSocketAddress) tcp.localAddress();
            List<Channel> udp = new ArrayList<>();
            try {
                for (int i = 0; i < udpSocketsPerAddress; i++) udp.add(bindUdp(new InetSocketAddress(at.getAddress(), local.getPort())));
            } catch (UncheckedIOException e) {
                udp.forEach(c -> c.close().awaitUninterruptibly());
                tcp.close().awaitUninterruptibly();
                // With port 0 the TCP port may be taken for UDP by someone else: try another.
                if (at.getPort() != 0 || attempt >= BIND_ATTEMPTS) throw e;
                continue;
            }
            synchronized (channels) {
                channels.add(tcp);
                channels.addAll(udp);
            }
            return local;
        }
    }

    private Channel bindUdp(InetSocketAddress at) {
        Bootstrap b = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, UDP_WATER_MARK)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new GuardedQueryDecoder(), UDP_ENCODER, udpHandler);
                    }
                });
        if (epoll) b.option(EpollChannelOption.SO_REUSEPORT, true);
        if (epoll) {
            // recvmmsg: one system call reads up to UDP_BATCH datagrams into slices of one buffer.
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_QUERY_DATAGRAM)
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_QUERY_DATAGRAM * UDP_BATCH));
        }
        return sync(b.bind(at), at, "udp");
    }

    private Channel bindTcp(InetSocketAddress at) {
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, TCP_WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tcpConnections.incrementAndGet() > MAX_TCP_CONNECTIONS) {
                            tcpConnections.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> tcpConnections.decrementAndGet());
                        ch.pipeline().addLast(new TcpIdleTimeout(TCP_IDLE_SECONDS, TimeUnit.SECONDS),
                                new TcpDnsQueryDecoder(QuestionDecoder.INSTANCE, QueryHandler.MAX_TCP_MESSAGE), TCP_ENCODER, tcpHandler);
                    }
                });
        return sync(b.bind(at), at, "tcp");
    }

    private static Channel sync(io.netty.channel.ChannelFuture f, InetSocketAddress at, String transport) {
        f.awaitUninterruptibly();
        if (f.isSuccess()) return f.channel();
        Throwable cause = f.cause();
        throw new UncheckedIOException(new IOException("cannot listen on " + at.getAddress().getHostAddress() + " port "
                + at.getPort() + "/" + transport + ": " + cause.getMessage(), cause));
    }

    @Override
    public String toString() {
        return "DnsResponder(" + serving.config().nodeName() + " on " + bound + ")";
    }
}
