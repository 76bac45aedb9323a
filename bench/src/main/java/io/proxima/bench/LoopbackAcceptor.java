package io.proxima.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service under test for health-10k.sh: a real TCP listener on 127.0.0.1, on one or more
 * ports, that accepts each connection and closes it at once, on one platform thread with one NIO
 * selector. A TCP check without send/expect passes as soon as its connect completes, which the
 * kernel does from the listen backlog; accepting keeps the backlog from filling up.
 */
final class LoopbackAcceptor implements AutoCloseable {

    /** The kernel caps it at net.core.somaxconn (4096 on Debian 12). */
    static final int BACKLOG = 4096;

    private final Selector selector;
    private final List<ServerSocketChannel> servers;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();

    private LoopbackAcceptor(Selector selector, List<ServerSocketChannel> servers) {
        this.selector = selector;
        this.servers = servers;
        this.thread = Thread.ofPlatform().daemon().name("loopback-acceptor").start(this::run);
    }

    static LoopbackAcceptor start(int ports) {
        try {
            Selector selector = Selector.open();
            List<ServerSocketChannel> servers = new ArrayList<>();
            for (int i = 0; i < ports; i++) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
                servers.add(server);
            }
            return new LoopbackAcceptor(selector, List.copyOf(servers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Integer> ports() {
        return servers.stream().map(s -> s.socket().getLocalPort()).toList();
    }

    long accepted() {
        return accepted.get();
    }

    private void run() {
        try {
            while (selector.isOpen()) {
                selector.select(key -> drain((ServerSocketChannel) key.channel()));
            }
        } catch (ClosedSelectorException e) {
            // closed: done
        } catch (IOException e) {
            AnnounceBenchmark.log("acceptor stopped: %s", e);
        }
    }

    /** Accepts and closes every connection waiting on {@code server}. */
    private void drain(ServerSocketChannel server) {
        try {
            for (SocketChannel c = server.accept(); c != null; c = server.accept()) {
                c.close();
                accepted.incrementAndGet();
            }
        } catch (IOException e) {
            // EMFILE and the like: the checks see refused or timed-out connects, which the
            // benchmark reports as failed probes.
            AnnounceBenchmark.log("acceptor: %s", e);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        selector.close();
        thread.join();
        for (ServerSocketChannel s : servers) s.close();
    }
}
