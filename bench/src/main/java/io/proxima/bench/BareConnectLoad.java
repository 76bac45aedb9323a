package io.proxima.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The floor for health-10k.sh: the same connects at the same rate with no engine at all. One
 * platform thread plans check {@code i}'s probes at {@code i × interval / checks + k × interval}
 * and starts a virtual thread for each that opens a socket, connects and closes it. What the
 * engine costs above this is the engine's; the rest is the JVM's and the kernel's price for a
 * loopback connection.
 */
final class BareConnectLoad implements ProbeLoad {

    static final String PACER_THREAD = "bare-pacer";

    private final List<InetSocketAddress> targets = new ArrayList<>();
    private final int checks;
    private final long intervalNanos;
    private final int timeoutMillis;
    private final Thread pacer;
    private volatile boolean running = true;
    private final LongConsumer lateness;
    private volatile boolean counting;
    private final LongAdder passes = new LongAdder();
    private final LongAdder fails = new LongAdder();
    private final Map<String, Long> reasons = new ConcurrentHashMap<>();

    BareConnectLoad(List<Integer> ports, int checks, Duration interval, Duration timeout, LongConsumer lateness) {
        this.lateness = lateness;
        for (int port : ports) targets.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.checks = checks;
        this.intervalNanos = interval.toNanos();
        this.timeoutMillis = (int) timeout.toMillis();
        this.pacer = Thread.ofPlatform().daemon().name(PACER_THREAD).start(this::pace);
    }

    private void pace() {
        long start = System.nanoTime();
        for (long round = 0; running; round++) {
            for (int i = 0; i < checks && running; i++) {
                long planned = start + round * intervalNanos + i * intervalNanos / checks;
                for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                InetSocketAddress target = targets.get(i % targets.size());
                Thread.ofVirtual().start(() -> connect(target, planned));
            }
        }
    }

    private void connect(InetSocketAddress target, long planned) {
        lateness.accept(System.nanoTime() - planned);
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(target, timeoutMillis);
            if (counting) passes.increment();
        } catch (IOException e) {
            if (counting) {
                fails.increment();
                reasons.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            }
        }
    }

    @Override
    public String schedulerThread() {
        return PACER_THREAD;
    }

    @Override
    public void counting(boolean on) {
        counting = on;
    }

    @Override
    public long passes() {
        return passes.sum();
    }

    @Override
    public long fails() {
        return fails.sum();
    }

    @Override
    public String failReasons() {
        if (reasons.isEmpty()) return "-";
        List<String> out = new ArrayList<>();
        reasons.forEach((k, v) -> out.add(k + ":" + v));
        return String.join(",", out);
    }

    @Override
    public String warmedUp() {
        return "bare connect loop running";
    }

    @Override
    public void close() {
        running = false;
        try {
            pacer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
