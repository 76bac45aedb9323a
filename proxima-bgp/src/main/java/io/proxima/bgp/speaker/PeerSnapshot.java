package io.proxima.bgp.speaker;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import java.time.Duration;
import java.util.Set;

/**
 * A peer as seen at one moment: immutable, safe to hand to any thread (API, status, metrics).
 *
 * @param uptime        time in Established, zero when not established
 * @param families      negotiated families (empty when not established)
 * @param capabilities  names of the negotiated optional capabilities
 * @param staleRoutes   routes kept through the peer's graceful restart, not yet refreshed (RFC 4724)
 */
public record PeerSnapshot(IpAddress address, long remoteAs, State state, Duration uptime, IpAddress peerId, int holdTime,
                           Set<Family> families, Set<String> capabilities, long messagesIn, long messagesOut,
                           long updatesIn, long updatesOut, long malformedUpdates, long establishedTransitions,
                           int routesReceived, int routesSent, String lastError, String lastNotificationSent,
                           String lastNotificationReceived, int staleRoutes) {
    public PeerSnapshot {
        families = Set.copyOf(families);
        capabilities = Set.copyOf(capabilities);
    }
}
