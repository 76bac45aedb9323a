package io.proxima.policy;

import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.config.RouteAttributes;
import io.proxima.config.ServiceConfig;
import io.proxima.health.engine.ServiceState;
import io.proxima.health.engine.ServiceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps each service's state to its routes (issue #5, "Announce policy"):
 * <ul>
 * <li>UP: announce with the service's attributes, to its selected peers;
 * <li>DEGRADED: announce with the degraded attributes (de-preferred), or as UP if none are set;
 * <li>DRAINED: announce with GRACEFUL_SHUTDOWN (RFC 8326) until the drain time has passed, then
 *     withdraw; a drain of zero withdraws at once;
 * <li>DOWN and UNKNOWN: withdraw. UNKNOWN is what every service is at start, until its checks
 *     have passed {@code rise} times in this process (DESIGN.md safety rule 1).
 * </ul>
 * A pure function of its inputs: the daemon calls it after every change and at each plan's
 * deadline, and tests call it with any clock value.
 */
public final class AnnouncePolicy {

    private AnnouncePolicy() { }

    /**
     * @param health       the engine's latest service statuses; a service missing here is UNKNOWN
     * @param drainedSince for each drained service, the nanoTime its drain began; a drain restored
     *                     from disk at start uses {@link Long#MIN_VALUE}: its grace period is long over
     * @param now          the same clock as {@code drainedSince}
     */
    public static Plan plan(List<ServiceConfig> services, Map<String, ServiceStatus> health, Map<String, Long> drainedSince,
                            long now) {
        List<ServicePlan> out = new ArrayList<>(services.size());
        for (ServiceConfig s : services) out.add(plan(s, health.get(s.name()), drainedSince.get(s.name()), now));
        return new Plan(out);
    }

    static ServicePlan plan(ServiceConfig s, ServiceStatus status, Long drainedSince, long now) {
        ServiceState state = status == null ? ServiceState.UNKNOWN : status.state();
        String reason = status == null ? "no check has decided yet" : status.reason();
        switch (state) {
            case UNKNOWN:
                return withdrawn(s, Effective.UNKNOWN, "not announced until its checks rise: " + reason);
            case DOWN:
                return withdrawn(s, Effective.DOWN, "withdrawn: " + reason);
            default:
                break;
        }
        if (drainedSince != null) {
            long end = drainEnd(drainedSince, s.drain());
            if (now >= end) return withdrawn(s, Effective.DRAINED, "drained: withdrawn");
            List<Advertisement> routes = routes(s, s.up(), true);
            return new ServicePlan(s.name(), Effective.DRAINED,
                    "drained: announced with GRACEFUL_SHUTDOWN (65535:0) for " + s.drain().toMillis() + " ms, then withdrawn",
                    routes, end);
        }
        if (state == ServiceState.DEGRADED) {
            RouteAttributes attrs = s.degraded().orElse(s.up());
            String how = s.degraded().isPresent() ? "announced de-preferred: " : "announced (no degraded attributes set): ";
            return new ServicePlan(s.name(), Effective.DEGRADED, how + reason, routes(s, attrs, false), Long.MAX_VALUE);
        }
        return new ServicePlan(s.name(), Effective.UP, "announced: " + reason, routes(s, s.up(), false), Long.MAX_VALUE);
    }

    private static long drainEnd(long since, Duration drain) {
        if (since == Long.MIN_VALUE) return Long.MIN_VALUE;
        long d = drain.toNanos();
        return since > Long.MAX_VALUE - d ? Long.MAX_VALUE : since + d;
    }

    private static ServicePlan withdrawn(ServiceConfig s, Effective state, String why) {
        return new ServicePlan(s.name(), state, why, List.of(), Long.MAX_VALUE);
    }

    private static List<Advertisement> routes(ServiceConfig s, RouteAttributes attrs, boolean gracefulShutdown) {
        Set<IpAddress> peers = Set.copyOf(s.peers());
        List<Advertisement> out = new ArrayList<>(s.prefixes().size());
        for (Prefix p : s.prefixes()) {
            Advertisement a = Advertisement.of(p)
                    .withCommunities(attrs.communities())
                    .withLargeCommunities(attrs.largeCommunities())
                    .withPrepend(attrs.prepend())
                    .withGracefulShutdown(gracefulShutdown)
                    .withPeers(peers);
            if (attrs.med().isPresent()) a = a.withMed(attrs.med().getAsLong());
            out.add(a);
        }
        return out;
    }
}
