package io.proxima.labkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An ExaBGP 4.2 {@code exabgp.conf}: one {@code neighbor} block per {@link Peer} (each needs a
 * {@link Peer#localAddress()}: ExaBGP binds to it), static routes, and the recorder process that
 * receives every message as JSON ({@code encoder json}).
 *
 * @param routerId     BGP identifier
 * @param localAs      our AS
 * @param peers        neighbors; BFD is refused (ExaBGP has none)
 * @param staticRoutes route specs announced from config, e.g. {@code "198.51.100.75/32 next-hop self"};
 *                     each goes to the neighbors of its prefix's family
 * @param processes    extra API processes (text encoder), by name: the command line each runs, e.g.
 *                     ExaBGP's own healthcheck (LAB.md §8); every neighbor lists them in its api block
 */
public record ExaBgpConfig(String routerId, long localAs, List<Peer> peers, List<String> staticRoutes,
                           Map<String, String> processes) {

    /** Name of the API process in the config. */
    static final String RECORDER = "recorder";

    public ExaBgpConfig {
        peers = List.copyOf(peers);
        staticRoutes = List.copyOf(staticRoutes);
        processes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(processes));
        if (processes.containsKey(RECORDER)) throw new IllegalArgumentException("the process name " + RECORDER + " is taken");
    }

    public ExaBgpConfig(String routerId, long localAs, List<Peer> peers, List<String> staticRoutes) {
        this(routerId, localAs, peers, staticRoutes, Map.of());
    }

    public static ExaBgpConfig speaker(String routerId, long localAs) {
        return new ExaBgpConfig(routerId, localAs, List.of(), List.of());
    }

    /** Adds an API process that announces and withdraws through ExaBGP's text API. */
    public ExaBgpConfig withProcess(String name, String runLine) {
        Map<String, String> m = new java.util.LinkedHashMap<>(processes);
        m.put(name, runLine);
        return new ExaBgpConfig(routerId, localAs, peers, staticRoutes, m);
    }

    public ExaBgpConfig withPeer(Peer p) {
        if (p.localAddress() == null) throw new IllegalArgumentException("ExaBGP needs a local address for peer " + p.address());
        List<Peer> l = new ArrayList<>(peers);
        l.add(p);
        return new ExaBgpConfig(routerId, localAs, l, staticRoutes, processes);
    }

    public ExaBgpConfig withStaticRoute(String routeSpec) {
        List<String> l = new ArrayList<>(staticRoutes);
        l.add(routeSpec);
        return new ExaBgpConfig(routerId, localAs, peers, l, processes);
    }

    /**
     * @param recorderScript the recorder; it must keep its stdout open, or ExaBGP counts it dead,
     *                       respawns it five times and then shuts down (LAB.md §5)
     */
    String render(Path recorderScript, Path receivedFile) {
        StringBuilder b = new StringBuilder("# written by proxima-labkit\n");
        b.append("process ").append(RECORDER).append(" {\n  run /usr/bin/python3 ").append(recorderScript)
                .append(' ').append(receivedFile).append(";\n  encoder json;\n}\n");
        processes.forEach((name, run) -> b.append("process ").append(name).append(" {\n  run ").append(run)
                .append(";\n  encoder text;\n}\n"));
        for (Peer p : peers) neighbor(b, p);
        return b.toString();
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        n.add(RECORDER);
        n.addAll(processes.keySet());
        return n;
    }

    private void neighbor(StringBuilder b, Peer p) {
        if (p.bfd()) throw new IllegalArgumentException("ExaBGP has no BFD (peer " + p.address() + ")");
        b.append("\nneighbor ").append(p.address()).append(" {\n");
        b.append("  router-id ").append(routerId).append(";\n");
        b.append("  local-address ").append(p.localAddress()).append(";\n");
        b.append("  local-as ").append(localAs).append(";\n");
        b.append("  peer-as ").append(p.remoteAs()).append(";\n");
        b.append("  hold-time ").append(p.timers().holdTime()).append(";\n");
        if (p.password() != null) b.append("  md5-password \"").append(p.password()).append("\";\n");
        if (p.multihopTtl() > 0) b.append("  outgoing-ttl ").append(p.multihopTtl()).append(";\n");
        if (p.passive()) b.append("  passive;\n");
        if (p.localPort() != 0) b.append("  listen ").append(p.localPort()).append(";\n");
        if (p.remotePort() != 0) b.append("  connect ").append(p.remotePort()).append(";\n");
        b.append("  family {\n");
        p.families().forEach(f -> b.append("    ").append(f.afi()).append(" unicast;\n"));
        b.append("  }\n");
        b.append("  api {\n    processes [ ").append(String.join(" ", names())).append(" ];\n    neighbor-changes;\n")
                .append("    receive { parsed; update; notification; }\n  }\n");
        List<String> routes = staticRoutes.stream()
                .filter(r -> p.families().contains(Family.of(r.strip().split("\\s+")[0]))).toList();
        if (!routes.isEmpty()) {
            b.append("  static {\n").append(routes.stream().map(r -> "    route " + r + ";\n").collect(Collectors.joining())).append("  }\n");
        }
        b.append("}\n");
    }
}
