package io.proxima.bgp.rib;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one peer is sent (RFC 4271 §9.2, §5.1): for each route we originate or, in router mode,
 * each Loc-RIB best path, the attributes as they go to this peer, or the reason the route is not
 * sent. Next hop is always ours ("next-hop self"); there is no route reflection (RFC 4456), so
 * nothing learned over iBGP goes back into iBGP.
 *
 * <p>Single-threaded: owned by the speaker's event loop.
 */
public final class ExportPolicy {

    /** Why a route is not sent to this peer. */
    public enum Refusal {
        /** Learned from this very peer: never sent back to it. */
        FROM_THIS_PEER,
        /** iBGP-learned, and this peer is internal too (RFC 4271 §9.2: "MUST NOT ... to other internal peers"). */
        IBGP_TO_IBGP,
        /** NO_EXPORT or NO_EXPORT_SUBCONFED, and this peer is external (RFC 1997). */
        NO_EXPORT,
        /** NO_ADVERTISE (RFC 1997). */
        NO_ADVERTISE,
        /** This session has no next hop of a family the route can use. */
        NO_NEXT_HOP,
        /** The route names the peers it goes to, and this is not one of them (a service's {@code peers}). */
        NOT_SELECTED,
    }

    private final PeerId peer;
    private final NextHopSelf self;
    private final DecisionProcess decision;
    private final boolean forwardMed;
    private final AttributePool pool;

    /**
     * @param peer       the peer routes go to
     * @param self       our addresses on that session
     * @param decision   for the degree of preference sent as LOCAL_PREF to internal peers
     * @param forwardMed send the MED of learned routes to external peers too (RFC 4271 §5.1.4
     *                   says a received MED "MUST NOT be propagated to other neighboring ASes" by default)
     * @param pool       makes the exported sets shared between the routes that get equal ones
     */
    public ExportPolicy(PeerId peer, NextHopSelf self, DecisionProcess decision, boolean forwardMed, AttributePool pool) {
        this.peer = peer;
        this.self = self;
        this.decision = decision;
        this.forwardMed = forwardMed;
        this.pool = pool;
    }

    public PeerId peer() {
        return peer;
    }

    /** Why a route we originate is not sent, or null if it is. */
    public Refusal refusal(Advertisement a) {
        if (!a.sentTo(peer.address())) return Refusal.NOT_SELECTED;
        IpAddress nh = a.nextHop().orElse(null);
        if (nh != null ? !self.accepts(a.prefix(), nh) : self.global(a.prefix()) == null) return Refusal.NO_NEXT_HOP;
        return null;
    }

    /**
     * A route we originate, as this peer gets it; null if refused. eBGP: AS_PATH is our AS, once
     * plus the extra prepends (RFC 4271 §5.1.2), and no LOCAL_PREF (§5.1.5). iBGP: an empty AS_PATH
     * and LOCAL_PREF, 0 for a route in graceful shutdown (RFC 8326 §4). The MED asked for goes to both.
     */
    public Attributes export(Advertisement a) {
        if (refusal(a) != null) return null;
        Attributes out = a.attributes();
        if (peer.ebgp()) {
            out = out.with(AsPath.EMPTY.prepend(peer.localAs(), 1 + a.prepend()));
        } else {
            long pref = a.gracefulShutdown() ? DecisionProcess.GRACEFUL_SHUTDOWN_PREF : decision.defaultLocalPref();
            out = out.with(new LocalPref(pref));
        }
        return pool.intern(withNextHop(out, a.prefix(), a.nextHop().orElse(null)));
    }

    /** Why a Loc-RIB path is not sent, or null if it is. */
    public Refusal refusal(Prefix prefix, Path path) {
        PeerId from = path.peer();
        if (from.address().equals(peer.address())) return Refusal.FROM_THIS_PEER;
        if (from.ibgp() && !peer.ebgp()) return Refusal.IBGP_TO_IBGP;
        Attributes a = path.attributes();
        if (a.hasCommunity(Communities.NO_ADVERTISE)) return Refusal.NO_ADVERTISE;
        if (peer.ebgp() && (a.hasCommunity(Communities.NO_EXPORT) || a.hasCommunity(Communities.NO_EXPORT_SUBCONFED))) {
            return Refusal.NO_EXPORT;
        }
        if (self.global(prefix) == null) return Refusal.NO_NEXT_HOP;
        return null;
    }

