package io.proxima.health.engine;

import io.proxima.health.probe.BlockingProbe;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * Runs every check on one {@link Scheduler} thread, folds results into check and service states,
 * and publishes {@link HealthEvent}s.
 *
 * <p>Threading: all mutable state belongs to the scheduler's thread. Probes are started through
 * {@code launcher} (virtual threads in production) so that a probe that blocks cannot stall the
 * scheduler: a {@link BlockingProbe} (every built-in prober) is called right on the launcher's
 * thread, any other probe returns a {@link CompletionStage}; results hop back with
 * {@link Scheduler#execute}. The engine enforces each probe's timeout itself: whichever comes
 * first, the result or the timeout, decides the attempt, and the other is ignored; at the timeout
 * a blocking probe's thread is interrupted. Each check keeps one re-armable timer for its next
 * probe and one for its timeout ({@link Scheduler#timer}), and a steady check confirmed again
 * is left as it is, so that the probes that change nothing make little garbage.
 *
 * <p>A check is probed again one interval after its previous probe was due, or one fast interval
 * while its state is changing; its first probe is offset by {@link Splay}. Counting from when the
 * probe was due rather than when it started keeps each check at its splay offset: a late start
 * (a GC pause, a busy CPU) delays one probe instead of shifting the check for good, which would
 * bunch the checks delayed together and make every later round burst. A result that changes a
 * check recomposes only the services it affects. Readers on other threads use {@link #snapshot()},
 * an immutable copy republished once the scheduler has handled the tasks queued at a change.
 *
 * <p>{@link #reconfigure} applies a new set of checks and services as a diff: a check that did not
 * change keeps its state and schedule, as a BGP session keeps running through a health-check edit.
 */
public final class HealthEngine {

    private final Scheduler scheduler;
    private final Executor launcher;
    private final Duration assertEvery;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    // Every check's current snapshot, kept up to date as results come in, so that composing a
    // service or publishing the state never has to collect it from the slots.
    private final Map<String, CheckSnapshot> checkStates = new HashMap<>();
    private ServiceGraph services;
    private final Map<String, ServiceStatus> serviceStatus = new LinkedHashMap<>();
    // Listeners are added from any thread and read on the scheduler's thread: copy-on-write.
    private final List<HealthListener> listeners = new CopyOnWriteArrayList<>();
    // Set from any thread, read on the scheduler's thread as each probe is launched.
    private volatile LongConsumer lateness = late -> { };
    private volatile HealthEvent.StateAsserted published;
    private boolean republishQueued;
    private boolean started;
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
        for (NamedCheck c : byName(checks).values()) add(fresh(c, now));
        this.services = ServiceGraph.of(services, slots.keySet());
        for (ServiceSpec s : this.services.ordered()) serviceStatus.put(s.name(), ServiceStatus.unknown(s.name(), now));
        this.published = assertion(now);
    }

    public void subscribe(HealthListener listener) {
        listeners.add(listener);
    }

    /**
     * Has {@code sink} told, for every probe, how late it starts: the nanoseconds from the moment the
     * engine planned it for (its splay, or its interval after the previous start) to the moment the
     * launcher invokes it. Called on the launcher's thread, so it must be cheap and thread-safe.
     * For measuring the scheduler under load; replaces the previous sink.
     */
    public void measureLateness(LongConsumer sink) {
        lateness = sink;
    }

    /** Schedules each check's first probe at its splay offset, and the periodic assertion. */
    public void start() {
        scheduler.execute(() -> {
            started = true;
            for (Slot slot : slots.values()) scheduleFirst(slot);
            assertState();
        });
    }

    /**
     * Replaces the checks and services with these, as a diff, on the scheduler's thread. A check
     * for which {@link NamedCheck#sameAs} holds keeps its state, counters, hold-down and schedule.
     * A check that disappeared stops: a probe of it still in flight is ignored when it finishes. A
     * new or changed check starts afresh, UNKNOWN, first probed at its splay offset: a changed
     * check must pass {@code rise} times again before it counts as UP, because nothing may be
     * announced on the strength of results of a check that is no longer configured (safety rule 1
     * of DESIGN.md); its leaving UP or DOWN is published as a {@link HealthEvent.CheckTransition}
     * to UNKNOWN. Then every service is composed at once: a {@link HealthEvent.ServiceTransition}
     * for each whose state changed (a new service counts as changing from UNKNOWN; a removed one
     * just leaves), then a fresh {@link HealthEvent.StateAsserted}.
     *
     * @return completes once applied; completes exceptionally with {@link IllegalArgumentException}
     *         if the new set is invalid (duplicate names, a service naming an unknown check or
     *         service, a dependency cycle), and with {@link IllegalStateException} if the engine is
     *         stopped. Either way nothing changed.
     */
    public CompletableFuture<Void> reconfigure(List<NamedCheck> checks, List<ServiceSpec> services) {
        Map<String, NamedCheck> next;
        ServiceGraph graph;
        try {
            next = byName(checks);
            graph = ServiceGraph.of(services, next.keySet());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> applied = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (stopped) {
                applied.completeExceptionally(new IllegalStateException("health engine stopped"));
                return;
            }
            apply(next, graph);
            applied.complete(null);
        });
        return applied;
    }

    /** Stops scheduling; probes in flight are ignored when they finish. */
    public void stop() {
        scheduler.execute(() -> {
            stopped = true;
            for (Slot slot : slots.values()) cancel(slot);
        });
    }

    private void apply(Map<String, NamedCheck> checks, ServiceGraph graph) {
        long now = scheduler.nanoTime();
        Map<String, Slot> next = new LinkedHashMap<>();
        List<Slot> restarted = new ArrayList<>();
        for (NamedCheck c : checks.values()) {
            Slot kept = slots.get(c.name());
            if (kept != null && c.sameAs(kept.spec)) {
                next.put(c.name(), kept);
                continue;
            }
            Slot slot = fresh(c, now);
            next.put(c.name(), slot);
            restarted.add(slot);
            CheckState was = kept == null ? CheckState.UNKNOWN : kept.check.snapshot().state();
            if (was != CheckState.UNKNOWN) {
                publish(new HealthEvent.CheckTransition(now, c.name(), was, CheckState.UNKNOWN, c.name() + ": changed by reconfiguration, no verdict yet"));
            }
        }
        for (Slot old : slots.values()) {
            if (next.get(old.spec.name()) != old) retire(old);
        }
        slots.clear();
        checkStates.clear();
        next.values().forEach(this::add);
        if (started) restarted.forEach(this::scheduleFirst);
        Map<String, ServiceStatus> previous = new HashMap<>(serviceStatus);
        serviceStatus.clear();
        for (ServiceSpec s : graph.ordered()) {
            serviceStatus.put(s.name(), previous.getOrDefault(s.name(), ServiceStatus.unknown(s.name(), now)));
        }
        services = graph;
        recompose(graph.ordered(), now);
        published = assertion(now);
        publish(published);
    }

    private void add(Slot slot) {
        slots.put(slot.spec.name(), slot);
        checkStates.put(slot.spec.name(), slot.check.snapshot());
    }

    private static Map<String, NamedCheck> byName(List<NamedCheck> checks) {
        Map<String, NamedCheck> out = new LinkedHashMap<>();
        for (NamedCheck c : checks) {
            if (out.put(c.name(), c) != null) throw new IllegalArgumentException("duplicate check " + c.name());
        }
        return out;
    }

    private Slot fresh(NamedCheck c, long now) {
        Slot slot = new Slot(c, TrackedCheck.start(c.name(), c.timing(), c.damping(), now));
        slot.pending = scheduler.timer(() -> probe(slot));
        slot.timeout = scheduler.timer(() -> timedOut(slot));
        return slot;
    }

    /** Stops a check for good: nothing more is scheduled, and a result still on its way is dropped. */
    private static void retire(Slot slot) {
        slot.retired = true;
        cancel(slot);
    }

    /** Cancels what is scheduled for the slot, and interrupts a blocking probe of it still running. */
    private static void cancel(Slot slot) {
        slot.pending.cancel();
        slot.timeout.cancel();
        if (slot.launch != null) slot.launch.interrupt();
    }

    private void scheduleFirst(Slot slot) {
        schedule(slot, Splay.offset(slot.spec.name(), slot.spec.timing().interval()).toNanos(), scheduler.nanoTime());
    }

    /** Schedules the next probe; a probe already overdue is due now, and the check's phase moves with it. */
    private void schedule(Slot slot, long delayNanos, long now) {
        slot.plannedAt = now + delayNanos;
        slot.pending.arm(delayNanos);
    }

    /** The latest state, safe to read from any thread. */
    public HealthEvent.StateAsserted snapshot() {
        return published;
    }

    private void probe(Slot slot) {
        if (stopped || slot.retired) return;
        long attempt = ++slot.attempt;
        slot.startedAt = scheduler.nanoTime();
        Launch launch = new Launch(slot, attempt, slot.plannedAt, slot.startedAt, lateness);
        slot.launch = launch;
        slot.timeout.arm(slot.spec.timing().timeout().toNanos());
        launcher.execute(launch);
    }

    /**
     * At the deadline of the current attempt (the timer is cancelled whenever an attempt is
     * decided, so it fires for no other): fails the attempt, then stops its probe.
     */
    private void timedOut(Slot slot) {
        Launch launch = slot.launch;
        Duration timeout = slot.spec.timing().timeout();
        finish(slot, slot.attempt, ProbeResult.fail(timeout, "timeout after " + timeout.toMillis() + " ms"));
        if (launch != null) launch.interrupt();
    }

    private ProbeResult orFailure(ProbeResult result, Throwable error, Slot slot) {
        if (error == null && result != null) return result;
        Duration took = Duration.ofNanos(Math.max(0, scheduler.nanoTime() - slot.startedAt));
        return ProbeResult.fail(took, "probe error: " + (error == null ? "no result" : error));
    }

    private void finish(Slot slot, long attempt, ProbeResult result) {
        if (stopped || slot.retired || attempt != slot.attempt || slot.decided == attempt) return;
        slot.decided = attempt;
        slot.timeout.cancel();
        // Dropped now rather than at the next probe, so that a round's worth of finished launches
        // is never live at a young collection, which copies whatever is live.
        slot.launch = null;
        long now = scheduler.nanoTime();
        TrackedCheck before = slot.check;
        slot.check = before.advance(result, now);
        if (!listeners.isEmpty()) publish(new HealthEvent.ProbeCompleted(now, slot.spec.name(), result));
        // A steady check that passes (or fails) again is the same value: nothing changed, and
        // nothing was allocated for it.
        if (slot.check != before) {
            HealthEvent.CheckTransition transition = slot.check.transitionFrom(before, now);
            if (transition != null) publish(transition);
            CheckSnapshot after = slot.check.snapshot();
            if (!after.equals(before.snapshot())) {
                checkStates.put(slot.spec.name(), after);
                recompose(services.containing(slot.spec.name()), now);
                republishSoon();
            }
        }
        long due = slot.plannedAt + slot.check.nextDelay().toNanos();
        schedule(slot, Math.max(0, due - now), now);
    }

    /**
     * Composes {@code changed} and, in dependency order, every service that depends on one whose
     * status changed; publishes a transition for each whose state changed.
     */
    private void recompose(List<ServiceSpec> changed, long now) {
        TreeMap<Integer, ServiceSpec> todo = new TreeMap<>();
        for (ServiceSpec s : changed) todo.put(services.rankOf(s), s);
        while (!todo.isEmpty()) {
            ServiceSpec s = todo.pollFirstEntry().getValue();
            ServiceStatus before = serviceStatus.get(s.name());
            ServiceStatus after = Composition.compose(s, checkStates, serviceStatus, before, now);
            if (after.equals(before)) continue;
            serviceStatus.put(s.name(), after);
            if (after.state() != before.state()) {
                publish(new HealthEvent.ServiceTransition(now, s.name(), before.state(), after.state(), after.reason()));
            }
            for (ServiceSpec d : services.dependentsOf(s.name())) todo.put(services.rankOf(d), d);
        }
    }

    /**
     * Refreshes {@link #snapshot()} once the scheduler has run what is queued now: copying every
     * check's state after each of a burst of changes (thousands of checks failing together) would
     * cost O(checks) per result, when the readers need only the state after the burst.
     */
    private void republishSoon() {
        if (republishQueued) return;
        republishQueued = true;
        scheduler.execute(() -> {
            republishQueued = false;
            published = assertion(scheduler.nanoTime());
        });
    }

    private void assertState() {
        if (stopped) return;
        long now = scheduler.nanoTime();
        published = assertion(now);
        publish(published);
        scheduler.schedule(assertEvery, this::assertState);
    }

    private HealthEvent.StateAsserted assertion(long now) {
        return new HealthEvent.StateAsserted(now, checkStates, serviceStatus);
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

    /**
     * One attempt, from its launch to its result: run on the launcher's thread, and timed out on
     * the scheduler's. A {@link BlockingProbe} is called right on the launcher's thread, and the
     * engine's timeout interrupts that thread; any other probe returns a stage that hands its result
     * back.
     *
     * <p>Interrupt strategy: {@code runner} is the thread inside the blocking call, set and cleared
     * under this object's lock, and {@link #interrupt} interrupts only under that lock, so an
     * interrupt can reach the thread only while it is still in this attempt's call. The runner then
     * clears what an interrupt left set, so that it cannot leak into the launcher's next task.
     */
    private final class Launch implements Runnable {
        private final Slot slot;
        private final long attempt;
        private final long planned;
        private final long started;
        private final LongConsumer late;
        /** The thread in the blocking call, or null; guarded by this. */
        private Thread runner;
        /** Once set no call starts, and a call under way has been interrupted; guarded by this. */
        private boolean interrupted;

        Launch(Slot slot, long attempt, long planned, long started, LongConsumer late) {
            this.slot = slot;
            this.attempt = attempt;
            this.planned = planned;
            this.started = started;
            this.late = late;
        }

        @Override
        public void run() {
            long launched = scheduler.nanoTime();
            late.accept(launched - planned);
            Duration timeout = slot.spec.timing().timeout();
            // Launched after its timeout (an overloaded launcher): the timeout has failed this
            // attempt already, and connecting now would only add to the load that made it late.
            if (launched - started >= timeout.toNanos()) return;
            try {
                if (slot.spec.probe() instanceof BlockingProbe blocking) {
                    if (!enter()) return;
                    ProbeResult result;
                    try {
                        result = blocking.call(timeout);
                    } finally {
                        leave();
                    }
                    scheduler.execute(() -> finish(slot, attempt, result));
                } else {
                    slot.spec.probe().probe(timeout).whenComplete((result, error) ->
                            scheduler.execute(() -> finish(slot, attempt, orFailure(result, error, slot))));
                }
            } catch (RuntimeException e) {
                scheduler.execute(() -> finish(slot, attempt, orFailure(null, e, slot)));
            }
        }

        synchronized void interrupt() {
            interrupted = true;
            if (runner != null) runner.interrupt();
        }

        private synchronized boolean enter() {
            if (interrupted) return false;
            runner = Thread.currentThread();
            return true;
        }

        private void leave() {
            boolean clear;
            synchronized (this) {
                runner = null;
                clear = interrupted;
            }
            if (clear) Thread.interrupted();
        }
    }

    /** One check's mutable scheduling state, owned by the scheduler's thread. */
    private static final class Slot {
        final NamedCheck spec;
        TrackedCheck check;
        long attempt;
        long decided;
        long startedAt;
        /** When the pending probe is due: the reference for its lateness. */
        long plannedAt;
        /** Removed by a reconfiguration: whatever is still scheduled or in flight is ignored. */
        boolean retired;
        /** The next probe, and the current attempt's timeout: one timer each for good. */
        Scheduler.Timer pending;
        Scheduler.Timer timeout;
        /** The latest attempt's launch, to interrupt its probe if the check stops. */
        Launch launch;

        Slot(NamedCheck spec, TrackedCheck check) {
            this.spec = spec;
            this.check = check;
        }
    }
}
