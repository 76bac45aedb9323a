package io.proxima.health.engine;

import io.proxima.health.probe.Probe;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An in-memory probe: answers with whatever {@code next} says, immediately, after simulated time
 * on a {@link FakeScheduler}, or never. Records when it was called and on which thread.
 */
final class FakeProbe implements Probe {

    static final Duration FAST = Duration.ofMillis(1);

    private final FakeScheduler scheduler;
    private volatile Supplier<ProbeResult> next = () -> ProbeResult.pass(FAST, "ok");
    private Duration delay = Duration.ZERO;
    private boolean never;
    final List<Long> calls = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();

    FakeProbe(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    FakeProbe passing() {
        next = () -> ProbeResult.pass(FAST, "ok");
        return this;
    }

    FakeProbe failing(String reason) {
        next = () -> ProbeResult.fail(FAST, reason);
        return this;
    }

    FakeProbe answering(ProbeResult result) {
        next = () -> result;
        return this;
    }

    FakeProbe after(Duration simulated) {
        delay = simulated;
        return this;
    }

    FakeProbe never() {
        never = true;
        return this;
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        calls.add(scheduler.nanoTime());
        threads.add(Thread.currentThread());
        CompletableFuture<ProbeResult> f = new CompletableFuture<>();
        if (never) return f;
        ProbeResult r = next.get();
        if (delay.isZero()) f.complete(r);
        else scheduler.schedule(delay, () -> f.complete(r));
        return f;
    }
}
