package io.proxima.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sends a probe every interval, each on its own virtual thread so that a slow or lost probe never
 * delays the next one, and hands the outcomes to a consumer in sending order. Probes are scheduled
 * on a fixed grid ({@code start + seq × interval}) rather than "interval after the last one", so
 * the sending rate does not drift and gaps are multiples of the interval.
 *
 * <p>The consumer runs on the thread that called {@link #run}: a tracker needs no locks.
 */
final class ProbeLoop {

    /** A run ends after this many probes or this long, whichever the caller gave; unlimited otherwise. */
    record Limit(long count, Duration duration) {
        static final Limit UNLIMITED = new Limit(Long.MAX_VALUE, null);

        boolean reached(long sent, long elapsedNanos) {
            return sent >= count || (duration != null && elapsedNanos >= duration.toNanos());
        }
    }

    private final Prober prober;
    private final ProbeClock clock;
    private final Duration interval;
    private final Duration timeout;
    private final Limit limit;
    private final Map<Long, ProbeOutcome> done = new ConcurrentHashMap<>();
    private long delivered;

    ProbeLoop(Prober prober, ProbeClock clock, Duration interval, Duration timeout, Limit limit) {
        this.prober = prober;
        this.clock = clock;
        this.interval = interval;
        this.timeout = timeout;
        this.limit = limit;
    }

    /** Probes until the limit or {@code stop}; then waits for the probes in flight and delivers them. */
    void run(AtomicBoolean stop, Consumer<ProbeOutcome> sink) throws InterruptedException {
        long start = clock.nanoTime();
        long seq = 0;
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!stop.get() && !Thread.currentThread().isInterrupted()) {
                long due = start + seq * interval.toNanos();
                if (limit.reached(seq, due - start)) break;
                clock.sleepUntil(due);
                deliver(sink);
                if (stop.get()) break;
                long s = seq++;
                Instant sentAt = clock.now();
                long sentNanos = clock.nanoTime();
                probes.submit(() -> done.put(s, probe(s, sentAt, sentNanos)));
            }
        } // closing the executor waits for every probe: each ends within its timeout
        deliver(sink);
        if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
    }

    private ProbeOutcome probe(long seq, Instant sentAt, long sentNanos) {
        try {
            Optional<Prober.Answer> answer = prober.probe(seq, timeout);
            return answer.map(a -> ProbeOutcome.answered(seq, sentAt, sentNanos, a.instance(), a.rttNanos()))
                    .orElseGet(() -> ProbeOutcome.lost(seq, sentAt, sentNanos));
        } catch (IOException | RuntimeException e) {
            // No route, refused, unreachable: the probe got no answer, which is what we count. A
            // RuntimeException would be a prober's bug; counting the probe lost keeps the
            // in-order delivery from waiting for it forever.
            return ProbeOutcome.lost(seq, sentAt, sentNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.lost(seq, sentAt, sentNanos);
        }
    }

    /** Hands over every outcome that is next in sending order. */
    private void deliver(Consumer<ProbeOutcome> sink) {
        for (ProbeOutcome o; (o = done.remove(delivered)) != null; delivered++) sink.accept(o);
    }
}
