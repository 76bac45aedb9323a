package io.proxima.labkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A GoBGP 3.10 {@code gobgpd.toml}. GoBGP listens on {@code listenPort} (179 by default) and the
 * router should connect to it: GoBGP's own active connect waits 5–10 s at random (LAB.md §5).
 *
 * @param routerId   BGP identifier
 * @param localAs    our AS
 * @param peers      neighbors; BFD is refused (GoBGP 3.10 has none)
 * @param listenPort global BGP port; -1 = never listen
 */
public record GoBgpConfig(String routerId, long localAs, List<Peer> peers, int listenPort) {

    static final int BGP_PORT = 179;

    public GoBgpConfig {
        peers = List.copyOf(peers);
    }

    public static GoBgpConfig speaker(String routerId, long localAs) {
        return new GoBgpConfig(routerId, localAs, List.of(), BGP_PORT);
    }

    public GoBgpConfig withPeer(Peer p) {
        List<Peer> l = new ArrayList<>(peers);
        l.add(p);
        return new GoBgpConfig(routerId, localAs, l, listenPort);
    }

    public GoBgpConfig withListenPort(int port) {
        return new GoBgpConfig(routerId, localAs, peers, port);
    }

    String render() {
        StringBuilder b = new StringBuilder("# written by proxima-labkit\n");
        b.append("[global.config]\n  as = ").append(localAs).append("\n  router-id = \"").append(routerId)
                .append("\"\n  port = ").append(listenPort).append('\n');
        for (Peer p : peers) neighbor(b, p);
        return b.toString();
    }

    private static void neighbor(StringBuilder b, Peer p) {
        if (p.bfd()) throw new IllegalArgumentException("GoBGP 3.10 has no BFD (peer " + p.address() + ")");
        if (p.localPort() != 0) throw new IllegalArgumentException("GoBGP listens on one port for all peers: use GoBgpConfig.withListenPort");
        Timers t = p.timers();
        b.append("\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = \"").append(p.address())
                .append("\"\n    peer-as = ").append(p.remoteAs()).append('\n');
        if (p.password() != null) b.append("    auth-password = \"").append(p.password()).append("\"\n");
        // idle-hold-time-after-reset defaults to 30 s: a lab that resets a session must not wait that long.
        b.append("  [neighbors.timers.config]\n    connect-retry = ").append(t.connectRetry())
                .append("\n    hold-time = ").append(t.holdTime())
                .append("\n    keepalive-interval = ").append(t.keepalive())
                .append("\n    idle-hold-time-after-reset = ").append(t.connectRetry()).append('\n');
        if (p.localAddress() != null || p.remotePort() != 0 || p.passive()) {
            b.append("  [neighbors.transport.config]\n");
            if (p.localAddress() != null) b.append("    local-address = \"").append(p.localAddress()).append("\"\n");
            if (p.remotePort() != 0) b.append("    remote-port = ").append(p.remotePort()).append('\n');
            if (p.passive()) b.append("    passive-mode = true\n");
        }
        if (p.multihopTtl() > 0) {
            b.append("  [neighbors.ebgp-multihop.config]\n    enabled = true\n    multihop-ttl = ").append(p.multihopTtl()).append('\n');
        }
        if (!p.importAll() || !p.exportAll()) {
            b.append("  [neighbors.apply-policy.config]\n");
            if (!p.importAll()) b.append("    default-import-policy = \"reject-route\"\n");
            if (!p.exportAll()) b.append("    default-export-policy = \"reject-route\"\n");
        }
        for (Family f : p.families()) {
            b.append("  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = \"")
                    .append(f.afi()).append("-unicast\"\n");
        }
    }
}
