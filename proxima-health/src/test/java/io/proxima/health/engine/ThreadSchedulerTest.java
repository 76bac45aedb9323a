package io.proxima.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The production wiring, on real threads: waits on a latch for results, never sleeps. */
class ThreadSchedulerTest {

    private static final int CHECKS = 1000;
    private static final Timing TIMING = new Timing(Duration.ofMillis(200), Duration.ofMillis(100), 1, 1,
            Optional.empty(), Optional.empty());
    private static final String THREAD = "proxima-health-test";

    @Test
    void thousandChecksAreDrivenByOneSchedulerThread() throws InterruptedException {
        Set<String> engineThreads = ConcurrentHashMap.newKeySet();
        Set<String> probed = ConcurrentHashMap.newKeySet();
        CountDownLatch allProbed = new CountDownLatch(CHECKS);
        List<NamedCheck> checks = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            checks.add(new NamedCheck("c" + i, TIMING,
                    timeout -> CompletableFuture.completedFuture(ProbeResult.pass(Duration.ofMillis(1), "ok"))));
        }
        try (var scheduler = new ThreadScheduler(THREAD); var launcher = Executors.newVirtualThreadPerTaskExecutor()) {
            HealthEngine engine = new HealthEngine(scheduler, launcher, Duration.ofSeconds(1), checks, List.of());
            engine.subscribe(e -> {
                engineThreads.add(Thread.currentThread().getName());
                if (e instanceof HealthEvent.ProbeCompleted p && probed.add(p.check())) allProbed.countDown();
            });
            engine.start();
            assertThat(allProbed.await(30, TimeUnit.SECONDS)).isTrue();
            engine.stop();
        }
        assertThat(engineThreads).containsExactly(THREAD);
    }

    @Test
    void aTimerKeepsOneEntryThroughReArmingAndCancelling() throws InterruptedException {
        try (var scheduler = new ThreadScheduler(THREAD)) {
            CountDownLatch ran = new CountDownLatch(1);
            Scheduler.Timer timer = scheduler.timer(ran::countDown);
            Duration far = Duration.ofHours(1);
            timer.arm(far.toNanos());
            timer.arm(far.toNanos());
            assertThat(scheduler.pending()).isEqualTo(1);
            timer.cancel();
            assertThat(scheduler.pending()).isZero();
            timer.arm(far.toNanos());
            timer.arm(0); // replaces the far arming
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(scheduler.pending()).isZero();
        }
    }

    @Test
    void tasksDueOnTheSameTickRunInTheOrderQueued() throws InterruptedException {
        int tasks = 100;
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(tasks);
        try (var scheduler = new ThreadScheduler(THREAD)) {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                scheduler.execute(() -> {
                    order.add(n);
                    done.countDown();
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).isSorted().hasSize(tasks);
    }
}
