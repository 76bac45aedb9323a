/**
 * The routing information bases (RFC 4271 §3.2) and the decision process (§9.1): pure data
 * structures between the sessions and the speaker. No channels, threads, clocks or logging: every
 * object here is owned by the speaker's event loop, and every operation returns what it changed and
 * why, for the caller to act on and log.
 *
 * <pre>
 *   UPDATE ─▶ AdjRibIn (per peer) ─RouteChange─▶ LocRib ─BestChange─▶ ExportPolicy (per peer) ─▶ AdjRibOut ─▶ UPDATEs
 *                 │ checks: loop, first AS,          │ DecisionProcess               ▲
 *                 │ martian next hop, max-prefix     │ (Rule, Explanation)           │
 *                 ▼                                                      Advertisement (our own routes)
 *             Rejection / MaxPrefixExceeded
 * </pre>
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>RFC 4271 §9.1.2.2 decision process with RFC 4456 §9 (ORIGINATOR_ID, CLUSTER_LIST) and
 *       RFC 5065 §5.3 (confederation segments count 0) in the AS_PATH length</li>
 *   <li>RFC 4271 §9.1.2 AS loop detection; §6.3 first-AS check for eBGP (can be turned off)</li>
 *   <li>RFC 4760 multiprotocol routes; RFC 2545 IPv6 next hops with link-local; RFC 8950 IPv4
 *       routes with an IPv6 next hop, received and sent</li>
 *   <li>RFC 7911 ADD-PATH on receipt: routes are keyed by path identifier</li>
 *   <li>RFC 4724 graceful restart: stale routes, End-of-RIB received and sent</li>
 *   <li>RFC 2918 route refresh, RFC 7313 enhanced route refresh (BoRR/EoRR) when answering one</li>
 *   <li>RFC 4486 §4 maximum-prefix Cease data; RFC 1997 NO_EXPORT / NO_ADVERTISE on export;
 *       RFC 8326 GRACEFUL_SHUTDOWN, sent on request and honoured on receipt</li>
 *   <li>RFC 8654 extended messages: packing up to the session's maximum length</li>
 * </ul>
 *
 * <h2>Deliberate choices</h2>
 * <ul>
 *   <li>Locally originated routes win over learned ones before LOCAL_PREF is looked at
 *       ({@link io.proxima.bgp.rib.Rule#LOCALLY_ORIGINATED}), like FRR's weight and BIRD's protocol
 *       preference: a node that serves an anycast prefix uses its own instance.</li>
 *   <li>The decision applies each rule as an elimination over all candidates, as RFC 4271
 *       §9.1.2.2 words it, so MED (compared only within one neighbouring AS) is order-independent.</li>
 *   <li>Next hop self towards every peer; no route reflection, no confederations, no ADD-PATH send:
 *       one path per prefix goes out.</li>
 *   <li>Router mode after a few best-path changes: {@code ExportPolicy.desired(local, rib, scope)}
 *       and {@code AdjRibOut.diff(desired, scope)} touch only the changed prefixes; the unscoped
 *       forms compare the whole table and are for session start and policy changes.</li>
 *   <li>A route that fails an inbound check replaces (removes) what the peer had announced for that
 *       prefix before: the new announcement was an implicit withdrawal (RFC 4271 §3.1).</li>
 *   <li>AS4_PATH / AS4_AGGREGATOR are not merged here (RFC 6793 §4.2.3 is the session's job on a
 *       2-octet session) and are not forwarded: AS_PATH goes out in full.</li>
 *   <li>Only unicast SAFIs are kept; others are ignored on receipt.</li>
 *   <li>The Adj-RIB-In keeps a route as primitive fields in a {@code RouteTable}, not as the
 *       decoder's {@code Nlri}: the NLRI it gives back (its {@code forEach}, and the changes of
 *       {@code clear} and the stale sweeps) carry no trailing bits (RFC 4271 §4.3). The Loc-RIB
 *       keys its candidates the same way, so the prefixes of {@code LocRib.forEachBest} carry
 *       none either; the prefixes of its {@code BestChange}s are the ones it was given.</li>
 * </ul>
 */
package io.proxima.bgp.rib;
