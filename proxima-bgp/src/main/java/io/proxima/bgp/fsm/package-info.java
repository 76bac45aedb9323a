/**
 * The BGP finite state machine (RFC 4271 §8) as a pure function, and OPEN negotiation.
 *
 * <ul>
 *   <li>{@link io.proxima.bgp.fsm.Fsm#step}: (state, event) → (state, actions). Timers are events;
 *       jitter (RFC 4271 §10) comes from an injected random generator, so tests run on simulated
 *       time.</li>
 *   <li>Connect retry and automatic restart back off exponentially with jitter (RFC 4271 §8.1.1,
 *       DampPeerOscillations), and Established resets the back-off.</li>
 *   <li>{@link io.proxima.bgp.fsm.Negotiation}: Bad Peer AS, Bad BGP Identifier (RFC 6286), hold
 *       time (the smaller, 0 or ≥ 3 s), families (RFC 4760 §8), 4-octet AS (RFC 6793), route
 *       refresh (RFC 2918, RFC 7313), extended messages (RFC 8654), extended next hop (RFC 8950),
 *       graceful restart (RFC 4724).</li>
 * </ul>
 * Not implemented: the DelayOpen timer and the other optional session attributes of §8.1.1.
 */
package io.proxima.bgp.fsm;
