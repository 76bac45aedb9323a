package io.proxima.bgp.fsm;

import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.cap.GracefulRestart;
import java.util.Optional;
import java.util.Set;

/**
 * What two speakers agreed on in their OPENs: the facts every later message is coded with.
 *
 * @param holdTime        seconds, the smaller of the two (RFC 4271 §4.2); 0 means no keepalives
 * @param keepaliveTime   seconds, a third of the hold time (RFC 4271 §10)
 * @param families        families both sides announced (IPv4 unicast if the peer sent no MP capability, RFC 4760 §8)
 * @param peerGracefulRestart the peer's Graceful Restart capability, if it sent one
 */
public record Negotiated(long peerAs, IpAddress peerId, int holdTime, int keepaliveTime, boolean fourOctetAs,
                         Set<Family> families, boolean routeRefresh, boolean enhancedRouteRefresh,
                         boolean extendedMessage, boolean extendedNextHopV4, Optional<GracefulRestart> peerGracefulRestart,
                         Open localOpen, Open remoteOpen) {

    public Negotiated {
        families = Set.copyOf(families);
    }

    /** The session facts to decode and encode this session's messages with. */
    public SessionFacts facts() {
        return new SessionFacts(fourOctetAs, Set.of(), extendedMessage, false);
    }
}
