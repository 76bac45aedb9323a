package io.proxima.bgp.session;

import io.proxima.bgp.fsm.Negotiated;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.Update;
import java.util.List;

/**
 * What a session tells its owner (the speaker), always on the session's event loop. The owner
 * keeps the routing tables; the session only moves messages.
 */
public interface SessionListener {

    void stateChanged(PeerSession session, State from, State to, String reason);

    /** Established: the messages to send first (the table, then End-of-RIB). */
    List<BgpMessage> established(PeerSession session, Negotiated negotiated);

    /**
     * Left Established. {@code connectionLost}: the TCP connection ended without a NOTIFICATION,
     * the case in which graceful restart keeps the peer's routes (RFC 4724 §4.2).
     */
    void down(PeerSession session, String reason, boolean connectionLost);

    /** Routes from the peer. A non-null result is a reason to close the session (e.g. max-prefix). */
    Refusal received(PeerSession session, Update update);

    /** An UPDATE the session survives (RFC 7606 attribute discard or treat-as-withdraw). */
    void receivedWithError(PeerSession session, MessageError error);

    /** The peer asked for our routes again: what to send. */
    List<BgpMessage> refresh(PeerSession session, RouteRefresh request);

    /** Why received routes end the session: the NOTIFICATION to send. */
    record Refusal(io.proxima.bgp.wire.Notification notification, String reason) { }
}
