package io.proxima.lab;

import java.time.Duration;

/**
 * How a scenario is done to a site and undone, what that is in words, and how long after the event
 * its route must be gone when no withdraw is logged to go by. Proxima's is the {@link Scenario}'s
 * own; {@code --compare} freezes ExaBGP and NSD instead ({@link ExaBgpCompare}).
 */
record Fault(String what, Runnable inject, Runnable restore, Duration routeGoneBound) {

    static Fault of(Scenario scenario, Site site) {
        return new Fault(scenario.what, () -> scenario.inject(site), () -> scenario.restore(site), scenario.routeGoneBound);
    }
}
