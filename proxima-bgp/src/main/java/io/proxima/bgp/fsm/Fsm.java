package io.proxima.bgp.fsm;

import io.proxima.bgp.fsm.Action.Connect;
import io.proxima.bgp.fsm.Action.DeliverRouteRefresh;
import io.proxima.bgp.fsm.Action.DeliverUpdate;
import io.proxima.bgp.fsm.Action.DeliverUpdateError;
import io.proxima.bgp.fsm.Action.Disconnect;
import io.proxima.bgp.fsm.Action.SendKeepalive;
import io.proxima.bgp.fsm.Action.SendNotification;
import io.proxima.bgp.fsm.Action.SendOpen;
import io.proxima.bgp.fsm.Action.SessionDown;
import io.proxima.bgp.fsm.Action.SessionUp;
import io.proxima.bgp.fsm.Action.StartTimer;
import io.proxima.bgp.fsm.Action.StopTimer;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The BGP finite state machine of RFC 4271 §8 as a pure function: (state, event) → (state,
 * actions). No I/O, no clock: timers are started by actions and come back as events, and the
 * jitter of RFC 4271 §10 comes from an injected random generator.
 *
 * <p>Simplifications, all allowed by §8: no DelayOpen timer, no optional session attributes
 * beyond passive mode and DampPeerOscillations (the idle-hold back-off), and collision detection
 * (§6.8) is decided by the runtime, which holds both connections, and delivered as
 * {@link Event.CollisionDump}.
 */
public final class Fsm {

    /** RFC 4271 §10: timers are jittered by a random factor between 0.75 and 1.0. */
    static final double MIN_JITTER = 0.75;
    /** The exponent cap of the back-offs: 2^6 × base, then the configured maximum rules. */
    static final int MAX_BACKOFF_EXPONENT = 6;

    private Fsm() {
    }

    public static Transition step(FsmConfig cfg, FsmState s, Event e, RandomGenerator random) {
        return new Step(cfg, s, random).on(e);
    }

    /** One step's scratch state: the actions collected so far. */
    private static final class Step {
        final FsmConfig cfg;
        final FsmState s;
        final RandomGenerator random;
        final List<Action> out = new ArrayList<>(4);

        Step(FsmConfig cfg, FsmState s, RandomGenerator random) {
            this.cfg = cfg;
            this.s = s;
            this.random = random;
        }

        Transition on(Event e) {
            return switch (s.state()) {
                case IDLE -> idle(e);
                case CONNECT, ACTIVE -> connecting(e);
                case OPEN_SENT -> openSent(e);
                case OPEN_CONFIRM -> openConfirm(e);
                case ESTABLISHED -> established(e);
            };
        }

        // Idle: refuse everything but a start (RFC 4271 §8.2.2, Idle state).
        Transition idle(Event e) {
            return switch (e) {
                case Event.ManualStart m -> start(s.withCounter(0).withFailures(0));
                case Event.TimerExpired t when t.timer() == Timer.IDLE_HOLD -> start(s); // automatic restart
                case Event.TcpConnected c -> done(s, new Disconnect());
                default -> done(s);
            };
        }

        Transition start(FsmState from) {
            out.add(new StartTimer(Timer.CONNECT_RETRY, connectRetry(from.connectRetryCounter())));
            if (cfg.passive()) return done(from.to(State.ACTIVE));
            out.add(new Connect());
            return done(from.to(State.CONNECT));
        }

        // Connect and Active: waiting for TCP (RFC 4271 §8.2.2).
        Transition connecting(Event e) {
            return switch (e) {
                case Event.TcpConnected c -> {
                    out.add(new StopTimer(Timer.CONNECT_RETRY));
                    out.add(new SendOpen());
                    out.add(new StartTimer(Timer.HOLD, Duration.ofSeconds(MessageLimits.LARGE_HOLD_TIME)));
                    yield done(s.to(State.OPEN_SENT));
                }
                case Event.TimerExpired t when t.timer() == Timer.CONNECT_RETRY -> {
                    FsmState n = s.withCounter(s.connectRetryCounter() + 1);
                    out.add(new Disconnect());
                    out.add(new StartTimer(Timer.CONNECT_RETRY, connectRetry(n.connectRetryCounter())));
                    if (cfg.passive()) yield done(n.to(State.ACTIVE));
                    out.add(new Connect());
                    yield done(n.to(State.CONNECT));
                }
                case Event.TcpFailed f -> {
                    // Wait in Active for the retry timer, or for the peer to connect to us.
                    out.add(new Disconnect());
                    yield done(s.to(State.ACTIVE));
                }
                case Event.ManualStop m -> stop(m.cease(), false);
                case Event.TimerExpired t -> done(s); // a stale timer from an earlier connection
                default -> error(null, "unexpected " + name(e) + " in " + s.state().rfcName(), false);
            };
        }

