package io.proxima.bgp.wire.attr;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.cap.FourOctetAs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The AS path and aggregator of a route received from an OLD (2-octet) speaker, rebuilt from
 * AS_PATH / AGGREGATOR and AS4_PATH / AS4_AGGREGATOR as RFC 6793 §4.2.3 says.
 */
public final class As4Reconstruction {

    private As4Reconstruction() {
    }

    /** The aggregating node, or null when the route names none. */
    public record AggregatorInfo(long asn, IpAddress address) { }

    public record Result(AsPath path, AggregatorInfo aggregator) { }

    /**
     * Rebuilds the path information from the attributes of an UPDATE received over a 2-octet
     * session. On a 4-octet session AS4_PATH and AS4_AGGREGATOR must not be used; don't call this.
     */
    public static Result reconstruct(List<PathAttribute> attributes) {
        AsPath path = null;
        As4Path path4 = null;
        Aggregator aggregator = null;
        As4Aggregator aggregator4 = null;
        for (PathAttribute a : attributes) {
            switch (a) {
                case AsPath p -> path = p;
                case As4Path p -> path4 = p;
                case Aggregator g -> aggregator = g;
                case As4Aggregator g -> aggregator4 = g;
                default -> { }
            }
        }
        AggregatorInfo agg = aggregator == null ? null : new AggregatorInfo(aggregator.asn(), aggregator.address());
        if (aggregator != null && aggregator4 != null) {
            // "if the AS number in the AGGREGATOR attribute is not AS_TRANS, then the AS4_AGGREGATOR
            // attribute and the AS4_PATH attribute SHALL be ignored"
            if (aggregator.asn() != FourOctetAs.AS_TRANS) return new Result(path, agg);
            agg = new AggregatorInfo(aggregator4.asn(), aggregator4.address());
        }
        if (path == null || path4 == null) return new Result(path, agg);
        int count = path.length();
        int count4 = new AsPath(path4.segments()).length();
        // "If the number of AS numbers in the AS_PATH attribute is less than the number of AS numbers
        // in the AS4_PATH attribute, then the AS4_PATH attribute SHALL be ignored"
        if (count < count4) return new Result(path, agg);
        // "...taking as many AS numbers and path segments as necessary from the leading part of the
        // AS_PATH attribute, and then prepending them to the AS4_PATH attribute so that the AS path
        // information has a number of AS numbers identical to that of the AS_PATH attribute."
        int need = count - count4;
        List<Segment> out = new ArrayList<>();
        for (Segment s : path.segments()) {
            if (need == 0) break;
            switch (s.type()) {
                case Segment.AS_SEQUENCE -> {
                    int take = Math.min(s.size(), need);
                    out.add(take == s.size() ? s : new Segment(Segment.AS_SEQUENCE, Arrays.copyOf(s.asns(), take)));
                    need -= take;
                }
                case Segment.AS_SET -> {
                    out.add(s);
                    need -= 1;
                }
                default -> out.add(s); // confederation segments count zero (RFC 5065 §5.3)
            }
        }
        out.addAll(path4.segments());
        return new Result(new AsPath(path.flags(), out), agg);
    }
}
