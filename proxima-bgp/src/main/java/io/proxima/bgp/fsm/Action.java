package io.proxima.bgp.fsm;

import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.Update;
import java.time.Duration;

/** What the runtime must do after a transition, in order. */
public sealed interface Action {

    /** Initiate the TCP connection (unless the peer is passive-only). */
    record Connect() implements Action { }

    /** Close the TCP connection, after flushing what was queued (a NOTIFICATION must reach the peer). */
    record Disconnect() implements Action { }

    record SendOpen() implements Action { }

    record SendKeepalive() implements Action { }

    record SendNotification(Notification notification) implements Action { }

    record StartTimer(Timer timer, Duration after) implements Action { }

    record StopTimer(Timer timer) implements Action { }

    /** Entered Established: start sending routes. */
    record SessionUp(Negotiated negotiated) implements Action { }

    /** Left Established: drop the peer's routes (unless graceful restart keeps them stale). */
    record SessionDown(String reason) implements Action { }

    record DeliverUpdate(Update update) implements Action { }

    /** An UPDATE with an error the session survives (RFC 7606 attribute discard or treat-as-withdraw). */
    record DeliverUpdateError(MessageError error) implements Action { }

    record DeliverRouteRefresh(RouteRefresh refresh) implements Action { }
}
