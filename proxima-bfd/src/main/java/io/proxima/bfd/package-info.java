/**
 * Bidirectional Forwarding Detection: sub-second detection of a dead neighbor or link, beside each
 * BGP session.
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>RFC 5880: the control packet with its Authentication Section
 *       ({@link io.proxima.bfd.ControlPacketDecoder}, {@link io.proxima.bfd.ControlPacketEncoder}),
 *       every reception check of §6.8.6 as a {@link io.proxima.bfd.DropReason}, Asynchronous mode,
 *       the state machine of §6.2 and §6.8 as a pure function ({@code Fsm}), discriminators,
 *       Poll/Final sequences for timer changes (§6.5, §6.8.3), the one-second slow rate until Up,
 *       jitter (§6.8.7), the Detection Time (§6.8.4), administrative control (§6.8.16), and
 *       authentication (§6.7: Simple Password, Keyed and Meticulous Keyed MD5 and SHA1).</li>
 *   <li>RFC 5881, single hop over IPv4 and IPv6: destination port 3784, a source port per session
 *       in 49152–65535, TTL / Hop Limit 255 on sent packets, received packets with any other TTL
 *       dropped in the kernel ({@code TtlFilter}; native epoll only).</li>
 *   <li>RFC 5882: which changes are failures for a client ({@link io.proxima.bfd.StateChange#signalsFailure()});
 *       {@link io.proxima.bfd.BfdBgpBinding} tears BGP down with them (RFC 9384 Cease subcode
 *       BFD Down is the caller's NOTIFICATION).</li>
 * </ul>
 *
 * <h2>Not implemented, deliberately</h2>
 * <ul>
 *   <li>Demand mode and the Echo function: we never ask for them (D = 0, Required Min Echo RX
 *       Interval = 0). A peer's Demand mode is honoured as §6.6 requires.</li>
 *   <li>Multihop (RFC 5883) and multipoint BFD.</li>
 *   <li>The C bit is 0: our BFD shares fate with the control plane (it runs in the same process
 *       as BGP), which is what RFC 5882 §4.3 wants clients to know.</li>
 * </ul>
 *
 * <h2>Layers</h2>
 * Codec (bytes ↔ {@link io.proxima.bfd.ControlPacket}, no I/O) ← state machine ({@code Fsm}:
 * (config, variables, event, now) → (variables, actions); timers are events) ← runtime
 * ({@code Session}, {@code BfdTransport}: Netty UDP on one event loop thread) ←
 * {@link io.proxima.bfd.BfdService}, the facade the daemon uses.
 */
package io.proxima.bfd;
