/**
 * The network-namespace lab: real BGP daemons as peers of the code under test, each in its own
 * namespace, all torn down afterwards. Used by proxima-bgp's interop tests and the
 * {@code proxima lab} command; depends on no other Proxima module.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link io.proxima.labkit.Lab} owns everything and closes it in reverse order;
 *       {@link io.proxima.labkit.Lab#sweep()} removes leftovers of dead JVMs.</li>
 *   <li>{@link io.proxima.labkit.Netns} and {@link io.proxima.labkit.Veth}: namespaces, links,
 *       addresses, routes, the kernel FIB.</li>
 *   <li>Daemon drivers, all {@link io.proxima.labkit.BgpDaemon}s: {@link io.proxima.labkit.Bird}
 *       (BIRD 2.0.12), {@link io.proxima.labkit.Frr} (FRR 8.4), {@link io.proxima.labkit.GoBgp}
 *       (GoBGP 3.10), {@link io.proxima.labkit.ExaBgp} (ExaBGP 4.2.21), configured from one
 *       {@link io.proxima.labkit.Peer} value each per neighbor.</li>
 *   <li>{@link io.proxima.labkit.RawAttribute}: malformed path attributes through ExaBGP.</li>
 *   <li>BFD: {@link io.proxima.labkit.BfdConfig} (timers, static sessions, BIRD's authentication) for
 *       BIRD's {@code protocol bfd} and FRR's bfdd, read back as {@link io.proxima.labkit.BfdStatus}
 *       ({@code Bird.bfdSessions()}, {@code Frr.bfdPeers()}); both are
 *       {@link io.proxima.labkit.BfdDaemon}s, which read one session and freeze the BFD sender.</li>
 *   <li>{@link io.proxima.labkit.LabSupport}: skip, with the reason, where the lab cannot run.</li>
 * </ul>
 *
 * <h2>Rules it keeps</h2>
 * <ul>
 *   <li>Traffic stays inside namespaces the lab made; addresses come from the documentation
 *       ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737) and 2001:db8::/32
 *       (RFC 3849). No daemon listens on TCP outside BGP: FRR {@code -P 0}, GoBGP's gRPC on a unix
 *       socket and pprof off, ExaBGP never listens.</li>
 *   <li>Daemons run in the foreground as children of the JVM; {@code ip netns exec} exec()s, so
 *       each child's PID is the daemon's. Only those PIDs, and processes inside the lab's own
 *       namespaces, are ever signalled.</li>
 *   <li>Waiting is polling with a deadline ({@link io.proxima.labkit.Await}); there are no fixed
 *       sleeps.</li>
 * </ul>
 *
 * <p>The facts behind the flags and timers (versions, start-up times, pitfalls) are in the
 * project's shared LAB.md; comments cite its sections.
 */
package io.proxima.labkit;
