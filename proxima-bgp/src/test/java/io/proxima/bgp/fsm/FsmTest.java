package io.proxima.bgp.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.Disposition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The FSM driven by events, with simulated time: a nine-second hold timer expires in microseconds. */
class FsmTest {

    static final long SEED = 4271;
    static final OpenPolicy POLICY = new OpenPolicy(65001, IpAddress.parse("192.0.2.1"), 65000, 9,
            Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST), false, false, -1, false);

    /** Runs the FSM and keeps its timers on a simulated clock. */
    static final class Driver {
        final FsmConfig cfg;
        final Random random = new Random(SEED);
        FsmState state = FsmState.INITIAL;
        long now;
        final Map<Timer, Long> deadlines = new EnumMap<>(Timer.class);
        final List<Action> log = new ArrayList<>();

        Driver(FsmConfig cfg) {
            this.cfg = cfg;
        }

        List<Action> fire(Event e) {
            Transition t = Fsm.step(cfg, state, e, random);
            state = t.next();
            for (Action a : t.actions()) {
                switch (a) {
                    case Action.StartTimer st -> deadlines.put(st.timer(), now + st.after().toNanos());
                    case Action.StopTimer st -> deadlines.remove(st.timer());
                    default -> { }
                }
            }
            log.addAll(t.actions());
            return t.actions();
        }

        /** Advances simulated time, firing each timer that runs out, earliest first. */
        void advance(Duration d) {
            long until = now + d.toNanos();
            while (true) {
                var next = deadlines.entrySet().stream().filter(x -> x.getValue() <= until)
                        .min(Map.Entry.comparingByValue()).orElse(null);
                if (next == null) break;
                now = next.getValue();
                deadlines.remove(next.getKey());
                fire(new Event.TimerExpired(next.getKey()));
            }
            now = until;
        }

        Duration remaining(Timer t) {
            return Duration.ofNanos(deadlines.get(t) - now);
        }

        void establish() {
            fire(new Event.ManualStart());
            fire(new Event.TcpConnected());
            fire(new Event.OpenReceived(negotiated(9)));
            fire(new Event.KeepaliveReceived());
            assertThat(state.state()).isEqualTo(State.ESTABLISHED);
        }
    }

    static Negotiated negotiated(int hold) {
        var remote = new OpenPolicy(65000, IpAddress.parse("192.0.2.2"), 65001, hold == 0 ? 0 : hold,
                Set.of(Family.IPV4_UNICAST), false, false, -1, false).open();
        return ((Negotiation.Agreed) Negotiation.negotiate(POLICY, remote)).negotiated();
    }

    @Test
    void startConnectsAndArmsTheConnectRetryTimer() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        assertThat(d.fire(new Event.ManualStart())).hasAtLeastOneElementOfType(Action.Connect.class);
        assertThat(d.state.state()).isEqualTo(State.CONNECT);
        assertThat(d.remaining(Timer.CONNECT_RETRY)).isBetween(Duration.ofMillis(750), Duration.ofSeconds(1));
    }

    @Test
    void passivePeersWaitInActive() {
        Driver d = new Driver(FsmConfig.DEFAULT.withPassive(true));
        assertThat(d.fire(new Event.ManualStart())).noneMatch(a -> a instanceof Action.Connect);
        assertThat(d.state.state()).isEqualTo(State.ACTIVE);
        d.advance(Duration.ofSeconds(10));
        assertThat(d.log).noneMatch(a -> a instanceof Action.Connect);
        d.fire(new Event.TcpConnected());
        assertThat(d.state.state()).isEqualTo(State.OPEN_SENT);
    }

    @Test
    void theHandshakeReachesEstablishedWithNegotiatedTimers() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.fire(new Event.ManualStart());
        assertThat(d.fire(new Event.TcpConnected())).containsSubsequence(new Action.StopTimer(Timer.CONNECT_RETRY), new Action.SendOpen());
        assertThat(d.remaining(Timer.HOLD)).isEqualTo(Duration.ofSeconds(240)); // RFC 4271 §8: a large value
        assertThat(d.fire(new Event.OpenReceived(negotiated(9)))).contains(new Action.SendKeepalive());
        assertThat(d.state.state()).isEqualTo(State.OPEN_CONFIRM);
        assertThat(d.remaining(Timer.HOLD)).isEqualTo(Duration.ofSeconds(9));
        assertThat(d.remaining(Timer.KEEPALIVE)).isBetween(Duration.ofMillis(2250), Duration.ofSeconds(3));
        assertThat(d.fire(new Event.KeepaliveReceived())).hasAtLeastOneElementOfType(Action.SessionUp.class);
        assertThat(d.state.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void silenceForTheHoldTimeSendsHoldTimerExpired() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.establish();
        d.advance(Duration.ofMillis(8_999));
        assertThat(d.state.state()).isEqualTo(State.ESTABLISHED);
        assertThat(d.log).filteredOn(a -> a instanceof Action.SendKeepalive).hasSizeGreaterThanOrEqualTo(3);
        d.advance(Duration.ofMillis(1));
        assertThat(d.state.state()).isEqualTo(State.IDLE);
        assertThat(d.log).contains(new Action.SendNotification(new Notification(ErrorCode.HOLD_TIMER_EXPIRED, 0)));
        assertThat(d.log).hasAtLeastOneElementOfType(Action.SessionDown.class);
    }

    @Test
    void keepalivesAndUpdatesRestartTheHoldTimer() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.establish();
        for (int i = 0; i < 10; i++) {
            d.advance(Duration.ofSeconds(5));
            d.fire(i % 2 == 0 ? new Event.KeepaliveReceived() : new Event.UpdateReceived(Update.endOfRib(Family.IPV4_UNICAST)));
        }
        assertThat(d.state.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void holdTimeZeroMeansNoKeepalives() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.fire(new Event.ManualStart());
        d.fire(new Event.TcpConnected());
        d.fire(new Event.OpenReceived(negotiated(0)));
        d.fire(new Event.KeepaliveReceived());
        d.advance(Duration.ofHours(1));
        assertThat(d.state.state()).isEqualTo(State.ESTABLISHED);
        assertThat(d.log).filteredOn(a -> a instanceof Action.SendKeepalive).hasSize(1); // the one OpenConfirm needs
    }

    @Test
    void afterAnErrorItRestartsAutomaticallyWithGrowingBackOff() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        List<Duration> pauses = new ArrayList<>();
        d.establish();
        for (int i = 0; i < 8; i++) {
            d.fire(new Event.TcpFailed("reset by peer"));
            assertThat(d.state.state()).isEqualTo(State.IDLE);
            pauses.add(d.remaining(Timer.IDLE_HOLD));
            d.advance(d.remaining(Timer.IDLE_HOLD));
            assertThat(d.state.state()).isEqualTo(State.CONNECT);
            d.fire(new Event.TcpConnected());
            d.fire(new Event.OpenReceived(negotiated(9)));
        }
        for (int i = 1; i < 6; i++) assertThat(pauses.get(i)).isGreaterThan(pauses.get(i - 1));
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(pauses.get(7)).isLessThanOrEqualTo(FsmConfig.DEFAULT.maxIdleHold());
        // Reaching Established again resets the back-off.
        d.fire(new Event.KeepaliveReceived());
        d.fire(new Event.TcpFailed("reset"));
        assertThat(d.remaining(Timer.IDLE_HOLD)).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void connectRetryBacksOffWhileThePeerIsUnreachable() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.fire(new Event.ManualStart());
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(d.remaining(Timer.CONNECT_RETRY));
            d.advance(d.remaining(Timer.CONNECT_RETRY));
        }
        assertThat(d.log).filteredOn(a -> a instanceof Action.Connect).hasSize(9);
        assertThat(waits.get(3)).isGreaterThan(waits.get(0).multipliedBy(5));
        assertThat(waits.get(7)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void manualStopSendsTheShutdownCommunicationAndStaysDown() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.establish();
        Notification cease = Notification.cease(ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN, "maintenance: draining dns");
        List<Action> a = d.fire(new Event.ManualStop(cease));
        assertThat(a).containsSubsequence(new Action.SendNotification(cease), new Action.Disconnect());
        assertThat(a).hasAtLeastOneElementOfType(Action.SessionDown.class);
        d.advance(Duration.ofMinutes(10));
        assertThat(d.state.state()).isEqualTo(State.IDLE);
        assertThat(d.log).filteredOn(x -> x instanceof Action.Connect).hasSize(1);
    }

    @Test
    void anUpdateBeforeTheOpenIsAnFsmError() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.fire(new Event.ManualStart());
        d.fire(new Event.TcpConnected());
        assertThat(d.fire(new Event.UpdateReceived(Update.endOfRib(Family.IPV4_UNICAST))))
                .contains(new Action.SendNotification(new Notification(ErrorCode.FSM, ErrorCode.FSM_UNEXPECTED_IN_OPENSENT)));
        assertThat(d.state.state()).isEqualTo(State.IDLE);
    }

    @Test
    void treatAsWithdrawKeepsTheSessionButSessionResetDoesNot() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.establish();
        MessageError taw = new MessageError(3, 6, Octets.EMPTY, Disposition.TREAT_AS_WITHDRAW, "bad ORIGIN", null, List.of(), 1);
        assertThat(d.fire(new Event.UpdateInvalid(taw))).contains(new Action.DeliverUpdateError(taw));
        assertThat(d.state.state()).isEqualTo(State.ESTABLISHED);
        MessageError reset = new MessageError(3, 9, Octets.EMPTY, Disposition.SESSION_RESET, "bad MP_REACH", null, List.of(), 1);
        assertThat(d.fire(new Event.UpdateInvalid(reset))).contains(new Action.SendNotification(new Notification(3, 9)));
        assertThat(d.state.state()).isEqualTo(State.IDLE);
    }

    @Test
    void aCollisionLoserClosesWithCease7() {
        Driver d = new Driver(FsmConfig.DEFAULT);
        d.fire(new Event.ManualStart());
        d.fire(new Event.TcpConnected());
        d.fire(new Event.OpenReceived(negotiated(9)));
        assertThat(d.fire(new Event.CollisionDump()))
                .contains(new Action.SendNotification(new Notification(ErrorCode.CEASE, ErrorCode.CEASE_CONNECTION_COLLISION)));
    }
}