        // OpenSent: our OPEN is out, waiting for theirs.
        Transition openSent(Event e) {
            return switch (e) {
                case Event.OpenReceived o -> {
                    Negotiated n = o.negotiated();
                    out.add(new StopTimer(Timer.CONNECT_RETRY));
                    out.add(new SendKeepalive());
                    startHoldAndKeepalive(n);
                    yield done(s.to(State.OPEN_CONFIRM).withNegotiated(n));
                }
                case Event.TcpFailed f -> {
                    // RFC 4271 §8.2.2: OpenSent + TcpConnectionFails → restart ConnectRetryTimer, Active.
                    out.add(new Disconnect());
                    out.add(new StopTimer(Timer.HOLD));
                    out.add(new StartTimer(Timer.CONNECT_RETRY, connectRetry(s.connectRetryCounter())));
                    yield done(s.to(State.ACTIVE));
                }
                case Event.KeepaliveReceived k -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENSENT, "KEEPALIVE before OPEN");
                case Event.UpdateReceived u -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENSENT, "UPDATE before OPEN");
                case Event.UpdateInvalid u -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENSENT, "UPDATE before OPEN");
                case Event.RouteRefreshReceived r -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENSENT, "ROUTE-REFRESH before OPEN");
                default -> common(e);
            };
        }

        // OpenConfirm: OPENs exchanged, waiting for their KEEPALIVE.
        Transition openConfirm(Event e) {
            return switch (e) {
                case Event.KeepaliveReceived k -> {
                    restartHold();
                    out.add(new SessionUp(s.negotiated()));
                    yield done(s.to(State.ESTABLISHED).withFailures(0).withCounter(0));
                }
                case Event.TimerExpired t when t.timer() == Timer.KEEPALIVE -> keepalive();
                case Event.OpenReceived o -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENCONFIRM, "second OPEN");
                case Event.UpdateReceived u -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENCONFIRM, "UPDATE before KEEPALIVE");
                case Event.UpdateInvalid u -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENCONFIRM, "UPDATE before KEEPALIVE");
                case Event.RouteRefreshReceived r -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_OPENCONFIRM, "ROUTE-REFRESH before KEEPALIVE");
                default -> common(e);
            };
        }

        Transition established(Event e) {
            return switch (e) {
                case Event.KeepaliveReceived k -> {
                    restartHold();
                    yield done(s);
                }
                case Event.UpdateReceived u -> {
                    restartHold();
                    out.add(new DeliverUpdate(u.update()));
                    yield done(s);
                }
                case Event.UpdateInvalid u when u.error().disposition().keepsSession() -> {
                    // RFC 7606: attribute discard and treat-as-withdraw keep the session up.
                    restartHold();
                    out.add(new DeliverUpdateError(u.error()));
                    yield done(s);
                }
                case Event.UpdateInvalid u -> error(u.error().notification(), u.error().reason(), true);
                case Event.RouteRefreshReceived r -> {
                    restartHold();
                    out.add(new DeliverRouteRefresh(r.refresh()));
                    yield done(s);
                }
                case Event.TimerExpired t when t.timer() == Timer.KEEPALIVE -> keepalive();
                case Event.OpenReceived o -> fsmError(ErrorCode.FSM_UNEXPECTED_IN_ESTABLISHED, "OPEN in Established");
                default -> common(e);
            };
        }

        /** Events every state from OpenSent on treats alike. */
        Transition common(Event e) {
            boolean up = s.state() == State.ESTABLISHED;
            return switch (e) {
                case Event.ManualStop m -> stop(m.cease(), up);
                case Event.TimerExpired t when t.timer() == Timer.HOLD ->
                        error(new Notification(ErrorCode.HOLD_TIMER_EXPIRED, 0), "hold timer expired", up);
                case Event.TimerExpired t -> done(s); // stale
                case Event.MessageInvalid m -> error(m.reply(), m.reason(), up);
                case Event.NotificationReceived n -> error(null, "peer sent " + n.notification().describe(), up);
                case Event.TcpFailed f -> error(null, "connection lost: " + f.reason(), up);
                case Event.CollisionDump c -> error(new Notification(ErrorCode.CEASE, ErrorCode.CEASE_CONNECTION_COLLISION),
                        "connection collision (RFC 4271 §6.8)", up);
                case Event.Abort a -> error(a.notification(), a.reason(), up);
                case Event.TcpConnected c -> done(s); // the runtime handles a second connection (collision)
                case Event.ManualStart m -> done(s);
                default -> error(new Notification(ErrorCode.FSM, ErrorCode.FSM_UNSPECIFIED), "unexpected " + name(e), up);
            };
        }

        Transition fsmError(int subcode, String what) {
            return error(new Notification(ErrorCode.FSM, subcode), what + " (RFC 6608)", s.state() == State.ESTABLISHED);
        }

        /** Any error: notify if there is something to say, close, back off, and restart automatically. */
        Transition error(Notification n, String reason, boolean wasUp) {
            if (n != null) out.add(new SendNotification(n));
            closeAll();
            if (wasUp) out.add(new SessionDown(reason));
            int failures = s.failures() + 1;
            out.add(new StartTimer(Timer.IDLE_HOLD, backoff(cfg.idleHold(), cfg.maxIdleHold(), failures - 1)));
            return done(s.to(State.IDLE).withFailures(failures).withCounter(s.connectRetryCounter() + 1));
        }

        /** ManualStop: Cease with the operator's message (RFC 8203), no automatic restart. */
        Transition stop(Notification cease, boolean wasUp) {
            if (s.state() == State.OPEN_SENT || s.state() == State.OPEN_CONFIRM || s.state() == State.ESTABLISHED) {
                out.add(new SendNotification(cease));
            }
            closeAll();
            out.add(new StopTimer(Timer.IDLE_HOLD));
            if (wasUp) out.add(new SessionDown("administrative shutdown"));
            return done(s.to(State.IDLE).withCounter(0));
        }

        void closeAll() {
            out.add(new Disconnect());
            out.add(new StopTimer(Timer.CONNECT_RETRY));
            out.add(new StopTimer(Timer.HOLD));
            out.add(new StopTimer(Timer.KEEPALIVE));
        }

        void startHoldAndKeepalive(Negotiated n) {
            if (n.holdTime() == 0) {
                // RFC 4271 §4.4: a hold time of zero means no KEEPALIVEs and no hold timer.
                out.add(new StopTimer(Timer.HOLD));
                return;
            }
            out.add(new StartTimer(Timer.HOLD, Duration.ofSeconds(n.holdTime())));
            out.add(new StartTimer(Timer.KEEPALIVE, jitter(Duration.ofSeconds(n.keepaliveTime()))));
        }

        void restartHold() {
            Negotiated n = s.negotiated();
            if (n != null && n.holdTime() > 0) out.add(new StartTimer(Timer.HOLD, Duration.ofSeconds(n.holdTime())));
        }

        Transition keepalive() {
            out.add(new SendKeepalive());
            Negotiated n = s.negotiated();
            if (n != null && n.holdTime() > 0) out.add(new StartTimer(Timer.KEEPALIVE, jitter(Duration.ofSeconds(n.keepaliveTime()))));
            return done(s);
        }

        Duration connectRetry(int counter) {
            return backoff(cfg.connectRetry(), cfg.maxConnectRetry(), counter);
        }

        Duration backoff(Duration base, Duration max, int exponent) {
            long nanos = base.toNanos() << Math.min(Math.max(exponent, 0), MAX_BACKOFF_EXPONENT);
            return jitter(Duration.ofNanos(Math.min(nanos, max.toNanos())));
        }

        Duration jitter(Duration d) {
            double f = MIN_JITTER + (1.0 - MIN_JITTER) * random.nextDouble();
            return Duration.ofNanos((long) (d.toNanos() * f));
        }

        Transition done(FsmState next, Action... more) {
            out.addAll(List.of(more));
            return new Transition(next, out);
        }

        static String name(Event e) {
            return e.getClass().getSimpleName();
        }
    }
}
