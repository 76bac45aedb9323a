package io.proxima.health.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates services against the checks and orders them so that each comes after its dependencies. */
final class ServiceOrder {

    private ServiceOrder() {}

    /** Services in dependency order; rejects unknown names, duplicates and cycles. */
    static List<ServiceSpec> of(List<ServiceSpec> services, Set<String> checks) {
        Map<String, ServiceSpec> byName = new HashMap<>();
        for (ServiceSpec s : services) {
            if (byName.put(s.name(), s) != null) throw new IllegalArgumentException("duplicate service " + s.name());
            for (ServiceSpec.Member m : s.checks()) {
                if (!checks.contains(m.check())) throw new IllegalArgumentException("service " + s.name() + ": no check " + m.check());
            }
        }
        List<ServiceSpec> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (ServiceSpec s : services) visit(s, byName, done, new HashSet<>(), ordered);
        return List.copyOf(ordered);
    }

    private static void visit(ServiceSpec s, Map<String, ServiceSpec> byName, Set<String> done, Set<String> path, List<ServiceSpec> out) {
        if (done.contains(s.name())) return;
        if (!path.add(s.name())) throw new IllegalArgumentException("dependency cycle through service " + s.name());
        for (String dep : s.dependsOn()) {
            ServiceSpec d = byName.get(dep);
            if (d == null) throw new IllegalArgumentException("service " + s.name() + ": depends on unknown service " + dep);
            visit(d, byName, done, path, out);
        }
        path.remove(s.name());
        done.add(s.name());
        out.add(s);
    }
}
