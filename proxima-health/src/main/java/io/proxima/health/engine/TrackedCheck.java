package io.proxima.health.engine;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.Optional;

/**
 * One check's hysteresis and hold-down together, pure: a probe result in, the next value and the
 * events out. The raw state comes from {@link CheckStatus}; the hold-down overrides it with DOWN
 * while suppressed. Only UP↔DOWN transitions are flaps: leaving UNKNOWN is not.
 */
record TrackedCheck(CheckStatus raw, Penalty penalty, CheckSnapshot snapshot, Timing timing, FlapDamping damping) {

    static TrackedCheck start(String check, Timing timing, FlapDamping damping, long now) {
        CheckStatus raw = CheckStatus.unknown(check, now);
        CheckSnapshot snapshot = new CheckSnapshot(check, raw.state(), raw.reason(), now, Optional.empty());
        return new TrackedCheck(raw, Penalty.none(now), snapshot, timing, damping);
    }

    /**
     * The next value after {@code result}. A steady check that passes again (UP, with nothing
     * counted towards a change and not held down), or fails again while DOWN, is returned as it
     * is: the thousands of probes a second that change nothing allocate nothing here. Its penalty
     * then keeps its older timestamp; decaying it later from there gives the same figure, since
     * the decay is exponential, and a penalty that is not suppressed decides nothing until the
     * next transition charges it.
     */
    TrackedCheck advance(ProbeResult result, long now) {
        if (raw.repeats(result) && !penalty.suppressed() && slowPass(result).equals(snapshot.slowPass())) return this;
        CheckStatus.Step step = raw.next(result, now, timing);
        Penalty p = step.transition().filter(TrackedCheck::isFlap).isPresent()
                ? damping.charge(penalty, now) : damping.decay(penalty, now);
        CheckSnapshot next = effective(step.status(), p, slowPass(result), now);
        return new TrackedCheck(step.status(), p, next, timing, damping);
    }

    /** The transition from {@code before}, this check's previous value, to this one; null if its state stayed. */
    HealthEvent.CheckTransition transitionFrom(TrackedCheck before, long now) {
        if (snapshot.state() == before.snapshot.state()) return null;
        return new HealthEvent.CheckTransition(now, raw.check(), before.snapshot.state(), snapshot.state(), snapshot.reason());
    }

    /** Probe at the fast interval while the raw state is changing. */
    Duration nextDelay() {
        return raw.changing() ? timing.fastInterval().orElse(timing.interval()) : timing.interval();
    }

    private CheckSnapshot effective(CheckStatus status, Penalty p, Optional<Duration> slow, long now) {
        String check = status.check();
        if (p.suppressed()) {
            if (penalty.suppressed()) return snapshot;
            long since = snapshot.state() == CheckState.DOWN ? snapshot.since() : now;
            String why = check + ": held down for flapping (penalty " + Math.round(p.figure()) + " above "
                    + Math.round(damping.suppress()) + ", released below " + Math.round(damping.reuse()) + ")";
            return new CheckSnapshot(check, CheckState.DOWN, why, since, Optional.empty());
        }
        Optional<Duration> slowIfUp = status.state() == CheckState.UP ? slow : Optional.empty();
        boolean same = status.state() == snapshot.state();
        long since = same ? snapshot.since() : now;
        String why = penalty.suppressed() ? check + ": released from hold-down; " + status.reason()
                : same ? snapshot.reason() : status.reason();
        return new CheckSnapshot(check, status.state(), why, since, slowIfUp);
    }

    private Optional<Duration> slowPass(ProbeResult result) {
        if (!result.pass()) return Optional.empty();
        return timing.degradedLatency().filter(limit -> result.latency().compareTo(limit) > 0).map(limit -> result.latency());
    }

    private static boolean isFlap(HealthEvent.CheckTransition t) {
        return t.from() != CheckState.UNKNOWN && t.to() != CheckState.UNKNOWN;
    }
}
