package io.proxima.health.engine;

import io.proxima.health.check.CheckSpec;
import io.proxima.health.check.Timing;
import io.proxima.health.probe.Probe;
import io.proxima.health.probe.Probes;
import java.util.Objects;
import java.util.Optional;

/**
 * One check as the engine runs it: a unique name, its timing, its probe, and its hold-down.
 *
 * @param spec what the probe was made from, when it was made by {@link Probes#of}: a configured
 *             check has one, a hand-made probe (a test's, an embedder's) has none. It is what a
 *             reload compares, since a {@link Probe} has no value equality; see {@link #sameAs}.
 */
public record NamedCheck(String name, Timing timing, Probe probe, FlapDamping damping, Optional<CheckSpec> spec) {

    public NamedCheck {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("check name required");
        if (timing == null || probe == null || damping == null) throw new IllegalArgumentException("check " + name + ": timing, probe and damping required");
        Objects.requireNonNull(spec, "check " + name + ": spec must be an Optional");
        if (spec.isPresent() && !spec.get().timing().equals(timing)) {
            throw new IllegalArgumentException("check " + name + ": timing differs from its spec's");
        }
    }

    /** A configured check: its probe is {@code Probes.of(spec)}, its timing the spec's. */
    public NamedCheck(String name, CheckSpec spec, FlapDamping damping) {
        this(name, spec.timing(), Probes.of(spec), damping, Optional.of(spec));
    }

    /** A check around a hand-made probe; a reload keeps it only while it is the same probe object. */
    public NamedCheck(String name, Timing timing, Probe probe, FlapDamping damping) {
        this(name, timing, probe, damping, Optional.empty());
    }

    public NamedCheck(String name, Timing timing, Probe probe) {
        this(name, timing, probe, FlapDamping.DEFAULTS);
    }

    /**
     * Whether a reload may keep {@code previous}'s state and schedule for this check: same name,
     * timing and hold-down, and the same probe: equal specs when both have one (check specs are
     * records, equal by value), otherwise the very same {@link Probe} object.
     */
    public boolean sameAs(NamedCheck previous) {
        boolean sameProbe = spec.isPresent() && previous.spec.isPresent()
                ? spec.equals(previous.spec) : probe == previous.probe;
        return name.equals(previous.name) && timing.equals(previous.timing) && damping.equals(previous.damping) && sameProbe;
    }
}
