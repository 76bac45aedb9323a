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
 */
public record SpeakerConfig(long localAs, IpAddress routerId, List<InetSocketAddress> listen, long seed,
                            boolean acceptLoopbackNextHops) {

    public SpeakerConfig(long localAs, IpAddress routerId, List<InetSocketAddress> listen, long seed) {
        this(localAs, routerId, listen, seed, false);
    }

    public SpeakerConfig {
        if (localAs <= 0 || localAs > 0xFFFF_FFFFL) throw new IllegalArgumentException("local AS " + localAs);
        if (routerId.v6() || routerId.isUnspecified()) throw new IllegalArgumentException("router id must be a non-zero IPv4 address");
        listen = List.copyOf(listen);
    }
}
