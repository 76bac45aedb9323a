package io.proxima.bgp.speaker;

import io.proxima.bgp.wire.IpAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The speaker itself.
 *
 * @param listen where to accept connections from configured peers; empty: connect only
 * @param seed   seeds the FSM jitter; fixed in tests, printed in logs
 * @param acceptLoopbackNextHops accept routes whose next hop is in 127.0.0.0/8 or ::1, which are
 *               martians on a real network; only for speakers peering over loopback in one host (demo)
 * @param restarting this process restarted: set the Restart State bit in the Graceful Restart
 *               capability of peers that have it (RFC 4724 §3)
 */
public record SpeakerConfig(long localAs, IpAddress routerId, List<InetSocketAddress> listen, long seed,
                            boolean acceptLoopbackNextHops, boolean restarting) {

    public SpeakerConfig(long localAs, IpAddress routerId, List<InetSocketAddress> listen, long seed) {
        this(localAs, routerId, listen, seed, false, false);
    }

    public SpeakerConfig(long localAs, IpAddress routerId, List<InetSocketAddress> listen, long seed, boolean acceptLoopbackNextHops) {
        this(localAs, routerId, listen, seed, acceptLoopbackNextHops, false);
    }

    public SpeakerConfig withRestarting(boolean r) {
        return new SpeakerConfig(localAs, routerId, listen, seed, acceptLoopbackNextHops, r);
    }

    public SpeakerConfig {
        if (localAs <= 0 || localAs > 0xFFFF_FFFFL) throw new IllegalArgumentException("local AS " + localAs);
        if (routerId.v6() || routerId.isUnspecified()) throw new IllegalArgumentException("router id must be a non-zero IPv4 address");
        listen = List.copyOf(listen);
    }
}
