package io.proxima.bgp.fsm;

import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.Update;

/**
 * FSM input events (RFC 4271 §8.1), in the RFC's terms. Timers are events: the runtime delivers
 * {@link TimerExpired} when a timer it started runs out, so tests drive time without sleeping.
 */
public sealed interface Event {

    /** ManualStart (Event 1), or ManualStart_with_PassiveTcpEstablishment (Event 4) when the peer is passive. */
    record ManualStart() implements Event { }

    /** ManualStop (Event 2): an administrative shutdown; the NOTIFICATION says why (RFC 8203). */
    record ManualStop(Notification cease) implements Event { }

    /** Events 9-13: a timer expired. */
    record TimerExpired(Timer timer) implements Event { }

    /** Events 16/17: the TCP connection is up (Tcp_CR_Acked or TcpConnectionConfirmed). */
    record TcpConnected() implements Event { }

    /** Event 18: TcpConnectionFails. */
    record TcpFailed(String reason) implements Event { }

    /** Event 19: a valid OPEN arrived and negotiation succeeded. */
    record OpenReceived(Negotiated negotiated) implements Event { }

    /** Events 21/22: a malformed message header or OPEN, or an OPEN whose negotiation failed. */
    record MessageInvalid(Notification reply, String reason) implements Event { }

    /** Event 25: NotifMsg. */
    record NotificationReceived(Notification notification) implements Event { }

    /** Event 26: KeepAliveMsg. */
    record KeepaliveReceived() implements Event { }

    /** Event 27: UpdateMsg. */
    record UpdateReceived(Update update) implements Event { }

    /** Event 28: UpdateMsgErr, with its RFC 7606 disposition. */
    record UpdateInvalid(MessageError error) implements Event { }

    /** A ROUTE-REFRESH (RFC 2918, RFC 7313). */
    record RouteRefreshReceived(RouteRefresh refresh) implements Event { }

    /** Event 23: OpenCollisionDump, this connection lost collision detection (RFC 4271 §6.8). */
    record CollisionDump() implements Event { }

    /** A failure outside the protocol (e.g. BFD down, RFC 9384; max-prefix): close with this NOTIFICATION. */
    record Abort(Notification notification, String reason) implements Event { }
}
