package io.proxima.config;

import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import java.util.List;
import java.util.OptionalLong;

/**
 * What goes on a service's routes in one state: communities (RFC 1997, as 32-bit values),
 * large communities (RFC 8092), MED, and extra prepends of our AS.
 */
public record RouteAttributes(List<Long> communities, List<LargeCommunity> largeCommunities, OptionalLong med,
                              int prepend) {

    public static final RouteAttributes NONE = new RouteAttributes(List.of(), List.of(), OptionalLong.empty(), 0);

    public RouteAttributes {
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
    }
}
