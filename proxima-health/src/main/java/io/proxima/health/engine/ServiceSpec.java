package io.proxima.health.engine;

import java.util.List;

/**
 * One service: its checks and how they combine, and the services it depends on (it is DOWN while
 * any of them is DOWN). Optional checks only degrade it. At least one check must be required.
 */
public record ServiceSpec(String name, Combine combine, List<Member> checks, List<String> dependsOn) {

    /** A check of the service; an optional one makes it DEGRADED when DOWN, never DOWN. */
    public record Member(String check, boolean optional) {
        public static Member required(String check) {
            return new Member(check, false);
        }

        public static Member optional(String check) {
            return new Member(check, true);
        }
    }

    public ServiceSpec {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("service name required");
        checks = List.copyOf(checks);
        dependsOn = List.copyOf(dependsOn);
        long required = checks.stream().filter(m -> !m.optional()).count();
        if (required == 0) throw new IllegalArgumentException("service " + name + ": needs at least one required check");
        if (combine.needed((int) required) > required) {
            throw new IllegalArgumentException("service " + name + ": quorum " + combine.needed((int) required)
                    + " exceeds its " + required + " required checks");
        }
        if (dependsOn.contains(name)) throw new IllegalArgumentException("service " + name + " depends on itself");
    }
}
