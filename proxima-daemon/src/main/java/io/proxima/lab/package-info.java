/**
 * {@code proxima lab} (issue #8): the seed's anycast picture on real routers with real packets, in
 * network namespaces. Four edge routers (FRR and/or BIRD) in a ring, four sites each running
 * {@code proxima run} as its own JVM with the built-in DNS responder on the anycast address and BFD
 * to its router, and four clients probing the anycast address every 10 ms with {@code proxima
 * probe}. Each scenario breaks one site in one way (service death, SIGTERM, kill -9, SIGSTOP, drain,
 * link down; and, dual stack, service death over IPv6 only) and measures, from the sites' event logs and the probes' own timestamps, when the
 * withdraw was on the wire, when each client's traffic moved, how many probes were lost, and whether
 * any probe was answered by the broken site after its route should have been gone. The lab is
 * dual stack: IPv6 on every link and IPv6 BGP beside IPv4, each site announcing 2001:db8:75::53/128
 * as a second service, and each client probing it too.
 *
 * <p>Files: {@link io.proxima.lab.LabCommand} (the command), {@code Topology} (address plan and
 * wiring), {@code Site} (one {@code proxima run}), {@code Client} (one {@code proxima probe}, read
 * as it runs), {@code Scenario} (the faults), {@code LabRun} (the sequence and the measurements),
 * {@code LabReport} (markdown), {@code Timeline} (SVG), {@code ExaBgpCompare} ({@code --compare exabgp}) and
 * {@code Jvm} (a child {@code proxima} command line). The namespaces, daemons and processes are
 * proxima-labkit's; its {@code Lab} tears them down on exit, on failure and on Ctrl-C.
 */
package io.proxima.lab;
