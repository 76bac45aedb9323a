package io.proxima.bgp.rib;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.PathAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A route this speaker originates, as the announce policy wants it: what the health engine's
 * desired state turns into. {@link ExportPolicy} makes the attributes each peer gets from it.
 *
 * @param prefix           the route
 * @param nextHop          a next hop to send instead of our own session address (another host on the link)
 * @param med              MULTI_EXIT_DISC to send, to eBGP peers too (RFC 4271 §5.1.4 allows it for our own routes)
 * @param communities      COMMUNITIES values (RFC 1997)
 * @param largeCommunities LARGE_COMMUNITY values (RFC 8092)
 * @param prepend          how many extra times our AS goes in front of AS_PATH on eBGP sessions
 * @param gracefulShutdown tag with GRACEFUL_SHUTDOWN, 65535:0 (RFC 8326 §3), before a withdrawal
 * @param peers            the peers that get it; empty: every peer
 */
public record Advertisement(Prefix prefix, Optional<IpAddress> nextHop, OptionalLong med, List<Long> communities,
                            List<LargeCommunity> largeCommunities, int prepend, boolean gracefulShutdown,
                            Set<IpAddress> peers) {

    /** More extra prepends than this is a configuration mistake, not traffic engineering. */
    public static final int MAX_PREPEND = 32;

    public Advertisement {
        if (prefix == null || nextHop == null || med == null) throw new NullPointerException("prefix, nextHop and med are required");
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
        peers = Set.copyOf(peers);
        if (prepend < 0 || prepend > MAX_PREPEND) throw new IllegalArgumentException("prepend " + prepend + " not in 0.." + MAX_PREPEND);
        med.ifPresent(m -> {
            if (m < 0 || m > 0xFFFF_FFFFL) throw new IllegalArgumentException("MED " + m);
        });
        nextHop.ifPresent(nh -> {
            if (InboundChecks.martian(nh) != null) throw new IllegalArgumentException("next hop " + nh + ": " + InboundChecks.martian(nh));
        });
    }

    /** The prefix with our own next hop and nothing else. */
    public static Advertisement of(Prefix prefix) {
        return new Advertisement(prefix, Optional.empty(), OptionalLong.empty(), List.of(), List.of(), 0, false, Set.of());
    }

    public Advertisement withNextHop(IpAddress nh) {
        return new Advertisement(prefix, Optional.of(nh), med, communities, largeCommunities, prepend, gracefulShutdown, peers);
    }

    public Advertisement withMed(long value) {
        return new Advertisement(prefix, nextHop, OptionalLong.of(value), communities, largeCommunities, prepend, gracefulShutdown, peers);
    }

    public Advertisement withCommunities(List<Long> values) {
        return new Advertisement(prefix, nextHop, med, values, largeCommunities, prepend, gracefulShutdown, peers);
    }

    public Advertisement withLargeCommunities(List<LargeCommunity> values) {
        return new Advertisement(prefix, nextHop, med, communities, values, prepend, gracefulShutdown, peers);
    }

    public Advertisement withPrepend(int times) {
        return new Advertisement(prefix, nextHop, med, communities, largeCommunities, times, gracefulShutdown, peers);
    }

    /** Sent only to these peers; an empty set means every peer. */
    public Advertisement withPeers(Set<IpAddress> only) {
        return new Advertisement(prefix, nextHop, med, communities, largeCommunities, prepend, gracefulShutdown, only);
    }

    /** Whether {@code peer} gets this route. */
    public boolean sentTo(IpAddress peer) {
        return peers.isEmpty() || peers.contains(peer);
    }

    public Advertisement withGracefulShutdown(boolean on) {
        return new Advertisement(prefix, nextHop, med, communities, largeCommunities, prepend, on, peers);
    }

    /**
     * The route as it sits in our Loc-RIB: ORIGIN IGP, an empty AS_PATH (RFC 4271 §5.1.2: we
     * originate it), the MED and communities asked for, and the next hop override if any.
     */
    public Attributes attributes() {
        List<PathAttribute> list = new ArrayList<>(5);
        list.add(new Origin(Origin.IGP));
        list.add(AsPath.EMPTY);
        med.ifPresent(m -> list.add(new MultiExitDisc(m)));
        List<Long> all = communities;
        if (gracefulShutdown && !all.contains(Communities.GRACEFUL_SHUTDOWN)) {
            all = new ArrayList<>(communities);
            all.add(Communities.GRACEFUL_SHUTDOWN);
        }
        if (!all.isEmpty()) list.add(new Communities(all));
        if (!largeCommunities.isEmpty()) list.add(new LargeCommunities(largeCommunities));
        return Attributes.of(list, nextHop.orElse(null));
    }
}
