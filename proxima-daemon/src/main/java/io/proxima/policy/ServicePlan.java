package io.proxima.policy;

import io.proxima.bgp.rib.Advertisement;
import java.util.List;

/**
 * What one service gets, and why.
 *
 * @param routes   its advertisements; empty when withdrawn
 * @param deadline nanoTime at which the plan changes by itself (a drain's graceful-shutdown phase
 *                 ends), or {@link Long#MAX_VALUE}
 */
public record ServicePlan(String service, Effective state, String why, List<Advertisement> routes, long deadline) {

    public ServicePlan {
        routes = List.copyOf(routes);
    }

    public boolean announced() {
        return !routes.isEmpty();
    }
}
