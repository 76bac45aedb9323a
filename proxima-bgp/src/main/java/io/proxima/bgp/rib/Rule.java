package io.proxima.bgp.rib;

/**
 * The steps of the decision process, in the order they are applied (RFC 4271 §9.1.2.2, with the
 * RFC 4456 §9 additions for route reflection). Each step keeps the paths no other remaining path
 * beats; the step that leaves one path is the one that decided.
 */
public enum Rule {
    /** There was one candidate: nothing to decide. */
    ONLY_PATH,
    /**
     * A route this speaker originates beats every learned one. Not in RFC 4271, which leaves the
     * degree of preference to local policy (§9.1.1); it is what FRR does with its weight 32768 for
     * local routes and BIRD with the higher preference of its static protocol, both checked before
     * LOCAL_PREF. A node that serves an anycast prefix keeps using its own instance.
     */
    LOCALLY_ORIGINATED,
    /** Highest degree of preference: LOCAL_PREF from iBGP, the configured default otherwise (RFC 4271 §9.1.1, §5.1.5). */
    LOCAL_PREF,
    /** Shortest AS_PATH: an AS_SET counts 1, confederation segments 0 (RFC 4271 §9.1.2.2 a, RFC 5065 §5.3). */
    AS_PATH_LENGTH,
    /** Lowest ORIGIN: IGP < EGP < INCOMPLETE (RFC 4271 §9.1.2.2 b). */
    ORIGIN,
    /** Lowest MULTI_EXIT_DISC, compared only between paths from the same neighbouring AS; none counts as 0 (§9.1.2.2 c). */
    MED,
    /** eBGP-learned over iBGP-learned (RFC 4271 §9.1.2.2 d). */
    EBGP_OVER_IBGP,
    /** Lowest interior cost to the next hop (RFC 4271 §9.1.2.2 e). */
    IGP_COST,
    /** Lowest BGP Identifier, or ORIGINATOR_ID where present (RFC 4271 §9.1.2.2 f, RFC 4456 §9). */
    BGP_IDENTIFIER,
    /** Shortest CLUSTER_LIST (RFC 4456 §9). */
    CLUSTER_LIST_LENGTH,
    /** Lowest peer address (RFC 4271 §9.1.2.2 g). */
    PEER_ADDRESS,
    /** Lowest ADD-PATH path identifier: two paths from one peer (RFC 7911); our own last tie-break. */
    PATH_ID;

    /** The steps that compare paths, in order. */
    static final Rule[] STEPS = {
        LOCALLY_ORIGINATED, LOCAL_PREF, AS_PATH_LENGTH, ORIGIN, MED, EBGP_OVER_IBGP, IGP_COST, BGP_IDENTIFIER,
        CLUSTER_LIST_LENGTH, PEER_ADDRESS, PATH_ID,
    };
}
