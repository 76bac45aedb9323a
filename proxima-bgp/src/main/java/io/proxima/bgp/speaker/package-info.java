/**
 * {@link io.proxima.bgp.speaker.BgpSpeaker}: the embedded speaker's facade. Give it the desired
 * routes and it makes every peer's wire match (Adj-RIB-Out diff → packed UPDATEs, End-of-RIB after
 * the initial table, RFC 4724). Peers are added, removed and reset at run time; readers get
 * immutable snapshots; listeners hear state changes, received routes and RFC 7606 errors.
 *
 * <p>One event loop owns all sessions and tables (STYLE rule 7). Graceful restart is opt-in per
 * peer, in both roles: as the restarting speaker (Restart State bit, End-of-RIB) and as the
 * receiving speaker (stale routes kept for the peer's restart time, swept by its End-of-RIB).
 * Router mode adds the RFC 4271 §9.1 decision process and re-advertises best paths (the demo's
 * routers).
 */
package io.proxima.bgp.speaker;
