package io.proxima.bgp.rib;

import io.proxima.bgp.wire.nlri.Nlri;

/**
 * What happened to one route in an Adj-RIB-In. The Loc-RIB takes these; a session can log them.
 * A re-announcement with the same attributes is no change and is not reported.
 */
public sealed interface RouteChange {

    Nlri nlri();

    /** A route the RIB did not have. */
    record Added(Nlri nlri, Attributes attributes) implements RouteChange { }

    /** A new announcement for a route the RIB had, with different attributes (an implicit withdrawal, RFC 4271 §3.1). */
    record Replaced(Nlri nlri, Attributes previous, Attributes attributes) implements RouteChange { }

    /** A route gone: withdrawn, rejected on re-announcement, treated as withdrawn, stale and swept, or session down. */
    record Removed(Nlri nlri, Attributes previous) implements RouteChange { }
}
