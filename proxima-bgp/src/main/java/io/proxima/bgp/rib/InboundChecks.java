package io.proxima.bgp.rib;

import io.proxima.bgp.rib.Rejection.Reason;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.attr.AsPath;

/**
 * The checks a received route must pass before it enters the Adj-RIB-In. Each one that fails
 * rejects the routes of that UPDATE, never the session: the codec has already applied RFC 7606,
 * and these are the checks that need to know who we and the peer are.
 */
final class InboundChecks {

    /** IPv4 first octets: 0.0.0.0/8 "this network" and 127.0.0.0/8 loopback (RFC 6890 §2.2.2). */
    private static final int V4_THIS_NETWORK = 0;
    private static final int V4_LOOPBACK = 127;
    /** 224.0.0.0/4 multicast (RFC 5771) and 240.0.0.0/4 reserved, 255.255.255.255 included (RFC 1112 §4). */
    private static final int V4_MULTICAST_FIRST = 224;
    /** ff00::/8 multicast (RFC 4291 §2.7). */
    private static final long V6_MULTICAST_TOP_OCTET = 0xFF;
    /** ::ffff:0:0/96, IPv4-mapped (RFC 4291 §2.5.5.2): a host-internal form, not a router's address. */
    private static final long V6_MAPPED_LO = 0x0000_FFFF_0000_0000L;
    private static final long V6_MAPPED_LO_MASK = 0xFFFF_FFFF_0000_0000L;

    private final PeerId peer;
    private final boolean enforceFirstAs;
    private final boolean acceptLoopback;

    InboundChecks(PeerId peer, boolean enforceFirstAs, boolean acceptLoopback) {
        this.peer = peer;
        this.enforceFirstAs = enforceFirstAs;
        this.acceptLoopback = acceptLoopback;
    }

    /** A failed check: why, and a sentence for the log. */
    record Failure(Reason reason, String detail) { }

    /** The first check the route fails, or null when it passes them all. */
    Failure check(Attributes a) {
        AsPath path = a.asPath();
        // RFC 4271 §9.1.2: "If the AS_PATH attribute of a BGP route contains an AS loop, the BGP
        // route should be excluded from the Phase 2 decision function."
        if (path.contains(peer.localAs())) {
            return new Failure(Reason.AS_LOOP, "AS_PATH " + path + " contains our AS " + peer.localAs() + " (RFC 4271 §9.1.2)");
        }
        // RFC 4271 §6.3: from an external peer, the leftmost AS "MAY" be checked against the peer's
        // AS; a mismatch is a Malformed AS_PATH, which RFC 7606 §7.2 handles as treat-as-withdraw.
        if (enforceFirstAs && peer.ebgp() && path.firstAs() != peer.asn()) {
            return new Failure(Reason.FIRST_AS_MISMATCH, "AS_PATH " + path + " does not start with the peer's AS "
                    + peer.asn() + " (RFC 4271 §6.3)");
        }
        if (a.nextHop() == null) return new Failure(Reason.MISSING_NEXT_HOP, "no next hop");
        String why = acceptLoopback && isLoopback(a.nextHop()) ? null : martian(a.nextHop());
        if (why != null) return new Failure(Reason.MARTIAN_NEXT_HOP, "next hop " + a.nextHop() + " is " + why);
        return null;
    }

    static boolean isLoopback(IpAddress a) {
        return a.v6() ? a.hi() == 0 && a.lo() == 1 : (a.lo() >>> 24) == V4_LOOPBACK;
    }

    /**
     * Why an address cannot be a (global) next hop, or null if it can. IPv6 link-local addresses
     * are refused here: they are valid only as the second, link-local next hop (RFC 2545 §3).
     */
    static String martian(IpAddress a) {
        if (!a.v6()) {
            int first = (int) (a.lo() >>> 24);
            if (first == V4_THIS_NETWORK) return "in 0.0.0.0/8 (this network)";
            if (first == V4_LOOPBACK) return "in 127.0.0.0/8 (loopback)";
            if (first >= V4_MULTICAST_FIRST) return first < 240 ? "in 224.0.0.0/4 (multicast)" : "in 240.0.0.0/4 (reserved)";
            return null;
        }
        if (a.isUnspecified()) return "the unspecified address ::";
        if (a.hi() == 0 && a.lo() == 1) return "the loopback address ::1";
        if ((a.hi() >>> 56) == V6_MULTICAST_TOP_OCTET) return "in ff00::/8 (multicast)";
        if (a.hi() == 0 && (a.lo() & V6_MAPPED_LO_MASK) == V6_MAPPED_LO) return "in ::ffff:0:0/96 (IPv4-mapped)";
        if (a.isLinkLocal()) return "link-local (fe80::/10), allowed only as the second next hop (RFC 2545 §3)";
        return null;
    }
}
