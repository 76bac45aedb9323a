package io.proxima.daemon;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The systemd notification protocol ({@code sd_notify(3)}) for a {@code Type=notify} unit:
 * {@code READY=1} once the daemon runs, {@code STOPPING=1} when it starts to shut down, and
 * {@code WATCHDOG=1} (sent by {@code proxima run} at half the watchdog period, while the daemon's
 * control thread answers) when the unit sets {@code WatchdogSec}. Datagrams
 * go to the AF_UNIX socket named by {@code $NOTIFY_SOCKET}, which the JDK cannot open, so Netty's
 * epoll transport sends them. Without {@code $NOTIFY_SOCKET} (not under systemd) every call does
 * nothing.
 */
public final class SystemdNotify implements AutoCloseable {

    public static final String SOCKET_ENV = "NOTIFY_SOCKET";
    public static final String WATCHDOG_ENV = "WATCHDOG_USEC";

    private static final SystemdNotify NONE = new SystemdNotify(null, null, null);

    private final EventLoopGroup group;
    private final Channel channel;
    private final DomainSocketAddress target;

    private SystemdNotify(EventLoopGroup group, Channel channel, DomainSocketAddress target) {
        this.group = group;
        this.channel = channel;
        this.target = target;
    }

    public static SystemdNotify fromEnvironment() {
        return of(System.getenv());
    }

    /** Connects to {@code $NOTIFY_SOCKET} if set; starts the watchdog pings if {@code $WATCHDOG_USEC} is. */
    public static SystemdNotify of(Map<String, String> env) {
        String path = env.get(SOCKET_ENV);
        if (path == null || path.isEmpty() || !Epoll.isAvailable()) return NONE;
        // An abstract socket is written with a leading '@' and addressed with a leading NUL.
        String address = path.startsWith("@") ? "\0" + path.substring(1) : path;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            Channel ch = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new ChannelInboundHandlerAdapter()).register().sync().channel();
            return new SystemdNotify(group, ch, new DomainSocketAddress(address));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            return NONE;
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            return NONE;
        }
    }

    /** Half the watchdog period systemd asked for ({@code $WATCHDOG_USEC}), or empty without one. */
    public static java.util.Optional<Duration> watchdogPing(Map<String, String> env) {
        String usec = env.get(WATCHDOG_ENV);
        if (usec == null || usec.isBlank()) return java.util.Optional.empty();
        try {
            long half = Long.parseLong(usec.strip()) / 2;
            return half > 0 ? java.util.Optional.of(Duration.ofNanos(half * 1000)) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public boolean active() {
        return channel != null;
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + status.replace('\n', ' '));
    }

    public void stopping() {
        send("STOPPING=1");
    }

    /** Sends one notification; a lost datagram is not an error (systemd says what it missed). */
    public void send(String message) {
        if (channel == null) return;
        channel.writeAndFlush(new DomainDatagramPacket(Unpooled.copiedBuffer(message, StandardCharsets.UTF_8), target))
                .awaitUninterruptibly(Duration.ofSeconds(1).toMillis());
    }

    @Override
    public void close() {
        if (group != null) group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
