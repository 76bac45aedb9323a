package io.proxima.policy;

import io.proxima.bgp.rib.Advertisement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every service's plan, in config order; the union of their routes is the speaker's desired set. */
public record Plan(List<ServicePlan> services) {

    public static final Plan NOTHING = new Plan(List.of());

    public Plan {
        services = List.copyOf(services);
    }

    public List<Advertisement> advertisements() {
        List<Advertisement> out = new ArrayList<>();
        for (ServicePlan s : services) out.addAll(s.routes());
        return out;
    }

    /** The earliest time at which the plan changes without any new input. */
    public long nextDeadline() {
        long min = Long.MAX_VALUE;
        for (ServicePlan s : services) min = Math.min(min, s.deadline());
        return min;
    }

    public Optional<ServicePlan> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }
}
