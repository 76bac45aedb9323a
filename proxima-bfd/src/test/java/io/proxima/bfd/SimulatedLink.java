package io.proxima.bfd;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Two {@link SimulatedPeer}s joined by a link with a fixed latency, on a simulated clock: a
 * discrete-event simulation in which timers and packet deliveries run in time order, so an hour of
 * BFD takes milliseconds and never sleeps.
 */
final class SimulatedLink {

    static final Duration LATENCY = Duration.ofMillis(1);
    static final SessionKey A_KEY = SessionKey.of(address("203.0.113.33"), address("203.0.113.34"));
    static final SessionKey B_KEY = SessionKey.of(address("203.0.113.34"), address("203.0.113.33"));

    private record Delivery(long at, long seq, SimulatedPeer to, ControlPacket packet) { }

    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(Comparator.comparingLong(Delivery::at).thenComparingLong(Delivery::seq));
    private long now;
    private long seq;
    /** Per direction: whether packets get through. */
    boolean aToB = true;
    boolean bToA = true;
    final SimulatedPeer a;
    final SimulatedPeer b;

    SimulatedLink(SessionConfig a, SessionConfig b, long seed) {
        this.a = new SimulatedPeer("A", a, 0x0A0A0A0A, seed, this);
        this.b = new SimulatedPeer("B", b, 0x0B0B0B0B, seed + 1, this);
        this.a.wire = p -> {
            if (aToB) inFlight.add(new Delivery(now + LATENCY.toNanos(), seq++, this.b, p));
        };
        this.b.wire = p -> {
            if (bToA) inFlight.add(new Delivery(now + LATENCY.toNanos(), seq++, this.a, p));
        };
    }

    static SessionConfig config(SessionKey key, long intervalMs, int mult) {
        return SessionConfig.of(key, Duration.ofMillis(intervalMs), mult);
    }

    long now() {
        return now;
    }

    void start() {
        a.fire(new Event.Start());
        b.fire(new Event.Start());
    }

    /** Runs every timer and delivery due within {@code d}, in order, then sets the clock to the end. */
    void run(Duration d) {
        long end = now + d.toNanos();
        while (true) {
            long next = Long.MAX_VALUE;
            SimulatedPeer owner = null;
            Timer timer = null;
            for (SimulatedPeer p : new SimulatedPeer[] {a, b}) {
                for (var e : p.deadlines.entrySet()) {
                    if (e.getValue() < next) {
                        next = e.getValue();
                        owner = p;
                        timer = e.getKey();
                    }
                }
            }
            Delivery d0 = inFlight.peek();
            if (d0 != null && d0.at() <= next) {
                if (d0.at() > end) break;
                inFlight.poll();
                now = d0.at();
                d0.to().fire(new Event.Received(d0.packet()));
                continue;
            }
            if (next > end) break;
            now = next;
            owner.deadlines.remove(timer);
            owner.fire(new Event.TimerExpired(timer));
        }
        now = end;
    }

    /** Runs until {@code condition} holds, at most {@code limit}; returns the simulated time it took. */
    Duration runUntil(java.util.function.BooleanSupplier condition, Duration limit) {
        long start = now;
        Duration step = Duration.ofMillis(1);
        while (!condition.getAsBoolean()) {
            if (now - start > limit.toNanos()) throw new AssertionError("not within " + limit + ": A " + a.vars + ", B " + b.vars);
            run(step);
        }
        return Duration.ofNanos(now - start);
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
