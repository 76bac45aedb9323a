package io.proxima.bgp.speaker;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Rejection;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import java.util.List;

/**
 * Events from the speaker, delivered on its event loop: keep handlers short and never block.
 * Every method has an empty default so a listener implements what it needs.
 */
public interface SpeakerListener {

    default void peerStateChanged(IpAddress peer, State from, State to, String reason) { }

    /** Routes received from a peer changed its Adj-RIB-In. */
    default void routesReceived(IpAddress peer, List<RouteChange> changes) { }

    /** Routes from a peer that inbound checks refused (loops, martian next hops), each with why. */
    default void routesRejected(IpAddress peer, List<Rejection> rejections) { }

    /** An UPDATE the session survived: RFC 7606 attribute discard or treat-as-withdraw. */
    default void updateError(IpAddress peer, MessageError error) { }
}
