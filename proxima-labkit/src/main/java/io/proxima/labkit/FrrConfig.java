package io.proxima.labkit;

import java.util.ArrayList;
import java.util.List;

/**
 * An FRR 8.4 {@code bgpd.conf}, per LAB.md §2. Every neighbor gets {@code soft-reconfiguration
 * inbound} so that {@code received-routes} works, per-neighbor timers, and
 * {@code advertisement-interval 0}; import/export "none" is a deny-all route-map.
 *
 * @param routerId          BGP identifier
 * @param localAs           our AS
 * @param peers             neighbors
 * @param networks          prefixes announced with {@code network} (no import check: they need
 *                          not be in the RIB)
 * @param listenPort        bgpd's BGP port ({@code -p}); 179 by default, 0 = do not listen
 * @param gracefulRestart   {@code bgp graceful-restart} (RFC 4724)
 * @param restartTime       {@code bgp graceful-restart restart-time}, seconds (0 = FRR's default)
 * @param stalePathTime     {@code bgp graceful-restart stalepath-time}, seconds (0 = FRR's default)
 * @param bfd               bfdd's timers (a profile that BGP peers with {@link Peer#bfd()} use too) and
 *                          static peers, or null: FRR's defaults, bfdd only if a BGP peer wants BFD
 * @param maximumPaths      equal-cost paths installed per prefix ({@code maximum-paths}), with {@code bgp bestpath
 *                          as-path multipath-relax} so that paths through different neighbour ASes count as equal;
 *                          0 = FRR's defaults (no relax: eBGP multipath only through one neighbour AS)
 */
