package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.health.engine.Combine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One anycast service: the prefixes it owns, the checks that decide its state, and how each state
 * is announced.
 *
 * @param checks     named {@code <service>/<index>} unless the config names them
 * @param require    how required checks combine
 * @param dependsOn  services this one needs: it is DOWN while any of them is DOWN
 * @param up         the attributes while UP
 * @param degraded   the attributes while DEGRADED; absent: announce as UP
 * @param drain      how long to announce with GRACEFUL_SHUTDOWN before withdrawing when drained;
 *                   zero withdraws at once
 * @param peers      the peers that get this service's routes; empty: all
 */
public record ServiceConfig(String name, List<Prefix> prefixes, List<CheckConfig> checks, Combine require,
                            List<String> dependsOn, RouteAttributes up, Optional<RouteAttributes> degraded,
                            Duration drain, List<IpAddress> peers) {

    public static final Duration DEFAULT_DRAIN = Duration.ZERO;

    public ServiceConfig {
        prefixes = List.copyOf(prefixes);
        checks = List.copyOf(checks);
        dependsOn = List.copyOf(dependsOn);
        peers = List.copyOf(peers);
    }
}
