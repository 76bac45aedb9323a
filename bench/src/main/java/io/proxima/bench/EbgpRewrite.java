package io.proxima.bench;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Reconstruction;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.PathAttribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns an UPDATE from a dump of an iBGP feed into one that the feeder may send over its own eBGP
 * session, the way a router passes a route on to an external peer (RFC 4271 §5.1, §9.2):
 * <ul>
 *   <li>AS_PATH: the full path (rebuilt from AS4_PATH when the dump's session used 2-octet AS
 *       numbers, RFC 6793 §4.2.3) with the feeder's AS prepended (§5.1.2); encoded with 4-octet
 *       AS numbers, so AS4_PATH and AS4_AGGREGATOR are dropped and AGGREGATOR carries the real AS;</li>
 *   <li>NEXT_HOP: the feeder's own address (§5.1.3);</li>
 *   <li>LOCAL_PREF (§5.1.5), ORIGINATOR_ID and CLUSTER_LIST (RFC 4456 §8): internal only, dropped;</li>
 *   <li>everything else (ORIGIN, MED, communities, ATOMIC_AGGREGATE, unknown attributes) as received.</li>
 * </ul>
 * Withdrawals pass unchanged; an UPDATE that announces nothing keeps no attributes.
 */
final class EbgpRewrite {

    private static final Comparator<PathAttribute> BY_TYPE = Comparator.comparingInt(PathAttribute::typeCode);

    private final long feederAs;
    private final IpAddress nextHop;

    EbgpRewrite(long feederAs, IpAddress nextHop) {
        this.feederAs = feederAs;
        this.nextHop = nextHop;
    }

    /** @param as4Session whether the dump's session used 4-octet AS numbers (else AS4_PATH completes AS_PATH) */
    Update apply(Update u, boolean as4Session) {
        if (u.nlri().isEmpty()) {
            if (u.attributes().stream().anyMatch(a -> a.typeCode() == PathAttribute.MP_REACH_NLRI || a.typeCode() == PathAttribute.MP_UNREACH_NLRI)) {
                throw new IllegalArgumentException("the feeder negotiates IPv4 unicast only; this dump has MP_REACH/MP_UNREACH");
            }
            return new Update(u.withdrawn(), List.of(), List.of());
        }
        AsPath path = u.get(AsPath.class);
        As4Reconstruction.AggregatorInfo aggregator = null;
        if (!as4Session) {
            As4Reconstruction.Result r = As4Reconstruction.reconstruct(u.attributes());
            path = r.path();
            aggregator = r.aggregator();
        }
        List<PathAttribute> out = new ArrayList<>(u.attributes().size() + 1);
        // A malformed UPDATE stays malformed: no AS_PATH or NEXT_HOP is invented for it.
        if (path != null) out.add(path.prepend(feederAs, 1));
        for (PathAttribute a : u.attributes()) {
            switch (a.typeCode()) {
                case PathAttribute.AS_PATH, PathAttribute.AS4_PATH, PathAttribute.AS4_AGGREGATOR,
                     PathAttribute.LOCAL_PREF, PathAttribute.ORIGINATOR_ID, PathAttribute.CLUSTER_LIST -> { }
                case PathAttribute.NEXT_HOP -> out.add(new NextHop(a.flags(), nextHop));
                case PathAttribute.AGGREGATOR -> {
                    Aggregator g = (Aggregator) a;
                    out.add(aggregator == null ? g : new Aggregator(g.flags(), aggregator.asn(), aggregator.address()));
                }
                case PathAttribute.MP_REACH_NLRI, PathAttribute.MP_UNREACH_NLRI ->
                        throw new IllegalArgumentException("the feeder negotiates IPv4 unicast only; this dump has MP_REACH/MP_UNREACH");
                default -> out.add(a);
            }
        }
        // RFC 4271 §5: a sender SHOULD order path attributes by type code.
        out.sort(BY_TYPE);
        return new Update(u.withdrawn(), out, u.nlri());
    }
}
