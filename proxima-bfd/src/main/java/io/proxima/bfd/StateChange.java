package io.proxima.bfd;

import java.time.Duration;
import java.time.Instant;

/**
 * A session changed state: what listeners receive, and what the event log records.
 *
 * @param session          the session
 * @param from             the state before
 * @param to               the state now
 * @param diagnostic       our diagnostic for the change (bfd.LocalDiag), sent to the peer
 * @param remoteState      the peer's state as last received (Down after a Detection Time without packets)
 * @param remoteDiagnostic the peer's diagnostic as last received
 * @param detectionTime    the Detection Time in force when the change happened (zero before any packet)
 * @param reason           why, for people: "no packet for 300 ms (3 × 100 ms)", "neighbor is AdminDown …"
 * @param at               when, by the service's clock
 */
public record StateChange(SessionKey session, SessionState from, SessionState to, Diagnostic diagnostic,
                          SessionState remoteState, Diagnostic remoteDiagnostic, Duration detectionTime,
                          String reason, Instant at) {

    /**
     * Whether a client protocol should treat this change as a failure of the forwarding path and
     * tear its session down (RFC 5882 §3.2, §4.3): leaving Up for Down, with two exceptions.
     * <ul>
     *   <li>The peer went AdminDown. RFC 5882 §3.2: that "MUST NOT" be taken as a failure.</li>
     *   <li>The peer went Down saying that we had signalled Down (its diagnostic is Neighbor
     *       Signaled Session Down) while we were Up, so we had not. That is the peer removing or
     *       replacing its session, not the path failing: its packet arrived. FRR 8.4 does exactly
     *       this when BGP comes up and bgpd re-registers the session with the connection's source:
     *       bfdd's old session sends a last Down with diagnostic 3 instead of AdminDown, and a new
     *       session takes over within a second (seen in the lab; docs/bfd.md).</li>
     * </ul>
     * Init → Down never is a failure: the client was never told Up.
     */
    public boolean signalsFailure() {
        if (from != SessionState.UP || to != SessionState.DOWN || remoteState == SessionState.ADMIN_DOWN) return false;
        return !(diagnostic.equals(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN) && remoteDiagnostic.equals(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN));
    }

    @Override
    public String toString() {
        return "BFD " + session + ": " + from.rfcName() + " -> " + to.rfcName() + " (" + diagnostic.describe() + "): " + reason;
    }
}
