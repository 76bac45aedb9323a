package io.proxima.labkit;

import java.util.List;

/**
 * What every lab BGP daemon answers, so a test can run the same checks against BIRD, FRR, GoBGP and
 * ExaBGP. Neighbors are named by their address.
 */
public interface BgpDaemon extends Daemon {

    /** The session with {@code neighbor}; {@link SessionState#UNKNOWN} if it is not configured. */
    SessionState sessionState(String neighbor);

    /**
     * The paths this daemon holds for exactly {@code prefix}: its Loc-RIB for BIRD, FRR and GoBGP,
     * and what it has received for ExaBGP (which keeps no RIB of its own). Empty when it has none.
     */
    List<Route> routes(String prefix);

    /** Starts announcing {@code prefix} to every neighbor of its family, next hop self. */
    void announce(String prefix);

    /** Stops announcing {@code prefix}. */
    void withdraw(String prefix);
}