    /**
     * A Loc-RIB path as this peer gets it; null if refused. Next hop self. To an external peer:
     * our AS prepended (RFC 4271 §5.1.2), no LOCAL_PREF, no MED unless configured (§5.1.4). To an
     * internal peer: AS_PATH as is, LOCAL_PREF set to our degree of preference (§5.1.5), MED kept.
     * Unknown transitive attributes pass with the Partial bit set, unknown non-transitive ones are
     * dropped (RFC 4271 §5); ORIGINATOR_ID and CLUSTER_LIST only matter to reflection and are dropped.
     * AS4_PATH and AS4_AGGREGATOR are dropped: AS_PATH holds the full path (see package-info).
     */
    public Attributes export(Prefix prefix, Path path) {
        if (refusal(prefix, path) != null) return null;
        boolean keepMed = !peer.ebgp() || forwardMed || path.peer().isLocal();
        List<PathAttribute> out = new ArrayList<>(path.attributes().list().size() + 1);
        boolean hasPath = false;
        for (PathAttribute a : path.attributes().list()) {
            switch (a) {
                case AsPath p -> {
                    out.add(peer.ebgp() ? p.prepend(peer.localAs(), 1) : p);
                    hasPath = true;
                }
                case UnknownAttribute u -> {
                    if (u.isTransitive()) out.add(u.forwarded());
                }
                default -> {
                    switch (a.typeCode()) {
                        case PathAttribute.LOCAL_PREF, PathAttribute.ORIGINATOR_ID, PathAttribute.CLUSTER_LIST,
                             PathAttribute.AS4_PATH, PathAttribute.AS4_AGGREGATOR -> { }
                        case PathAttribute.MULTI_EXIT_DISC -> {
                            if (keepMed) out.add(a);
                        }
                        default -> out.add(a);
                    }
                }
            }
        }
        if (!hasPath) out.add(peer.ebgp() ? AsPath.EMPTY.prepend(peer.localAs(), 1) : AsPath.EMPTY);
        if (!peer.ebgp()) out.add(new LocalPref(decision.degreeOfPreference(path)));
        return pool.intern(withNextHop(Attributes.of(out, null), prefix, null));
    }

    /**
     * The routes this peer should have: the Loc-RIB best paths (router mode; pass null otherwise)
     * and our own advertisements, which win over a learned path for the same prefix, as they do in
     * the decision process ({@link Rule#LOCALLY_ORIGINATED}).
     */
    public Map<Prefix, Attributes> desired(Collection<Advertisement> local, LocRib rib) {
        Map<Prefix, Attributes> out = new HashMap<>();
        if (rib != null) {
            rib.forEachBest((prefix, path) -> {
                if (path.peer().isLocal()) return;
                Attributes a = export(prefix, path);
                if (a != null) out.put(prefix, a);
            });
        }
        // Many routes share one shape (the same attributes for every anycast prefix, 100k /32s in
        // the benchmark): export each shape once per family, not once per route.
        Map<Shape, java.util.Optional<Attributes>> byShape = new HashMap<>();
        for (Advertisement ad : local) {
            Attributes a = byShape.computeIfAbsent(Shape.of(ad), k -> java.util.Optional.ofNullable(export(ad))).orElse(null);
            if (a != null) out.put(ad.prefix(), a);
        }
        return out;
    }

    /**
     * What an advertisement's exported attributes depend on: everything but the prefix, and the
     * prefix only through its family (which next hop of ours it gets).
     */
    private record Shape(java.util.Optional<IpAddress> nextHop, java.util.OptionalLong med, java.util.List<Long> communities,
                         java.util.List<io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity> large, int prepend,
                         boolean gracefulShutdown, java.util.Set<IpAddress> peers, boolean v6) {
        static Shape of(Advertisement a) {
            return new Shape(a.nextHop(), a.med(), a.communities(), a.largeCommunities(), a.prepend(), a.gracefulShutdown(),
                    a.peers(), a.prefix().isV6());
        }
    }

    /**
     * The same as {@link #desired(Collection, LocRib)}, for the given prefixes only: what a scoped
     * {@link AdjRibOut#diff(Map, Collection)} needs after some best paths changed, without exporting
     * the whole table again.
     */
    public Map<Prefix, Attributes> desired(Collection<Advertisement> local, LocRib rib, Collection<Prefix> scope) {
        Map<Prefix, Advertisement> own = local.isEmpty() ? Map.of() : new HashMap<>();
        for (Advertisement ad : local) own.put(ad.prefix(), ad);
        Map<Prefix, Attributes> out = new HashMap<>();
        for (Prefix prefix : scope) {
            Advertisement ad = own.get(prefix);
            Attributes a = ad == null ? null : export(ad);
            if (a == null && rib != null) {
                Path best = rib.best(prefix);
                if (best != null && !best.peer().isLocal()) a = export(prefix, best);
            }
            if (a != null) out.put(prefix, a);
        }
        return out;
    }

    private Attributes withNextHop(Attributes a, Prefix prefix, IpAddress override) {
        if (override != null) return a.withNextHop(override, null);
        return a.withNextHop(self.global(prefix), self.linkLocal(prefix));
    }
}
