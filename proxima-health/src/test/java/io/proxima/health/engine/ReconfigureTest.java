package io.proxima.health.engine;

import static io.proxima.health.engine.ServiceSpec.Member.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.health.check.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Reload as a diff: what did not change keeps running untouched. On the fake clock, no sleeps. */
class ReconfigureTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration FAST = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ASSERT_EVERY = Duration.ofSeconds(3);
    private static final Timing RISE3_FALL2 = new Timing(INTERVAL, TIMEOUT, 3, 2, Optional.of(FAST), Optional.empty());
    private static final Timing ONE_EACH = new Timing(INTERVAL, TIMEOUT, 1, 1, Optional.empty(), Optional.empty());

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<HealthEvent> events = new ArrayList<>();

    private HealthEngine engine(List<NamedCheck> checks, List<ServiceSpec> services) {
        HealthEngine engine = new HealthEngine(scheduler, Runnable::run, ASSERT_EVERY, checks, services);
        engine.subscribe(events::add);
        engine.start();
        return engine;
    }

    /** Reconfigures and runs the scheduler's thread until it has been applied. */
    private void reconfigure(HealthEngine engine, List<NamedCheck> checks, List<ServiceSpec> services) {
        CompletableFuture<Void> applied = engine.reconfigure(checks, services);
        scheduler.advance(Duration.ZERO);
        assertThat(applied).isCompleted();
    }

    private static ServiceSpec service(String name, String check) {
        return new ServiceSpec(name, new Combine.All(), List.of(required(check)), List.of());
    }

    private CheckState state(HealthEngine engine, String check) {
        return engine.snapshot().checks().get(check).state();
    }

    private <T extends HealthEvent> List<T> eventsSince(int from, Class<T> type) {
        return events.subList(from, events.size()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void anUnchangedCheckKeepsItsStateCountersAndSchedule() {
        FakeProbe probe = new FakeProbe(scheduler);
        NamedCheck web = new NamedCheck("web", RISE3_FALL2, probe);
        HealthEngine engine = engine(List.of(web), List.of(service("site", "web")));
        scheduler.advance(Splay.offset("web", INTERVAL).plus(FAST.multipliedBy(2))); // three passes: UP
        assertThat(state(engine, "web")).isEqualTo(CheckState.UP);
        probe.failing("HTTP 503");
        scheduler.advance(INTERVAL); // one failure of fall 2: still UP, probing fast
        assertThat(state(engine, "web")).isEqualTo(CheckState.UP);
        int before = events.size();
        long lastCall = probe.calls.getLast();
        reconfigure(engine, List.of(new NamedCheck("web", RISE3_FALL2, probe)), List.of(service("site", "web")));
        assertThat(eventsSince(before, HealthEvent.CheckTransition.class)).isEmpty();
        assertThat(eventsSince(before, HealthEvent.ServiceTransition.class)).isEmpty();
        assertThat(eventsSince(before, HealthEvent.StateAsserted.class)).singleElement()
                .satisfies(a -> assertThat(a.services().get("site").state()).isEqualTo(ServiceState.UP));
        scheduler.advance(FAST);
        // The schedule ran on (one fast interval after the last probe, no new splay) and the second
        // failure completed the count that the first one started before the reload.
        assertThat(probe.calls.getLast()).isEqualTo(lastCall + FAST.toNanos());
        assertThat(state(engine, "web")).isEqualTo(CheckState.DOWN);
        assertThat(engine.snapshot().checks().get("web").reason()).isEqualTo("web: down after 2 consecutive failures: HTTP 503");
    }

    @Test
    void aChangedCheckGoesUnknownAndMustRiseAgain() {
        FakeProbe probe = new FakeProbe(scheduler);
        HealthEngine engine = engine(List.of(new NamedCheck("web", RISE3_FALL2, probe)), List.of(service("site", "web")));
        scheduler.advance(INTERVAL.plusSeconds(2));
        assertThat(engine.snapshot().services().get("site").state()).isEqualTo(ServiceState.UP);
        int before = events.size();
        long reloadedAt = scheduler.nanoTime();
        Timing slower = new Timing(INTERVAL.multipliedBy(2), TIMEOUT, 3, 2, Optional.of(FAST), Optional.empty());
        reconfigure(engine, List.of(new NamedCheck("web", slower, probe)), List.of(service("site", "web")));

        assertThat(state(engine, "web")).isEqualTo(CheckState.UNKNOWN);
        assertThat(eventsSince(before, HealthEvent.CheckTransition.class)).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(CheckState.UP);
            assertThat(t.to()).isEqualTo(CheckState.UNKNOWN);
        });
        assertThat(eventsSince(before, HealthEvent.ServiceTransition.class)).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo(ServiceState.UNKNOWN);
            assertThat(t.reason()).isEqualTo("site: waiting for web");
        });
        assertThat(events.getLast()).isInstanceOf(HealthEvent.StateAsserted.class);

        // Safety rule 1: rise passes of the new check, the first at its splay from the reload.
        int calls = probe.calls.size();
        Duration splay = Splay.offset("web", slower.interval());
        scheduler.advance(splay.plus(FAST));
        assertThat(probe.calls.get(calls)).isEqualTo(reloadedAt + splay.toNanos());
        assertThat(probe.calls).hasSize(calls + 2);
        assertThat(state(engine, "web")).isEqualTo(CheckState.UNKNOWN);
        scheduler.advance(FAST);
        assertThat(state(engine, "web")).isEqualTo(CheckState.UP);
        assertThat(engine.snapshot().services().get("site").state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void aRemovedCheckIsNoLongerProbed() {
        FakeProbe kept = new FakeProbe(scheduler);
        FakeProbe removed = new FakeProbe(scheduler);
        NamedCheck keptCheck = new NamedCheck("kept", ONE_EACH, kept);
        HealthEngine engine = engine(List.of(keptCheck, new NamedCheck("removed", ONE_EACH, removed)), List.of());
        scheduler.advance(INTERVAL);
        reconfigure(engine, List.of(keptCheck), List.of());
        int removedCalls = removed.calls.size();
        int keptCalls = kept.calls.size();
        scheduler.advance(INTERVAL.multipliedBy(3));
        assertThat(removed.calls).hasSize(removedCalls);
        assertThat(kept.calls).hasSize(keptCalls + 3);
        assertThat(engine.snapshot().checks()).containsOnlyKeys("kept");
        assertThat(scheduler.pending()).isEqualTo(2); // the kept check's next probe and the next assertion
    }

    @Test
    void aNewServiceIsComposedAtOnce() {
        FakeProbe probe = new FakeProbe(scheduler);
        NamedCheck web = new NamedCheck("web", ONE_EACH, probe);
        HealthEngine engine = engine(List.of(web), List.of(service("old", "web")));
        scheduler.advance(INTERVAL);
        int before = events.size();
        reconfigure(engine, List.of(web), List.of(service("site", "web")));
        assertThat(eventsSince(before, HealthEvent.ServiceTransition.class)).singleElement().satisfies(t -> {
            assertThat(t.service()).isEqualTo("site");
            assertThat(t.from()).isEqualTo(ServiceState.UNKNOWN);
            assertThat(t.to()).isEqualTo(ServiceState.UP);
            assertThat(t.at()).isEqualTo(scheduler.nanoTime());
        });
        assertThat(eventsSince(before, HealthEvent.StateAsserted.class)).singleElement()
                .satisfies(a -> assertThat(a.services()).containsOnlyKeys("site"));
        assertThat(engine.snapshot().services()).containsOnlyKeys("site");
    }

    @Test
    void aProbeInFlightForARemovedCheckIsIgnoredWhenItCompletes() {
        FakeProbe slow = new FakeProbe(scheduler).after(Duration.ofMillis(500));
        HealthEngine engine = engine(List.of(new NamedCheck("slow", ONE_EACH, slow)), List.of());
        Duration splay = Splay.offset("slow", INTERVAL);
        scheduler.advance(splay); // the first probe has started and answers in 500 ms
        assertThat(slow.calls).hasSize(1);
        reconfigure(engine, List.of(), List.of());
        int before = events.size();
        scheduler.advance(TIMEOUT.multipliedBy(2));
        assertThat(events.subList(before, events.size())).allMatch(e -> e instanceof HealthEvent.StateAsserted);
        assertThat(engine.snapshot().checks()).isEmpty();
    }

    @Test
    void aProbeInFlightForAChangedCheckDoesNotCountForTheNewOne() {
        FakeProbe slow = new FakeProbe(scheduler).after(Duration.ofMillis(500));
        HealthEngine engine = engine(List.of(new NamedCheck("web", ONE_EACH, slow)), List.of());
        scheduler.advance(Splay.offset("web", INTERVAL));
        reconfigure(engine, List.of(new NamedCheck("web", ONE_EACH, new FakeProbe(scheduler).never())), List.of());
        scheduler.advance(Duration.ofMillis(500)); // the old probe passes now: rise 1, but not for the new check
        assertThat(state(engine, "web")).isEqualTo(CheckState.UNKNOWN);
        assertThat(events).noneMatch(e -> e instanceof HealthEvent.ProbeCompleted);
    }

    @Test
    void anInvalidConfigurationIsRejectedAndTheOldOneKeepsRunning() {
        FakeProbe probe = new FakeProbe(scheduler);
        NamedCheck web = new NamedCheck("web", ONE_EACH, probe);
        HealthEngine engine = engine(List.of(web), List.of(service("site", "web")));
        scheduler.advance(INTERVAL);
        CompletableFuture<Void> rejected = engine.reconfigure(List.of(web), List.of(service("site", "dns")));
        assertThatThrownBy(rejected::join).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessage("service site: no check dns");
        int calls = probe.calls.size();
        scheduler.advance(INTERVAL);
        assertThat(probe.calls).hasSize(calls + 1);
        assertThat(engine.snapshot().services()).containsOnlyKeys("site");
    }

    @Test
    void aStoppedEngineRefusesToReconfigure() {
        HealthEngine engine = engine(List.of(new NamedCheck("web", ONE_EACH, new FakeProbe(scheduler))), List.of());
        engine.stop();
        CompletableFuture<Void> refused = engine.reconfigure(List.of(), List.of());
        scheduler.advance(Duration.ZERO);
        assertThatThrownBy(refused::join).cause().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void latenessIsFromThePlannedStartToTheLaunch() {
        Duration launchDelay = Duration.ofMillis(7);
        List<Long> lateness = new ArrayList<>();
        // A launcher that starts each probe 7 ms after the scheduler hands it over.
        HealthEngine engine = new HealthEngine(scheduler, task -> scheduler.schedule(launchDelay, task), ASSERT_EVERY,
                List.of(new NamedCheck("web", ONE_EACH, new FakeProbe(scheduler))), List.of());
        engine.measureLateness(lateness::add);
        engine.start();
        scheduler.advance(INTERVAL.multipliedBy(3));
        assertThat(lateness).hasSizeGreaterThanOrEqualTo(3).containsOnly(launchDelay.toNanos());
    }
}
