package io.proxima.bench;

import io.proxima.health.check.TcpCheck;
import io.proxima.health.check.Timing;
import io.proxima.health.engine.CheckState;
import io.proxima.health.engine.FlapDamping;
import io.proxima.health.engine.HealthEngine;
import io.proxima.health.engine.HealthEvent;
import io.proxima.health.engine.HealthListener;
import io.proxima.health.engine.NamedCheck;
import io.proxima.health.engine.ThreadScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * TCP checks through the engine as the daemon wires it: one {@link ThreadScheduler} thread, a
 * virtual thread per probe launch, and the real TCP prober ({@code Probes.of}). The lateness comes
 * from {@link HealthEngine#measureLateness}: the start on the launcher's thread minus the start the
 * engine planned.
 */
final class EngineLoad implements ProbeLoad, HealthListener {

    static final String SCHEDULER_THREAD = "proxima-health";
    static final int RISE = 2;
    static final int FALL = 2;
    static final Duration ASSERT_EVERY = Duration.ofSeconds(1);
    /** Failure reasons kept for the report. */
    static final int TOP_REASONS = 3;

    private final ThreadScheduler scheduler = new ThreadScheduler(SCHEDULER_THREAD);
    private final ExecutorService launcher = Executors.newVirtualThreadPerTaskExecutor();
    private final HealthEngine engine;
    private final int checks;
    private final long start = System.nanoTime();
    // Written on the engine's thread (the listener), read on the benchmark's main thread.
    private int up;
    private volatile long allUpNanos = -1;
    private volatile boolean counting;
    private final LongAdder passes = new LongAdder();
    private final LongAdder fails = new LongAdder();
    private final Map<String, Long> reasons = new ConcurrentHashMap<>();

    EngineLoad(List<Integer> ports, int checks, Duration interval, Duration timeout, LongConsumer lateness) {
        this.checks = checks;
        Timing timing = new Timing(interval, timeout, RISE, FALL, Optional.empty(), Optional.empty());
        List<NamedCheck> named = new ArrayList<>(checks);
        for (int i = 0; i < checks; i++) {
            TcpCheck tcp = new TcpCheck("127.0.0.1", ports.get(i % ports.size()), Optional.empty(), Optional.empty(), timing);
            named.add(new NamedCheck(String.format(Locale.ROOT, "tcp-%05d", i), tcp, FlapDamping.DEFAULTS));
        }
        engine = new HealthEngine(scheduler, launcher, ASSERT_EVERY, named, List.of());
        engine.subscribe(this);
        engine.measureLateness(lateness);
        engine.start();
    }

    @Override
    public void on(HealthEvent event) {
        if (event instanceof HealthEvent.CheckTransition t && t.to() == CheckState.UP && ++up == checks) {
            allUpNanos = System.nanoTime() - start;
        }
        if (!counting || !(event instanceof HealthEvent.ProbeCompleted p)) return;
        if (p.result().pass()) {
            passes.increment();
        } else {
            fails.increment();
            reasons.merge(p.result().reason(), 1L, Long::sum);
        }
    }

    @Override
    public String schedulerThread() {
        return SCHEDULER_THREAD;
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
        reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_REASONS)
                .forEach(e -> out.add(e.getKey().replace(',', ';') + ":" + e.getValue()));
        return String.join(",", out);
    }

    @Override
    public String warmedUp() {
        long t = allUpNanos;
        return t < 0 ? "not every check is UP yet" : String.format(Locale.ROOT, "every check UP %.2f s after start", t / 1e9);
    }

    @Override
    public void close() {
        engine.stop();
        launcher.close();
        scheduler.close();
    }
}
