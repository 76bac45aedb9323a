package io.proxima.health.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A service's state as a pure function of its checks' and its dependencies' states. In order:
 * a DOWN dependency makes it DOWN; too few required checks UP (per all/any/quorum) make it DOWN,
 * or UNKNOWN while undecided checks could still make the count; an UNKNOWN dependency keeps an
 * otherwise-up service UNKNOWN; an optional check DOWN, or a check passing slower than its
 * degraded latency, makes it DEGRADED. A DEGRADED dependency does not propagate.
 */
final class Composition {

    private Composition() {}

    /**
     * @param checks   every check's snapshot by name
     * @param services the status of every service this one depends on, by name
     * @param previous this service's status so far: its {@code since} is kept if the state holds
     */
    static ServiceStatus compose(ServiceSpec spec, Map<String, CheckSnapshot> checks,
                                 Map<String, ServiceStatus> services, ServiceStatus previous, long now) {
        Verdict v = verdict(spec, checks, services);
        long since = v.state() == previous.state() ? previous.since() : now;
        return new ServiceStatus(spec.name(), v.state(), spec.name() + ": " + v.why(), since);
    }

    private record Verdict(ServiceState state, String why) {}

    private static Verdict verdict(ServiceSpec spec, Map<String, CheckSnapshot> checks, Map<String, ServiceStatus> services) {
        List<ServiceStatus> deps = spec.dependsOn().stream().map(services::get).toList();
        Optional<ServiceStatus> downDep = deps.stream().filter(d -> d.state() == ServiceState.DOWN).findFirst();
        if (downDep.isPresent()) {
            return new Verdict(ServiceState.DOWN, "depends on " + downDep.get().service() + ", which is DOWN (" + downDep.get().reason() + ")");
        }
        List<CheckSnapshot> required = members(spec, checks, false);
        int needed = spec.combine().needed(required.size());
        long up = count(required, CheckState.UP);
        long unknown = count(required, CheckState.UNKNOWN);
        if (up + unknown < needed) {
            return new Verdict(ServiceState.DOWN, up + " of " + required.size() + " required checks up, " + needed
                    + " needed (" + reasons(required, CheckState.DOWN) + ")");
        }
        if (up < needed) return new Verdict(ServiceState.UNKNOWN, "waiting for " + names(required, CheckState.UNKNOWN));
        Optional<ServiceStatus> unknownDep = deps.stream().filter(d -> d.state() == ServiceState.UNKNOWN).findFirst();
        if (unknownDep.isPresent()) return new Verdict(ServiceState.UNKNOWN, "waiting for " + unknownDep.get().service());
        List<CheckSnapshot> optional = members(spec, checks, true);
        if (count(optional, CheckState.DOWN) > 0) {
            return new Verdict(ServiceState.DEGRADED, "optional check down (" + reasons(optional, CheckState.DOWN) + ")");
        }
        Optional<CheckSnapshot> slow = spec.checks().stream().map(m -> checks.get(m.check()))
                .filter(c -> c.slowPass().isPresent()).findFirst();
        if (slow.isPresent()) {
            return new Verdict(ServiceState.DEGRADED, "check " + slow.get().check() + " passed in "
                    + slow.get().slowPass().orElseThrow().toMillis() + " ms, slower than its degraded latency");
        }
        return new Verdict(ServiceState.UP, up + " of " + required.size() + " required checks up");
    }

    private static List<CheckSnapshot> members(ServiceSpec spec, Map<String, CheckSnapshot> checks, boolean optional) {
        return spec.checks().stream().filter(m -> m.optional() == optional).map(m -> checks.get(m.check())).toList();
    }

    private static long count(List<CheckSnapshot> checks, CheckState state) {
        return checks.stream().filter(c -> c.state() == state).count();
    }

    private static String reasons(List<CheckSnapshot> checks, CheckState state) {
        return checks.stream().filter(c -> c.state() == state).map(CheckSnapshot::reason).collect(Collectors.joining("; "));
    }

    private static String names(List<CheckSnapshot> checks, CheckState state) {
        return checks.stream().filter(c -> c.state() == state).map(CheckSnapshot::check).collect(Collectors.joining(", "));
    }
}
