package io.proxima.labkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A BIRD 2 configuration: router id, one {@code protocol bgp} per {@link Peer}, kernel export of BGP
 * routes (so the namespace's FIB follows the RIB), optional {@code protocol direct}, and unreachable
 * static routes, which is how BIRD announces a prefix it does not otherwise have.
 *
 * @param routerId         required: BIRD cannot start without one when the namespace has no IPv4
 *                         address ("Cannot determine router ID", LAB.md §5)
 * @param localAs          our AS
 * @param peers            neighbors
 * @param kernelExport     export BGP routes into the kernel FIB ({@code merge paths on}: ECMP)
 * @param directInterfaces interface patterns for {@code protocol direct} (connected nets), may be empty
 * @param staticRoutes     prefixes announced as unreachable statics
 * @param bfd              BFD timers and static sessions, or null: {@code protocol bfd { }} with BIRD's
 *                         defaults when a peer has {@link Peer#bfd()}, else no BFD
 */
public record BirdConfig(String routerId, long localAs, List<Peer> peers, boolean kernelExport,
                         List<String> directInterfaces, List<String> staticRoutes, BfdConfig bfd) {

    /** BIRD's defaults: connect delay 5 s, error wait 60..300 s; far too slow for a lab (LAB.md §5). */
    static final int CONNECT_DELAY = 1;
    static final int ERROR_WAIT_MIN = 1;
    static final int ERROR_WAIT_MAX = 10;
    /** How often BIRD rescans interfaces; default 60 s, lab links change during tests. */
    static final int DEVICE_SCAN = 10;

    public BirdConfig {
        peers = List.copyOf(peers);
        directInterfaces = List.copyOf(directInterfaces);
        staticRoutes = List.copyOf(staticRoutes);
    }

    /** Without BFD settings of its own. */
    public BirdConfig(String routerId, long localAs, List<Peer> peers, boolean kernelExport,
                      List<String> directInterfaces, List<String> staticRoutes) {
        this(routerId, localAs, peers, kernelExport, directInterfaces, staticRoutes, null);
    }

    /** A router with kernel export on and nothing else yet. */
    public static BirdConfig router(String routerId, long localAs) {
        return new BirdConfig(routerId, localAs, List.of(), true, List.of(), List.of(), null);
    }

    public BirdConfig withPeer(Peer p) {
        return new BirdConfig(routerId, localAs, append(peers, p), kernelExport, directInterfaces, staticRoutes, bfd);
    }

    /** The same configuration without the peer at {@code address}. */
    public BirdConfig withoutPeer(String address) {
        return new BirdConfig(routerId, localAs, peers.stream().filter(p -> !p.address().equals(address)).toList(),
                kernelExport, directInterfaces, staticRoutes, bfd);
    }

    public BirdConfig withKernelExport(boolean on) {
        return new BirdConfig(routerId, localAs, peers, on, directInterfaces, staticRoutes, bfd);
    }

    /** Adds {@code protocol direct} for interfaces matching {@code pattern}, e.g. {@code "eth*"}. */
    public BirdConfig withDirect(String pattern) {
        return new BirdConfig(routerId, localAs, peers, kernelExport, append(directInterfaces, pattern), staticRoutes, bfd);
    }

    public BirdConfig withStaticRoute(String prefix) {
        if (staticRoutes.contains(prefix)) return this;
        return new BirdConfig(routerId, localAs, peers, kernelExport, directInterfaces, append(staticRoutes, prefix), bfd);
    }

    public BirdConfig withoutStaticRoute(String prefix) {
        List<String> rest = new ArrayList<>(staticRoutes);
        rest.remove(prefix);
        return new BirdConfig(routerId, localAs, peers, kernelExport, directInterfaces, rest, bfd);
    }

    /** BFD timers, static sessions and authentication for {@code protocol bfd}. */
    public BirdConfig withBfd(BfdConfig b) {
        return new BirdConfig(routerId, localAs, peers, kernelExport, directInterfaces, staticRoutes, b);
    }

    /**
     * The {@code protocol bgp} name for a neighbor address: {@code n} + the address with every
     * non-alphanumeric character as {@code _} (203.0.113.2 → n203_0_113_2).
     */
    public static String protocolName(String neighborAddress) {
        return "n" + neighborAddress.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** Neighbor address by protocol name. */
    Map<String, String> protocolNames() {
        return peers.stream().collect(Collectors.toMap(p -> protocolName(p.address()), Peer::address));
    }

    /** The bird.conf text. BIRD logs to stderr, which the lab sends to the instance's log file. */
    String render() {
        StringBuilder b = new StringBuilder();
        b.append("# written by proxima-labkit\n");
        b.append("router id ").append(routerId).append(";\n");
        b.append("log stderr all;\n");
        // Fixed formats so BirdProtocol and BirdRoutes can parse "Since" and route timestamps.
        b.append("timeformat protocol iso long;\ntimeformat route iso long;\n\n");
        b.append("protocol device { scan time ").append(DEVICE_SCAN).append("; }\n");
        if (!directInterfaces.isEmpty()) {
            b.append("protocol direct { ipv4; ipv6; interface ")
                    .append(directInterfaces.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")))
                    .append("; }\n");
        }
        String export = kernelExport ? "export where source = RTS_BGP;" : "export none;";
        for (Family f : Family.values()) {
            b.append("protocol kernel kernel_").append(f.afi()).append(" {\n  ")
                    .append(f.afi()).append(" { import none; ").append(export).append(" };\n  merge paths on;\n}\n");
        }
        staticBlock(b, Family.IPV4_UNICAST);
        staticBlock(b, Family.IPV6_UNICAST);
        if (bfd != null) bfdBlock(b, bfd);
        else if (peers.stream().anyMatch(Peer::bfd)) b.append("protocol bfd { }\n");
        for (Peer p : peers) bgp(b, p);
        return b.toString();
    }

    /** One interface pattern for all links: the lab gives each daemon one BFD configuration. */
    private static void bfdBlock(StringBuilder b, BfdConfig c) {
        b.append("protocol bfd {\n  interface \"*\" {\n");
        b.append("    min rx interval ").append(c.minRxMs()).append(" ms; min tx interval ").append(c.minTxMs())
                .append(" ms; multiplier ").append(c.multiplier()).append(";\n");
        if (c.auth() != null) {
            b.append("    authentication ").append(c.auth()).append(";\n");
            b.append("    password \"").append(c.password()).append("\" { id ").append(c.keyId()).append("; };\n");
        }
        b.append("  };\n");
        for (BfdConfig.BfdNeighbor n : c.neighbors()) {
            b.append("  neighbor ").append(n.address()).append(" dev \"").append(n.interfaceName()).append("\" local ")
                    .append(n.localAddress()).append(";\n");
        }
        b.append("}\n");
    }

    private void staticBlock(StringBuilder b, Family f) {
        List<String> routes = staticRoutes.stream().filter(r -> Family.of(r) == f).toList();
        if (routes.isEmpty()) return;
        b.append("protocol static static_").append(f.afi()).append(" {\n  ").append(f.afi()).append(";\n");
        routes.forEach(r -> b.append("  route ").append(r).append(" unreachable;\n"));
        b.append("}\n");
    }

    private void bgp(StringBuilder b, Peer p) {
        Timers t = p.timers();
        b.append("\nprotocol bgp ").append(protocolName(p.address())).append(" {\n");
        b.append("  local");
        if (p.localAddress() != null) b.append(' ').append(p.localAddress());
        if (p.localPort() != 0) b.append(" port ").append(p.localPort());
        b.append(" as ").append(localAs).append(";\n");
        b.append("  neighbor ").append(p.address());
        if (p.remotePort() != 0) b.append(" port ").append(p.remotePort());
        b.append(" as ").append(p.remoteAs()).append(";\n");
        b.append("  hold time ").append(t.holdTime()).append("; keepalive time ").append(t.keepalive())
                .append("; startup hold time ").append(t.holdTime()).append(";\n");
        b.append("  connect retry time ").append(t.connectRetry()).append("; connect delay time ").append(CONNECT_DELAY)
                .append("; error wait time ").append(ERROR_WAIT_MIN).append(", ").append(ERROR_WAIT_MAX).append(";\n");
        if (p.passive()) b.append("  passive on;\n");
        if (p.password() != null) b.append("  password \"").append(p.password()).append("\";\n");
        if (p.multihopTtl() > 0) b.append("  multihop ").append(p.multihopTtl()).append(";\n");
        if (p.bfd()) b.append("  bfd on;\n");
        for (Family f : p.families()) {
            b.append("  ").append(f.afi()).append(" { import ").append(p.importAll() ? "all" : "none")
                    .append("; export ").append(p.exportAll() ? "all" : "none").append("; };\n");
        }
        b.append("}\n");
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> l = new ArrayList<>(list);
        l.add(item);
        return l;
    }
}