public record FrrConfig(String routerId, long localAs, List<Peer> peers, List<String> networks, int listenPort,
                        boolean gracefulRestart, int restartTime, int stalePathTime, BfdConfig bfd, int maximumPaths) {

    static final int BGP_PORT = 179;
    /** Route-map that import/export "none" binds: FRR has no "import none" keyword. */
    static final String DENY_ALL = "LABKIT-DENY-ALL";
    /** FRR 8.4's {@code maximum-paths} range (its compile-time MULTIPATH_NUM on Debian's build is 64; the command takes up to 128). */
    static final int MAX_PATHS = 128;

    public FrrConfig {
        peers = List.copyOf(peers);
        networks = List.copyOf(networks);
        if (bfd != null && bfd.auth() != null) throw new IllegalArgumentException("FRR 8.4's bfdd has no BFD authentication");
        if (maximumPaths < 0 || maximumPaths > MAX_PATHS) throw new IllegalArgumentException("maximum-paths is 1.." + MAX_PATHS + " (0: FRR's default)");
    }

    /** Without multipath settings of its own. */
    public FrrConfig(String routerId, long localAs, List<Peer> peers, List<String> networks, int listenPort,
                     boolean gracefulRestart, int restartTime, int stalePathTime, BfdConfig bfd) {
        this(routerId, localAs, peers, networks, listenPort, gracefulRestart, restartTime, stalePathTime, bfd, 0);
    }

    /** Without BFD settings of its own. */
    public FrrConfig(String routerId, long localAs, List<Peer> peers, List<String> networks, int listenPort,
                     boolean gracefulRestart, int restartTime, int stalePathTime) {
        this(routerId, localAs, peers, networks, listenPort, gracefulRestart, restartTime, stalePathTime, null);
    }

    public static FrrConfig router(String routerId, long localAs) {
        return new FrrConfig(routerId, localAs, List.of(), List.of(), BGP_PORT, false, 0, 0, null);
    }

    public FrrConfig withPeer(Peer p) {
        List<Peer> l = new ArrayList<>(peers);
        l.add(p);
        return new FrrConfig(routerId, localAs, l, networks, listenPort, gracefulRestart, restartTime, stalePathTime, bfd, maximumPaths);
    }

    public FrrConfig withNetwork(String prefix) {
        List<String> l = new ArrayList<>(networks);
        l.add(prefix);
        return new FrrConfig(routerId, localAs, peers, l, listenPort, gracefulRestart, restartTime, stalePathTime, bfd, maximumPaths);
    }

    public FrrConfig withListenPort(int port) {
        return new FrrConfig(routerId, localAs, peers, networks, port, gracefulRestart, restartTime, stalePathTime, bfd, maximumPaths);
    }

    /** Graceful restart on, with restart and stale-path times in seconds (0 = FRR's defaults, 120 and 360). */
    public FrrConfig withGracefulRestart(int restartSeconds, int stalePathSeconds) {
        return new FrrConfig(routerId, localAs, peers, networks, listenPort, true, restartSeconds, stalePathSeconds, bfd, maximumPaths);
    }

    /** bfdd's timers (profile {@value BfdConfig#FRR_PROFILE}) and static peers. */
    public FrrConfig withBfd(BfdConfig b) {
        return new FrrConfig(routerId, localAs, peers, networks, listenPort, gracefulRestart, restartTime, stalePathTime, b, maximumPaths);
    }

    /** ECMP over up to {@code paths} eBGP paths of equal AS-path length, whatever the neighbour AS. */
    public FrrConfig withMultipath(int paths) {
        if (paths < 1) throw new IllegalArgumentException("multipath needs at least 1 path");
        return new FrrConfig(routerId, localAs, peers, networks, listenPort, gracefulRestart, restartTime, stalePathTime, bfd, paths);
    }

    boolean needsBfd() {
        return bfd != null || peers.stream().anyMatch(Peer::bfd);
    }

    /** The bfdd.conf text: the profile and the static peers, if {@link #bfd} is set. */
    String renderBfdd(String hostname) {
        StringBuilder b = new StringBuilder();
        b.append("! written by proxima-labkit\nhostname ").append(hostname).append("\n!\n");
        if (bfd == null) return b.toString();
        b.append("bfd\n profile ").append(BfdConfig.FRR_PROFILE).append('\n');
        b.append("  receive-interval ").append(bfd.minRxMs()).append('\n');
        b.append("  transmit-interval ").append(bfd.minTxMs()).append('\n');
        b.append("  detect-multiplier ").append(bfd.multiplier()).append('\n');
        b.append(" exit\n");
        for (BfdConfig.BfdNeighbor n : bfd.neighbors()) {
            b.append(" peer ").append(n.address()).append(" local-address ").append(n.localAddress())
                    .append(" interface ").append(n.interfaceName()).append('\n');
            b.append("  profile ").append(BfdConfig.FRR_PROFILE).append('\n');
            b.append(" exit\n");
        }
        b.append("exit\n!\n");
        return b.toString();
    }

    /**
     * The bgpd.conf text. FRR accepts {@code !} comments only at the start of a line (LAB.md §2).
     */
    String renderBgpd(String hostname) {
        StringBuilder b = new StringBuilder();
        b.append("! written by proxima-labkit\nhostname ").append(hostname).append("\n!\n");
        b.append("router bgp ").append(localAs).append('\n');
        b.append(" bgp router-id ").append(routerId).append('\n');
        // FRR 8.x: eBGP without policy accepts and announces nothing (RFC 8212); the lab wants all.
        b.append(" no bgp ebgp-requires-policy\n");
        // session changes and NOTIFICATIONs (with an RFC 8203 shutdown message) in bgpd's log
        b.append(" bgp log-neighbor-changes\n");
        b.append(" no bgp default ipv4-unicast\n");
        b.append(" no bgp network import-check\n");
        if (gracefulRestart) {
            b.append(" bgp graceful-restart\n");
            if (restartTime > 0) b.append(" bgp graceful-restart restart-time ").append(restartTime).append('\n');
            if (stalePathTime > 0) b.append(" bgp graceful-restart stalepath-time ").append(stalePathTime).append('\n');
        }
        // paths through different neighbour ASes are equal only with relax (FRR: "bgp bestpath as-path multipath-relax")
        if (maximumPaths > 0) b.append(" bgp bestpath as-path multipath-relax\n");
        for (Peer p : peers) neighbor(b, p);
        for (Family f : Family.values()) addressFamily(b, f);
        b.append("exit\n!\n");
        if (peers.stream().anyMatch(p -> !p.importAll() || !p.exportAll())) {
            b.append("route-map ").append(DENY_ALL).append(" deny 10\nexit\n!\n");
        }
        return b.toString();
    }

    private void neighbor(StringBuilder b, Peer p) {
        String n = " neighbor " + p.address();
        Timers t = p.timers();
        b.append(n).append(" remote-as ").append(p.remoteAs()).append('\n');
        b.append(n).append(" timers ").append(t.keepalive()).append(' ').append(t.holdTime()).append('\n');
        b.append(n).append(" timers connect ").append(t.connectRetry()).append('\n');
        b.append(n).append(" advertisement-interval 0\n");
        if (p.password() != null) b.append(n).append(" password ").append(p.password()).append('\n');
        if (p.multihopTtl() > 0) b.append(n).append(" ebgp-multihop ").append(p.multihopTtl()).append('\n');
        if (p.localAddress() != null) b.append(n).append(" update-source ").append(p.localAddress()).append('\n');
        if (p.remotePort() != 0) b.append(n).append(" port ").append(p.remotePort()).append('\n');
        if (p.passive()) b.append(n).append(" passive\n");
        if (p.bfd()) b.append(n).append(" bfd\n");
        if (p.bfd() && bfd != null) b.append(n).append(" bfd profile ").append(BfdConfig.FRR_PROFILE).append('\n');
        if (p.localPort() != 0) throw new IllegalArgumentException("FRR listens on one port for all peers: use FrrConfig.withListenPort");
    }

    private void addressFamily(StringBuilder b, Family f) {
        List<Peer> active = peers.stream().filter(p -> p.families().contains(f)).toList();
        List<String> nets = networks.stream().filter(n -> Family.of(n) == f).toList();
        if (active.isEmpty() && nets.isEmpty()) return;
        b.append(" address-family ").append(f.afi()).append(" unicast\n");
        nets.forEach(n -> b.append("  network ").append(n).append('\n'));
        if (maximumPaths > 0) b.append("  maximum-paths ").append(maximumPaths).append('\n');
        for (Peer p : active) {
            String n = "  neighbor " + p.address();
            b.append(n).append(" activate\n");
            b.append(n).append(" soft-reconfiguration inbound\n");
            if (!p.importAll()) b.append(n).append(" route-map ").append(DENY_ALL).append(" in\n");
            if (!p.exportAll()) b.append(n).append(" route-map ").append(DENY_ALL).append(" out\n");
        }
        b.append(" exit-address-family\n");
    }
}
