package io.proxima.health.engine;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.Probe;

/** One check as the engine runs it: a unique name, its timing, its probe, and its hold-down. */
public record NamedCheck(String name, Timing timing, Probe probe, FlapDamping damping) {

    public NamedCheck {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("check name required");
        if (timing == null || probe == null || damping == null) throw new IllegalArgumentException("check " + name + ": timing, probe and damping required");
    }

    public NamedCheck(String name, Timing timing, Probe probe) {
        this(name, timing, probe, FlapDamping.DEFAULTS);
    }
}
