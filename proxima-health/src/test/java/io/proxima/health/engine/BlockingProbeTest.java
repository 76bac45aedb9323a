package io.proxima.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.BlockingProbe;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link BlockingProbe} is called on the launcher's thread, never through its own
 * {@link BlockingProbe#probe}, and the engine's timeout interrupts it; the interrupt never reaches
 * the launcher's next task.
 */
class BlockingProbeTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Timing ONE_EACH = new Timing(INTERVAL, TIMEOUT, 1, 1, Optional.empty(), Optional.empty());
    /** Real time, for the interrupt test: short, so that several attempts fit in the test. */
    private static final Timing REAL = new Timing(Duration.ofMillis(100), Duration.ofMillis(50), 1, 1, Optional.empty(), Optional.empty());
    /** How long the real-time test waits for each thing it expects. */
    private static final long WAIT_SECONDS = 10;

    /** Answers {@code answer} from {@link #call}; fails the test if its asynchronous path is used. */
    private static class Recording implements BlockingProbe {
        final List<Thread> threads = new ArrayList<>();
        ProbeResult answer = ProbeResult.pass(Duration.ofMillis(1), "ok");

        @Override
        public ProbeResult call(Duration timeout) {
            threads.add(Thread.currentThread());
            return answer;
        }

        @Override
        public CompletionStage<ProbeResult> probe(Duration timeout) {
            throw new AssertionError("the engine must call a blocking probe directly");
        }
    }

    @Test
    void aBlockingProbeRunsOnTheLaunchersThread() {
        FakeScheduler scheduler = new FakeScheduler();
        List<HealthEvent> events = new ArrayList<>();
        List<Thread> launcherThreads = new ArrayList<>();
        Recording probe = new Recording();
        HealthEngine engine = new HealthEngine(scheduler, task -> {
            launcherThreads.add(Thread.currentThread());
            task.run();
        }, Duration.ofSeconds(3), List.of(new NamedCheck("tcp", ONE_EACH, probe)), List.of());
        engine.subscribe(events::add);
        engine.start();
        scheduler.advance(INTERVAL.multipliedBy(3));
        assertThat(probe.threads).hasSizeGreaterThanOrEqualTo(2).isEqualTo(launcherThreads);
        assertThat(events).filteredOn(HealthEvent.ProbeCompleted.class::isInstance).hasSameSizeAs(probe.threads)
                .allSatisfy(e -> assertThat(((HealthEvent.ProbeCompleted) e).result()).isSameAs(probe.answer));
        assertThat(events).filteredOn(HealthEvent.CheckTransition.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((HealthEvent.CheckTransition) e).to()).isEqualTo(CheckState.UP));
    }

    @Test
    @Timeout(30)
    void theTimeoutInterruptsTheCallAndTheInterruptDoesNotLeak() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        BlockingQueue<HealthEvent.ProbeCompleted> completed = new LinkedBlockingQueue<>();
        // Blocks until interrupted, then returns leaving the interrupt set, as a careless body would.
        BlockingProbe stuck = new BlockingProbe() {
            @Override
            public ProbeResult call(Duration timeout) {
                seen.add(Thread.currentThread().isInterrupted() ? "entered interrupted" : "entered");
                while (!Thread.currentThread().isInterrupted()) LockSupport.park(this);
                seen.add("interrupted");
                return ProbeResult.pass(Duration.ZERO, "too late");
            }

            @Override
            public CompletionStage<ProbeResult> probe(Duration timeout) {
                throw new AssertionError("the engine must call a blocking probe directly");
            }
        };
        // One platform thread runs every launch, so a leaked interrupt would reach the next call.
        try (ThreadScheduler scheduler = new ThreadScheduler("blocking-probe-test");
             ExecutorService launcher = Executors.newSingleThreadExecutor()) {
            HealthEngine engine = new HealthEngine(scheduler, launcher, Duration.ofSeconds(1),
                    List.of(new NamedCheck("stuck", REAL, stuck)), List.of());
            engine.subscribe(e -> {
                if (e instanceof HealthEvent.ProbeCompleted p) completed.add(p);
            });
            engine.start();
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(seen.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("entered");
                HealthEvent.ProbeCompleted p = completed.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(p).isNotNull();
                assertThat(p.result().pass()).isFalse();
                assertThat(p.result().reason()).isEqualTo("timeout after 50 ms");
                assertThat(seen.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("interrupted");
            }
            engine.stop();
        }
    }
}
