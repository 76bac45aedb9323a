package io.proxima.labkit;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One BGP path for a prefix, as a lab daemon reports it, in one shape for all four daemons.
 *
 * @param prefix           e.g. {@code 198.51.100.0/24}
 * @param source           where it came from: BIRD's protocol name, FRR's and GoBGP's peer address,
 *                         ExaBGP's neighbor address; {@code "local"} for a locally originated path
 * @param best             selected as best (BIRD's {@code *}, FRR's bestpath, GoBGP's best)
 * @param nextHops         BGP next hop address(es): for IPv6 the global and maybe the link-local one
 * @param origin           {@code igp}, {@code egp}, {@code incomplete}, or "" if absent
 * @param asPath           AS numbers in order; AS_SET members are flattened in
 * @param med              MULTI_EXIT_DISC if present
 * @param localPref        LOCAL_PREF if present
 * @param communities      RFC 1997 communities as {@code asn:value}, well-known ones numeric too
 * @param largeCommunities RFC 8092 large communities as {@code global:local1:local2}
 * @param extra            daemon-specific facts by name, e.g. BIRD's {@code via} and attributes it
 *                         has no name for ({@code BGP.63 [t]} → {@code de ad be ef})
 */
public record Route(String prefix, String source, boolean best, List<String> nextHops, String origin,
                    List<Long> asPath, OptionalLong med, OptionalLong localPref, List<String> communities,
                    List<String> largeCommunities, Map<String, String> extra) {

    public Route {
        nextHops = List.copyOf(nextHops);
        asPath = List.copyOf(asPath);
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
        extra = Map.copyOf(extra);
    }
}
