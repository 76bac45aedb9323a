package io.proxima.health.engine;

import static io.proxima.health.engine.ServiceSpec.Member.required;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HealthEngineTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration FAST = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Long enough for every check's first probe to start (splay) and to time out. */
    private static final Duration FIRST_ROUND = INTERVAL.plus(TIMEOUT);
    private static final Duration ASSERT_EVERY = Duration.ofSeconds(3);
    private static final Timing RISE3_FALL2 = new Timing(INTERVAL, TIMEOUT, 3, 2, Optional.of(FAST), Optional.empty());
    private static final Timing ONE_EACH = new Timing(INTERVAL, TIMEOUT, 1, 1, Optional.empty(), Optional.of(Duration.ofMillis(100)));

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<HealthEvent> events = new ArrayList<>();
    private final long t0 = scheduler.nanoTime();

    private HealthEngine engine(List<NamedCheck> checks, List<ServiceSpec> services) {
        HealthEngine engine = new HealthEngine(scheduler, Runnable::run, ASSERT_EVERY, checks, services);
        engine.subscribe(events::add);
        engine.start();
        return engine;
    }

    private <T extends HealthEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void firstProbeIsOffsetByTheSplay() {
        FakeProbe probe = new FakeProbe(scheduler);
        engine(List.of(new NamedCheck("web", RISE3_FALL2, probe)), List.of());
        scheduler.advance(INTERVAL);
        assertThat(probe.calls.getFirst()).isEqualTo(t0 + Splay.offset("web", INTERVAL).toNanos());
    }

    @Test
    void fastIntervalWhileChangingIntervalWhenSteady() {
        FakeProbe probe = new FakeProbe(scheduler);
        engine(List.of(new NamedCheck("web", RISE3_FALL2, probe)), List.of());
        scheduler.advance(INTERVAL.plusSeconds(2)); // the splay, two fast probes, then UP
        assertThat(probe.calls).hasSize(3);
        probe.failing("HTTP 503");
        scheduler.advance(INTERVAL.multipliedBy(2));
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < probe.calls.size(); i++) gaps.add((probe.calls.get(i) - probe.calls.get(i - 1)) / 1_000_000_000L);
        assertThat(gaps).startsWith(1L, 1L, 10L, 1L, 10L);
        assertThat(events(HealthEvent.CheckTransition.class)).extracting(HealthEvent.CheckTransition::to)
                .containsExactly(CheckState.UP, CheckState.DOWN);
    }

    @Test
    void aLateStartDoesNotShiftTheSchedule() {
        Duration lag = Duration.ofMillis(7);
        FakeScheduler busy = new FakeScheduler().lagging(lag);
        FakeProbe probe = new FakeProbe(busy);
        List<Long> lateness = new ArrayList<>();
        HealthEngine engine = new HealthEngine(busy, Runnable::run, ASSERT_EVERY, List.of(new NamedCheck("web", ONE_EACH, probe)), List.of());
        engine.measureLateness(lateness::add);
        engine.start();
        busy.advance(INTERVAL.multipliedBy(5));
        // Every probe starts 7 ms late, and the next is still due one interval after the previous
        // was due: the lateness does not add up round after round.
        assertThat(probe.calls).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < probe.calls.size(); i++) {
            assertThat(probe.calls.get(i) - probe.calls.get(i - 1)).isEqualTo(INTERVAL.toNanos());
        }
        assertThat(lateness).hasSize(probe.calls.size()).containsOnly(lag.toNanos());
    }

    @Test
    void aProbeThatNeverCompletesFailsAtItsTimeout() {
        FakeProbe probe = new FakeProbe(scheduler).never();
        engine(List.of(new NamedCheck("dns", ONE_EACH, probe)), List.of());
        scheduler.advance(FIRST_ROUND);
        long started = probe.calls.getFirst();
        var completed = events(HealthEvent.ProbeCompleted.class).getFirst();
        assertThat(completed.at()).isEqualTo(started + TIMEOUT.toNanos());
        assertThat(completed.result().pass()).isFalse();
        assertThat(completed.result().latency()).isEqualTo(TIMEOUT);
        assertThat(completed.result().reason()).isEqualTo("timeout after 2000 ms");
        assertThat(events(HealthEvent.CheckTransition.class).getFirst().reason()).isEqualTo("dns: down after 1 failure: timeout after 2000 ms");
        scheduler.advance(INTERVAL);
        assertThat(probe.calls.get(1) - started).isEqualTo(INTERVAL.toNanos());
    }

    @Test
    void aProbeLaunchedAfterItsTimeoutIsNotRun() {
        FakeProbe probe = new FakeProbe(scheduler);
        // A launcher so far behind that each probe would start after its timeout.
        HealthEngine engine = new HealthEngine(scheduler, task -> scheduler.schedule(TIMEOUT.plusMillis(1), task), ASSERT_EVERY,
                List.of(new NamedCheck("web", ONE_EACH, probe)), List.of());
        engine.subscribe(events::add);
        engine.start();
        scheduler.advance(FIRST_ROUND.plus(INTERVAL));
        assertThat(probe.calls).isEmpty();
        assertThat(events(HealthEvent.ProbeCompleted.class)).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.result().reason()).isEqualTo("timeout after 2000 ms"));
    }

    @Test
    void aLateAnswerAfterTheTimeoutIsIgnored() {
        FakeProbe probe = new FakeProbe(scheduler).after(TIMEOUT.plusSeconds(1));
        engine(List.of(new NamedCheck("slow", ONE_EACH, probe)), List.of());
        scheduler.advance(FIRST_ROUND);
        assertThat(events(HealthEvent.ProbeCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.result().pass()).isFalse());
    }

    @Test
    void anAnswerWithinTheTimeoutArrivesAfterSimulatedTime() {
        FakeProbe probe = new FakeProbe(scheduler).after(Duration.ofMillis(50));
        engine(List.of(new NamedCheck("tcp", ONE_EACH, probe)), List.of());
        scheduler.advance(FIRST_ROUND);
        var completed = events(HealthEvent.ProbeCompleted.class).getFirst();
        assertThat(completed.at() - probe.calls.getFirst()).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(completed.result().pass()).isTrue();
    }

    @Test
    void aThrowingProbeIsAFailure() {
        NamedCheck spec = new NamedCheck("bad", ONE_EACH, timeout -> { throw new IllegalStateException("boom"); });
        engine(List.of(spec), List.of());
        scheduler.advance(INTERVAL);
        assertThat(events(HealthEvent.ProbeCompleted.class).getFirst().result().reason()).startsWith("probe error: ").contains("boom");
    }

    @Test
    void dependentServiceGoesDownWithItsDependency() {
        FakeProbe db = new FakeProbe(scheduler).failing("connect refused");
        FakeProbe app = new FakeProbe(scheduler);
        HealthEngine engine = engine(List.of(new NamedCheck("db-tcp", ONE_EACH, db), new NamedCheck("app-http", ONE_EACH, app)),
                List.of(new ServiceSpec("app", new Combine.All(), List.of(required("app-http")), List.of("db")),
                        new ServiceSpec("db", new Combine.All(), List.of(required("db-tcp")), List.of())));
        scheduler.advance(INTERVAL);
        var app1 = events(HealthEvent.ServiceTransition.class).stream().filter(e -> e.service().equals("app")).toList();
        assertThat(app1).last().satisfies(e -> {
            assertThat(e.to()).isEqualTo(ServiceState.DOWN);
            assertThat(e.reason()).startsWith("app: depends on db, which is DOWN (db: 0 of 1 required checks up");
        });
        db.passing();
        scheduler.advance(INTERVAL);
        assertThat(engine.snapshot().services().get("app").state()).isEqualTo(ServiceState.UP);
        assertThat(engine.snapshot().services().get("db").state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void aFailureReachesEveryServiceDownTheDependencyChain() {
        FakeProbe db = new FakeProbe(scheduler);
        List<NamedCheck> checks = List.of(new NamedCheck("db-tcp", ONE_EACH, db), new NamedCheck("app-http", ONE_EACH, new FakeProbe(scheduler)),
                new NamedCheck("web-http", ONE_EACH, new FakeProbe(scheduler)));
        HealthEngine engine = engine(checks, List.of(
                new ServiceSpec("web", new Combine.All(), List.of(required("web-http")), List.of("app")),
                new ServiceSpec("app", new Combine.All(), List.of(required("app-http")), List.of("db")),
                new ServiceSpec("db", new Combine.All(), List.of(required("db-tcp")), List.of())));
        scheduler.advance(INTERVAL);
        assertThat(engine.snapshot().services().values()).extracting(ServiceStatus::state).containsOnly(ServiceState.UP);
        db.failing("connect refused");
        scheduler.advance(INTERVAL);
        // Only db-tcp changed; app and web are recomposed because what they depend on changed.
        assertThat(engine.snapshot().services().get("web").state()).isEqualTo(ServiceState.DOWN);
        assertThat(engine.snapshot().services().get("web").reason()).startsWith("web: depends on app, which is DOWN (app: depends on db");
    }

    @Test
    void aSlowPassDegradesTheService() {
        FakeProbe probe = new FakeProbe(scheduler).answering(ProbeResult.pass(Duration.ofMillis(300), "HTTP 200"));
        engine(List.of(new NamedCheck("web", ONE_EACH, probe)),
                List.of(new ServiceSpec("site", new Combine.All(), List.of(required("web")), List.of())));
        scheduler.advance(INTERVAL);
        assertThat(events(HealthEvent.ServiceTransition.class)).last()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("site: check web passed in 300 ms, slower than its degraded latency"))
                .extracting(HealthEvent.ServiceTransition::to).isEqualTo(ServiceState.DEGRADED);
    }

    @Test
    void theFullStateIsAssertedEveryPeriod() {
        engine(List.of(new NamedCheck("web", ONE_EACH, new FakeProbe(scheduler))), List.of());
        scheduler.advance(Duration.ofSeconds(10));
        List<HealthEvent.StateAsserted> asserted = events(HealthEvent.StateAsserted.class);
        assertThat(asserted).extracting(e -> (e.at() - t0) / 1_000_000_000L).containsExactly(0L, 3L, 6L, 9L);
        assertThat(asserted.getLast().checks()).containsOnlyKeys("web");
        assertThat(asserted.getLast().checks().get("web").state()).isEqualTo(CheckState.UP);
    }

    @Test
    void aCheckFlappingEveryIntervalIsHeldDown() {
        boolean[] up = {true};
        NamedCheck flappy = new NamedCheck("flappy", ONE_EACH, timeout -> {
            up[0] = !up[0];
            return CompletableFuture.completedFuture(
                    up[0] ? ProbeResult.fail(FakeProbe.FAST, "HTTP 503") : ProbeResult.pass(FakeProbe.FAST, "ok"));
        });
        HealthEngine engine = engine(List.of(flappy), List.of());
        scheduler.advance(INTERVAL.multipliedBy(10));
        // UP, DOWN, UP, then held DOWN: the raw state keeps flapping, the published state does not.
        assertThat(events(HealthEvent.CheckTransition.class)).extracting(HealthEvent.CheckTransition::to)
                .containsExactly(CheckState.UP, CheckState.DOWN, CheckState.UP, CheckState.DOWN);
        assertThat(engine.snapshot().checks().get("flappy").reason()).startsWith("flappy: held down for flapping");
    }

    @Test
    void aThrowingListenerDoesNotStallTheSchedule() {
        FakeProbe probe = new FakeProbe(scheduler);
        HealthEngine engine = new HealthEngine(scheduler, Runnable::run, ASSERT_EVERY,
                List.of(new NamedCheck("web", ONE_EACH, probe)), List.of());
        engine.subscribe(e -> { throw new IllegalStateException("listener bug"); });
        Thread.UncaughtExceptionHandler saved = Thread.currentThread().getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            engine.start();
            scheduler.advance(INTERVAL.multipliedBy(3));
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(saved);
        }
        assertThat(probe.calls).hasSizeGreaterThanOrEqualTo(3);
        assertThat(reported).isNotEmpty();
    }

    @Test
    void stopCancelsTheSchedule() {
        FakeProbe probe = new FakeProbe(scheduler);
        HealthEngine engine = engine(List.of(new NamedCheck("web", ONE_EACH, probe)), List.of());
        scheduler.advance(INTERVAL);
        engine.stop();
        int before = probe.calls.size();
        scheduler.advance(INTERVAL.multipliedBy(3));
        assertThat(probe.calls).hasSize(before);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void thousandChecksRunFromOneThreadWithOneTimerEach() {
        List<NamedCheck> checks = new ArrayList<>();
        List<FakeProbe> probes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            FakeProbe p = new FakeProbe(scheduler);
            probes.add(p);
            checks.add(new NamedCheck("check-" + i, ONE_EACH, p));
        }
        engine(checks, List.of());
        scheduler.advance(INTERVAL);
        assertThat(probes).allSatisfy(p -> assertThat(p.calls).isNotEmpty());
        Set<Thread> threads = new HashSet<>();
        probes.forEach(p -> threads.addAll(p.threads));
        assertThat(threads).containsExactly(Thread.currentThread());
        // One pending probe per check and the next assertion: no per-check thread, no timer pile-up.
        assertThat(scheduler.pending()).isEqualTo(1001);
    }
}
