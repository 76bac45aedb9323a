package io.proxima.labkit;

import java.util.Optional;

/**
 * What BIRD and FRR answer about BFD, so a test can run the same BFD checks against both. Peers
 * are named by their address.
 */
public interface BfdDaemon extends BgpDaemon {

    /** Its BFD session with {@code peer}, static or registered by BGP, if it has one. */
    Optional<BfdStatus> bfdSession(String peer);

    /**
     * SIGSTOP to whatever sends its BFD packets, so that its sessions fall silent while nothing is
     * closed: all of BIRD, or FRR's bfdd alone.
     */
    void freezeBfd();

    /** SIGCONT after {@link #freezeBfd()}. */
    void thawBfd();
}
