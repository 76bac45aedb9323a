/**
 * BGP sessions on Netty: native epoll where available (for TCP MD5 and raw socket options), NIO
 * otherwise. A {@link io.proxima.bgp.session.PeerSession} performs its FSM's actions on one event
 * loop: connect (bound to a configured local address) or accept (from configured peers only),
 * frame, decode with the negotiated facts, run timers, resolve connection collisions (RFC 4271
 * §6.8).
 *
 * <ul>
 *   <li>TTL: 1 for eBGP unless multihop N; GTSM (RFC 5082) through IP_MINTTL / IPV6_MINHOPCOUNT,
 *       with TTL 255 on the listening socket so the SYN-ACK passes a GTSM peer.</li>
 *   <li>TCP MD5 (RFC 2385) through epoll's TCP_MD5SIG, on connecting and listening sockets.</li>
 *   <li>Cease with an RFC 8203/9003 shutdown communication on administrative stop and reset.</li>
 * </ul>
 */
package io.proxima.bgp.session;
