package io.proxima.bgp.rib;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;

/**
 * Our own addresses on one session, the next hop we send (RFC 4271 §5.1.3 for IPv4, RFC 2545 §3
 * for IPv6). The session knows them: its local socket address, and for IPv6 the link-local address
 * of the interface when the peer shares that link.
 *
 * @param ipv4          our IPv4 address towards the peer, or null
 * @param ipv6          our global IPv6 address towards the peer, or null
 * @param ipv6LinkLocal our link-local address on the shared link (sent as the second next hop), or null
 * @param ipv4OverIpv6  the peer accepts IPv6 next hops for IPv4 routes (RFC 8950 Extended Next Hop
 *                      capability); used only when there is no IPv4 address
 */
public record NextHopSelf(IpAddress ipv4, IpAddress ipv6, IpAddress ipv6LinkLocal, boolean ipv4OverIpv6) {

    public NextHopSelf {
        if (ipv4 != null && ipv4.v6()) throw new IllegalArgumentException("IPv4 next hop " + ipv4 + " is IPv6");
        if (ipv6 != null && (!ipv6.v6() || ipv6.isLinkLocal())) throw new IllegalArgumentException("global IPv6 next hop " + ipv6);
        if (ipv6LinkLocal != null && (ipv6 == null || !ipv6LinkLocal.v6() || !ipv6LinkLocal.isLinkLocal())) {
            throw new IllegalArgumentException("link-local next hop " + ipv6LinkLocal + " needs a global IPv6 one");
        }
    }

    public static NextHopSelf of(IpAddress ipv4, IpAddress ipv6) {
        return new NextHopSelf(ipv4, ipv6, null, false);
    }

    /** The global next hop for a prefix's routes, or null if this session has none of a usable family. */
    public IpAddress global(Prefix prefix) {
        if (prefix.isV6()) return ipv6;
        if (ipv4 != null) return ipv4;
        return ipv4OverIpv6 ? ipv6 : null;
    }

    /** The link-local next hop sent beside {@link #global}, or null. */
    public IpAddress linkLocal(Prefix prefix) {
        IpAddress g = global(prefix);
        return g != null && g.v6() ? ipv6LinkLocal : null;
    }

    /**
     * Whether a next hop given for a route can be sent with it: the prefix's own family, or IPv6
     * for an IPv4 prefix when the peer accepts that (RFC 8950).
     */
    public boolean accepts(Prefix prefix, IpAddress nextHop) {
        return nextHop.v6() == prefix.isV6() || !prefix.isV6() && ipv4OverIpv6;
    }
}
