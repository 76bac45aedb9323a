package io.proxima.bgp.rib;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.ClusterList;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.OriginatorId;
import io.proxima.bgp.wire.attr.PathAttribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The path attributes of a route, immutable, with the hash computed once. Many prefixes share one
 * instance: every prefix of an UPDATE gets the same object, and an {@link AttributePool} makes
 * equal sets from different UPDATEs one object too. A route in a RIB is then a map entry from its
 * NLRI to this, and nothing more.
 *
 * <p>The next hop is held apart from the attribute list: NEXT_HOP for IPv4 (RFC 4271 §5.1.3), or
 * the next hop of MP_REACH_NLRI (RFC 4760 §3), whose global and link-local parts (RFC 2545 §3) are
 * both kept. MP_REACH_NLRI and MP_UNREACH_NLRI never appear in the list: they carry NLRI, which
 * belongs to the UPDATE and not to the route. The list is ordered by type code, as RFC 4271 §5 asks
 * of a sender, so two equal sets received in different orders are one set here.
 */
public final class Attributes {

    /** No attributes and no next hop. */
    public static final Attributes EMPTY = new Attributes(List.of(), null, null);

    private static final Comparator<PathAttribute> BY_TYPE = Comparator.comparingInt(PathAttribute::typeCode);

    private final List<PathAttribute> list;
    private final IpAddress nextHop;
    private final IpAddress linkLocalNextHop;
    private final int hash;

    private Attributes(List<PathAttribute> list, IpAddress nextHop, IpAddress linkLocalNextHop) {
        this.list = list;
        this.nextHop = nextHop;
        this.linkLocalNextHop = linkLocalNextHop;
        this.hash = list.hashCode() * 31 + Objects.hashCode(nextHop) * 17 + Objects.hashCode(linkLocalNextHop);
    }

    /**
     * The attributes of a route. NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI in {@code attributes}
     * are left out: the next hop is given separately.
     *
     * @param nextHop          the (global) next hop, or null for a local route that has none yet
     * @param linkLocalNextHop the IPv6 link-local next hop (RFC 2545 §3), or null
     */
    public static Attributes of(List<PathAttribute> attributes, IpAddress nextHop, IpAddress linkLocalNextHop) {
        if (linkLocalNextHop != null && (nextHop == null || !linkLocalNextHop.isLinkLocal() || !linkLocalNextHop.v6())) {
            throw new IllegalArgumentException("link-local next hop " + linkLocalNextHop + " needs a global one beside it");
        }
        List<PathAttribute> kept = new ArrayList<>(attributes.size());
        boolean sorted = true;
        for (PathAttribute a : attributes) {
            switch (a.typeCode()) {
                case PathAttribute.NEXT_HOP, PathAttribute.MP_REACH_NLRI, PathAttribute.MP_UNREACH_NLRI -> { }
                default -> {
                    if (!kept.isEmpty() && kept.get(kept.size() - 1).typeCode() > a.typeCode()) sorted = false;
                    kept.add(a);
                }
            }
        }
        if (!sorted) kept.sort(BY_TYPE);
        return new Attributes(List.copyOf(kept), nextHop, linkLocalNextHop);
    }

    public static Attributes of(List<PathAttribute> attributes, IpAddress nextHop) {
        return of(attributes, nextHop, null);
    }

    /** The attribute list, ordered by type code, without NEXT_HOP and the MP attributes. */
    public List<PathAttribute> list() {
        return list;
    }

    /** The next hop: IPv4 NEXT_HOP, or the global next hop of MP_REACH_NLRI. Null if none. */
    public IpAddress nextHop() {
        return nextHop;
    }

    /** The IPv6 link-local next hop, the second half of a 32-octet MP_REACH_NLRI next hop, or null. */
    public IpAddress linkLocalNextHop() {
        return linkLocalNextHop;
    }

    /** The attribute of the given kind, or null. */
    public <T extends PathAttribute> T get(Class<T> kind) {
        for (int i = 0; i < list.size(); i++) {
            PathAttribute a = list.get(i);
            if (kind.isInstance(a)) return kind.cast(a);
        }
        return null;
    }

    /** ORIGIN's value; INCOMPLETE, the least preferred (RFC 4271 §9.1.2.2 c), when absent. */
    public int origin() {
        Origin o = get(Origin.class);
        return o == null ? Origin.INCOMPLETE : o.value();
    }

    public AsPath asPath() {
        AsPath p = get(AsPath.class);
        return p == null ? AsPath.EMPTY : p;
    }

    public OptionalLong med() {
        MultiExitDisc m = get(MultiExitDisc.class);
        return m == null ? OptionalLong.empty() : OptionalLong.of(m.value());
    }

    public OptionalLong localPref() {
        LocalPref l = get(LocalPref.class);
        return l == null ? OptionalLong.empty() : OptionalLong.of(l.value());
    }

    public List<Long> communities() {
        Communities c = get(Communities.class);
        return c == null ? List.of() : c.values();
    }

    public boolean hasCommunity(long community) {
        Communities c = get(Communities.class);
        return c != null && c.values().contains(community);
    }

    public List<LargeCommunity> largeCommunities() {
        LargeCommunities c = get(LargeCommunities.class);
        return c == null ? List.of() : c.values();
    }

    /** ORIGINATOR_ID (RFC 4456 §8), if a route reflector set it. */
    public Optional<IpAddress> originatorId() {
        OriginatorId o = get(OriginatorId.class);
        return o == null ? Optional.empty() : Optional.of(o.id());
    }

    /** The number of CLUSTER_LIST entries (RFC 4456 §9); 0 when absent. */
    public int clusterListLength() {
        ClusterList c = get(ClusterList.class);
        return c == null ? 0 : c.ids().size();
    }

    /** These attributes with {@code attribute} in place of any of its type. */
    public Attributes with(PathAttribute attribute) {
        List<PathAttribute> out = new ArrayList<>(list.size() + 1);
        for (PathAttribute a : list) if (a.typeCode() != attribute.typeCode()) out.add(a);
        out.add(attribute);
        return of(out, nextHop, linkLocalNextHop);
    }

    public Attributes withNextHop(IpAddress global, IpAddress linkLocal) {
        return of(list, global, linkLocal);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Attributes a && a.hash == hash && a.list.equals(list)
                && Objects.equals(a.nextHop, nextHop) && Objects.equals(a.linkLocalNextHop, linkLocalNextHop);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Attributes[next-hop ").append(nextHop);
        if (linkLocalNextHop != null) sb.append(" ").append(linkLocalNextHop);
        for (PathAttribute a : list) sb.append(", ").append(a);
        return sb.append(']').toString();
    }
}
