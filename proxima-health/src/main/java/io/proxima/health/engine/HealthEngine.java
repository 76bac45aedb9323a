package io.proxima.health.engine;

import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Runs every check on one {@link Scheduler} thread, folds results into check and service states,
 * and publishes {@link HealthEvent}s.
 *
 * <p>Threading: all mutable state belongs to the scheduler's thread. Probes are started through
 * {@code launcher} (virtual threads in production) so that a probe that blocks before returning
 * its {@link CompletionStage} cannot stall the scheduler; completions hop back with
 * {@link Scheduler#execute}. The engine enforces each probe's timeout itself: whichever comes
 * first, the result or the timeout, decides the attempt, and the other is ignored.
 *
 * <p>A check is probed again one interval after its previous probe started, or one fast interval
 * while its state is changing; its first probe is offset by {@link Splay}. Readers on other
 * threads use {@link #snapshot()}, an immutable copy published after each change.
 */
public final class HealthEngine {

    private final Scheduler scheduler;
    private final Executor launcher;
    private final Duration assertEvery;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<ServiceSpec> services;
    private final Map<String, ServiceStatus> serviceStatus = new LinkedHashMap<>();
    // Listeners are added from any thread and read on the scheduler's thread: copy-on-write.
    private final List<HealthListener> listeners = new CopyOnWriteArrayList<>();
    private volatile HealthEvent.StateAsserted published;
    private boolean stopped;

    /**
     * @param launcher    starts probes; e.g. {@code Executors.newVirtualThreadPerTaskExecutor()}
     * @param assertEvery how often the full state is published as {@link HealthEvent.StateAsserted}
     */
    public HealthEngine(Scheduler scheduler, Executor launcher, Duration assertEvery,
                        List<NamedCheck> checks, List<ServiceSpec> services) {
        if (assertEvery.isNegative() || assertEvery.isZero()) throw new IllegalArgumentException("assertion period must be positive");
        this.scheduler = scheduler;
        this.launcher = launcher;
        this.assertEvery = assertEvery;
        long now = scheduler.nanoTime();
        for (NamedCheck c : checks) {
            if (slots.put(c.name(), new Slot(c, TrackedCheck.start(c.name(), c.timing(), c.damping(), now))) != null) {
                throw new IllegalArgumentException("duplicate check " + c.name());
            }
        }
        this.services = ServiceOrder.of(services, slots.keySet());
        for (ServiceSpec s : this.services) serviceStatus.put(s.name(), ServiceStatus.unknown(s.name(), now));
        this.published = assertion(now);
    }

    public void subscribe(HealthListener listener) {
        listeners.add(listener);
    }

    /** Schedules each check's first probe at its splay offset, and the periodic assertion. */
    public void start() {
        scheduler.execute(() -> {
            for (Slot slot : slots.values()) {
                Duration interval = slot.spec.timing().interval();
                slot.pending = scheduler.schedule(Splay.offset(slot.spec.name(), interval), () -> probe(slot));
            }
            assertState();
        });
    }

    /** Stops scheduling; probes in flight are ignored when they finish. */
    public void stop() {
        scheduler.execute(() -> {
            stopped = true;
            for (Slot slot : slots.values()) {
                if (slot.pending != null) slot.pending.cancel();
                if (slot.timeout != null) slot.timeout.cancel();
            }
        });
    }

    /** TEMPORARY STUB. */
    public java.util.concurrent.CompletableFuture<Void> reconfigure(List<NamedCheck> checks, List<ServiceSpec> services) {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** The latest state, safe to read from any thread. */
    public HealthEvent.StateAsserted snapshot() {
        return published;
    }

    private void probe(Slot slot) {
        if (stopped) return;
        long attempt = ++slot.attempt;
        slot.startedAt = scheduler.nanoTime();
        Duration timeout = slot.spec.timing().timeout();
        slot.timeout = scheduler.schedule(timeout, () -> finish(slot, attempt,
                ProbeResult.fail(timeout, "timeout after " + timeout.toMillis() + " ms")));
        launcher.execute(() -> {
            try {
                slot.spec.probe().probe(timeout).whenComplete((result, error) ->
                        scheduler.execute(() -> finish(slot, attempt, orFailure(result, error, slot))));
            } catch (RuntimeException e) {
                scheduler.execute(() -> finish(slot, attempt, orFailure(null, e, slot)));
            }
        });
    }

    private ProbeResult orFailure(ProbeResult result, Throwable error, Slot slot) {
        if (error == null && result != null) return result;
        Duration took = Duration.ofNanos(Math.max(0, scheduler.nanoTime() - slot.startedAt));
        return ProbeResult.fail(took, "probe error: " + (error == null ? "no result" : error));
    }

    private void finish(Slot slot, long attempt, ProbeResult result) {
        if (stopped || attempt != slot.attempt || slot.decided == attempt) return;
        slot.decided = attempt;
        slot.timeout.cancel();
        long now = scheduler.nanoTime();
        TrackedCheck.Advance advance = slot.check.advance(result, now);
        CheckSnapshot before = slot.check.snapshot();
        slot.check = advance.next();
        advance.events().forEach(this::publish);
        if (!slot.check.snapshot().equals(before)) recompose(now);
        long due = slot.startedAt + slot.check.nextDelay().toNanos();
        slot.pending = scheduler.schedule(Duration.ofNanos(Math.max(0, due - now)), () -> probe(slot));
    }

    private void recompose(long now) {
        Map<String, CheckSnapshot> checks = checkSnapshots();
        for (ServiceSpec s : services) {
            ServiceStatus before = serviceStatus.get(s.name());
            ServiceStatus after = Composition.compose(s, checks, serviceStatus, before, now);
            serviceStatus.put(s.name(), after);
            if (after.state() != before.state()) {
                publish(new HealthEvent.ServiceTransition(now, s.name(), before.state(), after.state(), after.reason()));
            }
        }
        published = assertion(now);
    }

    private void assertState() {
        if (stopped) return;
        long now = scheduler.nanoTime();
        published = assertion(now);
        publish(published);
        scheduler.schedule(assertEvery, this::assertState);
    }

    private HealthEvent.StateAsserted assertion(long now) {
        return new HealthEvent.StateAsserted(now, checkSnapshots(), serviceStatus);
    }

    private Map<String, CheckSnapshot> checkSnapshots() {
        Map<String, CheckSnapshot> out = new HashMap<>();
        for (Slot slot : slots.values()) out.put(slot.spec.name(), slot.check.snapshot());
        return out;
    }

    private void publish(HealthEvent event) {
        for (HealthListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                // A failing listener must not stop the schedule: the task that publishes also
                // schedules the next probe, so an escaping exception would stall that check.
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    /** One check's mutable scheduling state, owned by the scheduler's thread. */
    private static final class Slot {
        final NamedCheck spec;
        TrackedCheck check;
        long attempt;
        long decided;
        long startedAt;
        Scheduler.Cancellable pending;
        Scheduler.Cancellable timeout;

        Slot(NamedCheck spec, TrackedCheck check) {
            this.spec = spec;
            this.check = check;
        }
    }
}
