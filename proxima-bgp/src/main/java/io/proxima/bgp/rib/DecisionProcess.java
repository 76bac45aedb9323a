package io.proxima.bgp.rib;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The decision process (RFC 4271 §9.1): which of the paths for a prefix is the best. Each
 * {@link Rule} is a small comparison that says which of two paths wins or that they tie. The rules
 * are applied as RFC 4271 §9.1.2.2 words them, as eliminations: at each step a path stays while no
 * other remaining path beats it. That makes MED, which compares only paths from the same
 * neighbouring AS, give the RFC's answer whatever order the paths come in (a pairwise sort would
 * not: "MED is not transitive").
 *
 * <p>Stateless apart from its configuration; the IGP cost hook is called on the owner's thread.
 */
public final class DecisionProcess {

    /** The degree of preference of a path without LOCAL_PREF, unless configured otherwise: the usual default (BIRD, FRR). */
    public static final long DEFAULT_LOCAL_PREF = 100;
    /** Degree of preference of a path tagged GRACEFUL_SHUTDOWN, as RFC 8326 §4 asks receivers to set. */
    public static final long GRACEFUL_SHUTDOWN_PREF = 0;
    /** No IGP: every next hop costs the same. */
    public static final ToLongFunction<IpAddress> NO_IGP = nextHop -> 0;

    private final long defaultLocalPref;
    private final ToLongFunction<IpAddress> igpCost;
    private final boolean honourGracefulShutdown;

    /**
     * @param defaultLocalPref       the degree of preference of eBGP-learned paths, and of others without LOCAL_PREF
     * @param igpCost                the interior cost to a next hop (RFC 4271 §9.1.2.2 e); null next hops cost 0
     * @param honourGracefulShutdown lower paths tagged GRACEFUL_SHUTDOWN to preference 0 (RFC 8326 §4)
     */
    public DecisionProcess(long defaultLocalPref, ToLongFunction<IpAddress> igpCost, boolean honourGracefulShutdown) {
        this.defaultLocalPref = defaultLocalPref;
        this.igpCost = igpCost;
        this.honourGracefulShutdown = honourGracefulShutdown;
    }

    public DecisionProcess() {
        this(DEFAULT_LOCAL_PREF, NO_IGP, true);
    }

    public long defaultLocalPref() {
        return defaultLocalPref;
    }

    /**
     * The degree of preference (RFC 4271 §9.1.1). RFC 4271 §5.1.5: LOCAL_PREF received from an
     * external peer "MUST be ignored", so eBGP paths get the configured default.
     */
    public long degreeOfPreference(Path p) {
        if (honourGracefulShutdown && p.attributes().hasCommunity(Communities.GRACEFUL_SHUTDOWN)) return GRACEFUL_SHUTDOWN_PREF;
        if (p.peer().ebgp()) return defaultLocalPref;
        return p.attributes().localPref().orElse(defaultLocalPref);
    }

    /** Which of two paths one rule prefers: negative if {@code a}, positive if {@code b}, 0 for a tie. */
    public int compare(Rule rule, Path a, Path b) {
        return switch (rule) {
            case ONLY_PATH -> 0;
            case LOCALLY_ORIGINATED -> Boolean.compare(b.peer().isLocal(), a.peer().isLocal());
            case LOCAL_PREF -> Long.compare(degreeOfPreference(b), degreeOfPreference(a));
            case AS_PATH_LENGTH -> Integer.compare(a.attributes().asPath().length(), b.attributes().asPath().length());
            case ORIGIN -> Integer.compare(a.attributes().origin(), b.attributes().origin());
            case MED -> neighbourAs(a) != neighbourAs(b) ? 0 : Long.compare(med(a), med(b));
            case EBGP_OVER_IBGP -> Boolean.compare(b.peer().ebgp(), a.peer().ebgp());
            case IGP_COST -> Long.compare(igpCost(a), igpCost(b));
            case BGP_IDENTIFIER -> bgpIdentifier(a).compareTo(bgpIdentifier(b));
            case CLUSTER_LIST_LENGTH -> Integer.compare(a.attributes().clusterListLength(), b.attributes().clusterListLength());
            case PEER_ADDRESS -> a.peer().address().compareTo(b.peer().address());
            case PATH_ID -> Long.compare(a.pathId(), b.pathId());
        };
    }

