package io.proxima.bgp.rib;

import io.proxima.bgp.wire.nlri.Nlri;
import java.util.List;

/**
 * Routes of an UPDATE that failed an inbound check. They are not installed, and a path the peer
 * had announced before for them is removed (the new announcement replaced it: RFC 4271 §3.1). The
 * session stays up; the caller logs {@link #detail()}.
 */
public record Rejection(Reason reason, String detail, List<Nlri> routes) {

    public Rejection {
        routes = List.copyOf(routes);
    }

    public enum Reason {
        /** Our own AS is in AS_PATH: RFC 4271 §9.1.2 excludes the route (a loop). */
        AS_LOOP,
        /** The next hop cannot be a router's address: unspecified, loopback, multicast, reserved, IPv4-mapped. */
        MARTIAN_NEXT_HOP,
        /** No next hop for the routes (NEXT_HOP missing for the NLRI field). */
        MISSING_NEXT_HOP,
        /** From an eBGP peer, the leftmost AS in AS_PATH is not the peer's AS (RFC 4271 §6.3, RFC 7606 §7.2). */
        FIRST_AS_MISMATCH,
        /** Accepting the routes would exceed the configured maximum (RFC 4486 §4). */
        MAX_PREFIXES,
    }

    @Override
    public String toString() {
        return reason + ": " + detail + " (" + routes.size() + (routes.size() == 1 ? " route)" : " routes)");
    }
}
