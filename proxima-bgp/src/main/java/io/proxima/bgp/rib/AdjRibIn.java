package io.proxima.bgp.rib;

import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Adj-RIB-In (RFC 4271 §3.2): the routes one peer has announced to us and that passed the inbound
 * checks, unprocessed by policy. Each route is one slot of a {@link RouteTable} from its NLRI
 * (prefix and ADD-PATH path identifier) to shared {@link Attributes}: no object per route at all,
 * so a full table costs about 16 octets a route here and nothing for the collector to copy.
 *
 * <p>Graceful restart (RFC 4724 §4.2): {@link #markStale()} keeps the routes but marks them stale
 * when the session goes down; a re-announcement clears a route's mark, End-of-RIB removes what is
 * still stale for that family, and {@link #sweepStale()} removes the rest when the restart timer
 * expires. Stale routes live in their own table, so marking a full table stale moves no entries.
 *
 * <p>Only the unicast families are kept; MP_REACH_NLRI / MP_UNREACH_NLRI of another SAFI, which the
 * session never negotiates, are ignored.
 *
 * <p>Single-threaded: owned by the event loop of the speaker that owns the peer's session.
 */
public final class AdjRibIn {

    public static final int NO_LIMIT = Integer.MAX_VALUE;

    /**
     * @param maxPrefixes           the most prefixes accepted per address family (RFC 4486 §4), or {@link #NO_LIMIT}
     * @param enforceFirstAs        check that eBGP routes start with the peer's AS (RFC 4271 §6.3); off
     *                              for route servers, which do not add their own AS (RFC 7947 §2.2.2.1)
     * @param acceptLoopbackNextHop accept 127.0.0.0/8 and ::1 as next hops: only for an in-process
     *                              demo or test whose sessions all run over loopback, never on a network
     */
    public record Config(int maxPrefixes, boolean enforceFirstAs, boolean acceptLoopbackNextHop) {
        public static final Config DEFAULT = new Config(NO_LIMIT, true, false);

        public Config {
            if (maxPrefixes < 0) throw new IllegalArgumentException("max prefixes " + maxPrefixes);
        }

        public Config(int maxPrefixes, boolean enforceFirstAs) {
            this(maxPrefixes, enforceFirstAs, false);
        }
    }

    private final PeerId peer;
    private final Config config;
    private final InboundChecks checks;
    private final AttributePool pool;
    private RouteTable<Attributes> routes = new RouteTable<>();
    /** Routes kept across a restart and not yet announced again. A route is in this table or in {@code routes}, never both. */
    private RouteTable<Attributes> stale = new RouteTable<>();
    private int ipv4Count;
    private int ipv6Count;

    public AdjRibIn(PeerId peer, Config config, AttributePool pool) {
        this.peer = peer;
        this.config = config;
        this.checks = new InboundChecks(peer, config.enforceFirstAs(), config.acceptLoopbackNextHop());
        this.pool = pool;
    }

    public AdjRibIn(PeerId peer) {
        this(peer, Config.DEFAULT, new AttributePool());
    }

    public PeerId peer() {
        return peer;
    }

    /**
     * Applies a well-formed UPDATE: its withdrawals (withdrawn field and MP_UNREACH_NLRI), then its
     * announcements (NLRI field with NEXT_HOP, and MP_REACH_NLRI with its own next hop). An
     * End-of-RIB removes the routes of its family that are still stale.
     */
    public InboundResult apply(Update u) {
        Family eor = u.endOfRibFamily().orElse(null);
        if (eor != null) {
            return new InboundResult(sweepStale(eor), List.of(), eor, null);
        }
        Batch batch = new Batch();
        MpReachNlri reach = u.get(MpReachNlri.class);
        if (reach != null && !isUnicast(reach.family())) reach = null;
        MpUnreachNlri unreach = u.get(MpUnreachNlri.class);
        List<Nlri> withdrawn = unreach != null && isUnicast(unreach.family()) ? u.withdrawnAll() : u.withdrawn();
        if (!withdrawn.isEmpty()) {
            // RFC 4271 §4.3: a prefix both withdrawn and announced in one UPDATE is treated "as though
            // the WITHDRAWN ROUTES do not contain the address prefix".
            Set<Nlri> announced = new HashSet<>(u.nlri());
            if (reach != null) announced.addAll(reach.nlri());
            for (Nlri n : withdrawn) if (!announced.contains(n)) remove(n, batch.changes);
        }
        if (!u.nlri().isEmpty()) {
            NextHop nh = u.get(NextHop.class);
            announce(u.nlri(), Attributes.of(u.attributes(), nh == null ? null : nh.address()), batch);
        }
        if (reach != null && !reach.nlri().isEmpty()) {
            IpAddress linkLocal = reach.linkLocalNextHop().filter(a -> a.v6() && a.isLinkLocal()).orElse(null);
            announce(reach.nlri(), Attributes.of(u.attributes(), reach.nextHopAddress(), linkLocal), batch);
        }
        return batch.result();
    }

    /** Removes routes an UPDATE announced but RFC 7606 says to treat as withdrawn. */
    public InboundResult withdraw(List<Nlri> treatAsWithdraw) {
        List<RouteChange> changes = new ArrayList<>();
        for (Nlri n : treatAsWithdraw) remove(n, changes);
        return InboundResult.of(changes);
    }

    /** The session went down without graceful restart: every route goes. */
    public List<RouteChange> clear() {
        List<RouteChange> out = new ArrayList<>(size());
        forEach((n, a) -> out.add(new RouteChange.Removed(n, a)));
        routes = new RouteTable<>();
        stale = new RouteTable<>();
        ipv4Count = 0;
        ipv6Count = 0;
        return out;
    }

    /** RFC 4724 §4.2: the session went down and the peer can restart gracefully: keep every route, marked stale. */
    public int markStale() {
        if (stale.isEmpty()) {
            stale = routes;
        } else {
            stale.putAll(routes);
        }
        routes = new RouteTable<>();
        return stale.size();
    }

    /** Marks the routes of one family stale (RFC 7313 §4: on receiving BoRR for it). */
    public int markStale(Family family) {
        if (!isUnicast(family)) return 0;
        return routes.removeFamily(family.afi() == Family.AFI_IPV6, stale::put);
    }

    /** Removes every route still stale (restart or stale timer expired, RFC 4724 §4.2). */
    public List<RouteChange> sweepStale() {
        List<RouteChange> out = new ArrayList<>(stale.size());
        stale.forEach((n, a) -> {
            out.add(new RouteChange.Removed(n, a));
            count(n, -1);
        });
        stale = new RouteTable<>();
        return out;
    }

    /** Removes the stale routes of one family (End-of-RIB, RFC 4724 §4.2; EoRR, RFC 7313 §4). */
    public List<RouteChange> sweepStale(Family family) {
        if (stale.isEmpty() || !isUnicast(family)) return List.of();
        List<RouteChange> out = new ArrayList<>();
        stale.removeFamily(family.afi() == Family.AFI_IPV6, (n, a) -> {
            out.add(new RouteChange.Removed(n, a));
            count(n, -1);
        });
        return out;
    }

    /** The attributes of a route, stale or not, or null. */
    public Attributes get(Nlri nlri) {
        Attributes a = routes.get(nlri);
        return a != null || stale.isEmpty() ? a : stale.get(nlri);
    }

    public boolean isStale(Nlri nlri) {
        return stale.containsKey(nlri);
    }

    public int size() {
        return routes.size() + stale.size();
    }

    public int size(Family family) {
        if (family.equals(Family.IPV4_UNICAST)) return ipv4Count;
        return family.equals(Family.IPV6_UNICAST) ? ipv6Count : 0;
    }

    public int staleCount() {
        return stale.size();
    }

    /** Visits every route, the stale ones included. */
    public void forEach(BiConsumer<Nlri, Attributes> visitor) {
        routes.forEach(visitor);
        stale.forEach(visitor);
    }

    private void announce(List<Nlri> nlri, Attributes received, Batch batch) {
        Attributes attributes = pool.intern(received);
        InboundChecks.Failure failed = checks.check(attributes);
        if (failed != null) {
            for (Nlri n : nlri) remove(n, batch.changes);
            batch.rejections.add(new Rejection(failed.reason(), failed.detail(), nlri));
            return;
        }
        List<Nlri> overLimit = null;
        for (Nlri n : nlri) {
            Attributes previous = routes.put(n, attributes);
            if (previous == null && !stale.isEmpty()) previous = stale.remove(n);
            if (previous == null) {
                if (count(n, 0) >= config.maxPrefixes()) {
                    routes.remove(n);
                    if (overLimit == null) overLimit = new ArrayList<>();
                    overLimit.add(n);
                    continue;
                }
                count(n, 1);
                batch.changes.add(new RouteChange.Added(n, attributes));
            } else if (!previous.equals(attributes)) {
                batch.changes.add(new RouteChange.Replaced(n, previous, attributes));
            }
        }
        if (overLimit != null) {
            Family family = overLimit.get(0).prefix().family();
            batch.maxPrefix = new MaxPrefixExceeded(family, config.maxPrefixes());
            batch.rejections.add(new Rejection(Rejection.Reason.MAX_PREFIXES,
                    "limit of " + config.maxPrefixes() + " " + family + " prefixes reached (RFC 4486 §4)", overLimit));
        }
    }

    private void remove(Nlri n, List<RouteChange> changes) {
        Attributes previous = routes.remove(n);
        if (previous == null && !stale.isEmpty()) previous = stale.remove(n);
        if (previous != null) {
            count(n, -1);
            changes.add(new RouteChange.Removed(n, previous));
        }
    }

    /** Adds {@code delta} to the count of the route's family; returns the count before. */
    private int count(Nlri n, int delta) {
        if (n.prefix().isV6()) {
            ipv6Count += delta;
            return ipv6Count - delta;
        }
        ipv4Count += delta;
        return ipv4Count - delta;
    }

    private static boolean isUnicast(Family f) {
        return f.safi() == Family.SAFI_UNICAST && f.hasPrefixNlri();
    }

    /** What one UPDATE does, gathered while it is applied. */
    private static final class Batch {
        final List<RouteChange> changes = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>(0);
        MaxPrefixExceeded maxPrefix;

        InboundResult result() {
            if (rejections.isEmpty() && maxPrefix == null) return InboundResult.of(changes);
            return new InboundResult(changes, rejections, null, maxPrefix);
        }
    }
}