    /** The best path, with every loser, the rule it lost on and the values compared. */
    public Explanation explain(List<Path> candidates) {
        return decide(candidates, true);
    }

    /** The best of the candidates (at least one). */
    public Path best(List<Path> candidates) {
        return decide(candidates, false).winner();
    }

    private Explanation decide(List<Path> candidates, boolean explain) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no candidates");
        if (candidates.size() == 1) return new Explanation(candidates.get(0), Rule.ONLY_PATH, List.of());
        List<Path> remaining = new ArrayList<>(candidates);
        List<Explanation.Loss> losses = explain ? new ArrayList<>(candidates.size() - 1) : List.of();
        Rule decidedBy = Rule.PATH_ID;
        for (Rule rule : Rule.STEPS) {
            List<Path> kept = new ArrayList<>(remaining.size());
            for (Path p : remaining) {
                Path beater = null;
                for (Path q : remaining) {
                    if (q != p && compare(rule, q, p) < 0) {
                        beater = q;
                        break;
                    }
                }
                if (beater == null) {
                    kept.add(p);
                } else if (explain) {
                    losses.add(new Explanation.Loss(p, rule, beater, describe(rule, p) + " vs " + describe(rule, beater)));
                }
            }
            remaining = kept;
            if (remaining.size() == 1) {
                decidedBy = rule;
                break;
            }
        }
        // Only two copies of one path (same peer and path identifier) can tie to the end; take the first.
        return new Explanation(remaining.get(0), decidedBy, losses);
    }

    /**
     * RFC 4271 §9.1.2.2 c: the neighbouring AS is the first AS of the path; for a path with none
     * (originated in our AS, or starting with an AS_SET) it is the local AS.
     */
    private static long neighbourAs(Path p) {
        long first = p.attributes().asPath().firstAs();
        return first >= 0 ? first : p.peer().localAs();
    }

    /** RFC 4271 §9.1.2.2 c: "a route that lacks the MULTI_EXIT_DISC attribute" has the lowest value. */
    private static long med(Path p) {
        return p.attributes().med().orElse(0);
    }

    private long igpCost(Path p) {
        IpAddress nh = p.attributes().nextHop();
        return nh == null ? 0 : igpCost.applyAsLong(nh);
    }

    /** RFC 4456 §9: "the ORIGINATOR_ID SHOULD be treated as the BGP Identifier of the BGP speaker that has advertised the route". */
    private static IpAddress bgpIdentifier(Path p) {
        return p.attributes().originatorId().orElse(p.peer().bgpId());
    }

    private String describe(Rule rule, Path p) {
        Attributes a = p.attributes();
        return switch (rule) {
            case ONLY_PATH -> "";
            case LOCALLY_ORIGINATED -> p.peer().isLocal() ? "locally originated" : "learned";
            case LOCAL_PREF -> "preference " + degreeOfPreference(p);
            case AS_PATH_LENGTH -> "AS_PATH length " + a.asPath().length() + " [" + a.asPath() + "]";
            case ORIGIN -> "ORIGIN " + new Origin(a.origin()).name();
            case MED -> "MED " + med(p) + " from AS " + neighbourAs(p);
            case EBGP_OVER_IBGP -> p.peer().ebgp() ? "eBGP" : "iBGP";
            case IGP_COST -> "IGP cost " + igpCost(p) + " to " + a.nextHop();
            case BGP_IDENTIFIER -> (a.originatorId().isPresent() ? "ORIGINATOR_ID " : "BGP Identifier ") + bgpIdentifier(p);
            case CLUSTER_LIST_LENGTH -> "CLUSTER_LIST length " + a.clusterListLength();
            case PEER_ADDRESS -> "peer address " + p.peer().address();
            case PATH_ID -> "path-id " + p.pathId();
        };
    }
}
