package io.proxima.health.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services in dependency order, indexed so that a change of one check recomposes only the
 * services that contain it and, transitively, those that depend on a service that changed: with
 * thousands of checks, recomposing everything on every change costs O(checks) per result.
 *
 * @param ordered    every service after the services it depends on ({@link ServiceOrder})
 * @param rank       each service's position in {@code ordered}
 * @param containing the services each check is a member of
 * @param dependents the services that depend on each service
 */
record ServiceGraph(List<ServiceSpec> ordered, Map<String, Integer> rank, Map<String, List<ServiceSpec>> containing,
                    Map<String, List<ServiceSpec>> dependents) {

    /** Validates and orders the services (see {@link ServiceOrder#of}), then indexes them. */
    static ServiceGraph of(List<ServiceSpec> services, Set<String> checks) {
        List<ServiceSpec> ordered = ServiceOrder.of(services, checks);
        Map<String, Integer> rank = new HashMap<>();
        Map<String, List<ServiceSpec>> containing = new HashMap<>();
        Map<String, List<ServiceSpec>> dependents = new HashMap<>();
        for (ServiceSpec s : ordered) {
            rank.put(s.name(), rank.size());
            for (ServiceSpec.Member m : s.checks()) containing.computeIfAbsent(m.check(), c -> new ArrayList<>()).add(s);
            for (String dep : s.dependsOn()) dependents.computeIfAbsent(dep, d -> new ArrayList<>()).add(s);
        }
        return new ServiceGraph(List.copyOf(ordered), Map.copyOf(rank), copy(containing), copy(dependents));
    }

    List<ServiceSpec> containing(String check) {
        return containing.getOrDefault(check, List.of());
    }

    List<ServiceSpec> dependentsOf(String service) {
        return dependents.getOrDefault(service, List.of());
    }

    int rankOf(ServiceSpec service) {
        return rank.get(service.name());
    }

    private static Map<String, List<ServiceSpec>> copy(Map<String, List<ServiceSpec>> index) {
        Map<String, List<ServiceSpec>> out = new HashMap<>();
        index.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }
}
