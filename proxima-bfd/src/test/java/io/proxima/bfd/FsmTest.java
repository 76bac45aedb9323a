package io.proxima.bfd;

import static io.proxima.bfd.SimulatedLink.A_KEY;
import static io.proxima.bfd.SimulatedLink.B_KEY;
import static io.proxima.bfd.SimulatedLink.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The session state machine (RFC 5880 §6.2, §6.8) on simulated time: two {@link Fsm}s joined by a
 * {@link SimulatedLink}, or one fed crafted packets. Nothing sleeps; an hour of BFD takes
 * milliseconds. Seeds are fixed (the jitter is the only randomness).
 */
class FsmTest {

    static final long SEED = 5880;
    static final Duration UP_WITHIN = Duration.ofSeconds(5);

    static SimulatedLink upPair(long aMs, int aMult, long bMs, int bMult) {
        SimulatedLink l = new SimulatedLink(config(A_KEY, aMs, aMult), config(B_KEY, bMs, bMult), SEED);
        l.start();
        l.runUntil(() -> l.a.state() == SessionState.UP && l.b.state() == SessionState.UP && !l.a.vars.pollActive() && !l.b.vars.pollActive(), UP_WITHIN);
        return l;
    }

    static ControlPacket packet(SessionState state, int my, int your, long txUs, long rxUs, boolean poll, boolean fin) {
        return new ControlPacket(Diagnostic.NONE, state, poll, fin, false, false, 3, my, your, txUs, rxUs, 0, Optional.empty());
    }

    // ---- the three-way handshake (§6.2) ----

    @Test
    void threeWayHandshakeBringsBothSidesUp() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3), config(B_KEY, 100, 3), SEED);
        l.start();
        Duration took = l.runUntil(() -> l.a.state() == SessionState.UP && l.b.state() == SessionState.UP, UP_WITHIN);
        // State changes are sent at once: Down, Init, Up cross the 1 ms link in a few ms, not seconds.
        assertThat(took).isLessThan(Duration.ofMillis(10));
        assertThat(l.a.changes).extracting(Action.StateChanged::to).containsExactly(SessionState.INIT, SessionState.UP);
        ControlPacket first = l.a.sent.get(0).packet();
        assertThat(first.state()).isEqualTo(SessionState.DOWN);
        assertThat(first.yourDiscriminator()).isZero();
        assertThat(first.myDiscriminator()).isEqualTo(0x0A0A0A0A);
        assertThat(l.a.vars.remoteDiscr()).isEqualTo(0x0B0B0B0B);
        assertThat(l.b.vars.remoteDiscr()).isEqualTo(0x0A0A0A0A);
        assertThat(l.a.changes.get(1).reason()).contains("three-way handshake complete");
    }

    @Test
    void downStaysDownWhenThePeerClaimsUp() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3), config(B_KEY, 100, 3), SEED);
        l.a.fire(new Event.Start());
        l.a.fire(new Event.Received(packet(SessionState.UP, 7, 0x0A0A0A0A, 100_000, 100_000, false, false)));
        assertThat(l.a.state()).isEqualTo(SessionState.DOWN);
        assertThat(l.a.changes).isEmpty();
    }

    // ---- timers (§6.8.2–§6.8.4, §6.8.7) ----

    @Test
    void theSlowRateOfOneSecondHoldsUntilUp() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3), config(B_KEY, 100, 3), SEED);
        l.aToB = false;
        l.a.fire(new Event.Start());
        l.run(Duration.ofSeconds(20));
        List<SimulatedPeer.Sent> sent = l.a.sent;
        assertThat(sent).hasSizeBetween(20, 27);
        assertThat(sent).allSatisfy(s -> assertThat(s.packet().desiredMinTxMicros()).isEqualTo(1_000_000));
        assertThat(sent).allSatisfy(s -> assertThat(s.packet().requiredMinRxMicros()).isEqualTo(100_000));
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).atNanos() - sent.get(i - 1).atNanos()).isBetween(750_000_000L, 1_000_000_000L);
        }
    }

    @Test
    void upAnnouncesTheFastRateWithAPollAndTheFinalEndsIt() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        ControlPacket firstUp = l.a.sent.stream().map(SimulatedPeer.Sent::packet).filter(p -> p.state() == SessionState.UP).findFirst().orElseThrow();
        assertThat(firstUp.poll()).isTrue();
        assertThat(firstUp.desiredMinTxMicros()).isEqualTo(100_000);
        assertThat(l.b.sent).extracting(SimulatedPeer.Sent::packet).anySatisfy(p -> assertThat(p.fin()).isTrue());
        assertThat(l.a.vars.pollActive()).isFalse();
        assertThat(l.a.transmitInterval()).isEqualTo(Duration.ofMillis(100));
        long from = l.now();
        l.run(Duration.ofSeconds(10));
        List<SimulatedPeer.Sent> steady = l.a.periodicSince(from);
        assertThat(steady).hasSizeBetween(100, 134).allSatisfy(s -> assertThat(s.packet().poll()).isFalse());
    }

    @Test
    void jitterIs75To100PercentOfTheInterval() {
        List<Double> ratios = steadyRatios(3);
        assertThat(ratios).allSatisfy(r -> assertThat(r).isBetween(0.75, 1.0));
        assertThat(ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isLessThan(0.76);
        assertThat(ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isGreaterThan(0.99);
    }

    @Test
    void jitterIs75To90PercentWithADetectMultOfOne() {
        List<Double> ratios = steadyRatios(1);
        assertThat(ratios).allSatisfy(r -> assertThat(r).isBetween(0.75, 0.90));
        assertThat(ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isGreaterThan(0.89);
    }

    private static List<Double> steadyRatios(int mult) {
        SimulatedLink l = upPair(100, mult, 100, 3);
        long from = l.now();
        l.run(Duration.ofMinutes(2));
        List<SimulatedPeer.Sent> s = l.a.periodicSince(from);
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i < s.size(); i++) ratios.add((s.get(i).atNanos() - s.get(i - 1).atNanos()) / 100e6);
        assertThat(ratios).hasSizeGreaterThan(1000);
        return ratios;
    }

    @Test
    void differentIntervalsNegotiateTheSlowerOfEachDirection() {
        SessionConfig a = config(A_KEY, 100, 3).withRequiredMinRx(Duration.ofMillis(300));
        SessionConfig b = config(B_KEY, 200, 5).withRequiredMinRx(Duration.ofMillis(50));
        SimulatedLink l = new SimulatedLink(a, b, SEED);
        l.start();
        l.runUntil(() -> l.a.state() == SessionState.UP && l.b.state() == SessionState.UP && !l.a.vars.pollActive() && !l.b.vars.pollActive(), UP_WITHIN);
        // A sends at max(its 100, B's required 50) = 100 ms; B at max(its 200, A's required 300) = 300 ms.
        assertThat(l.a.vars.transmitIntervalMicros()).isEqualTo(100_000);
        assertThat(l.b.vars.transmitIntervalMicros()).isEqualTo(300_000);
        // §6.8.4: A's Detection Time = B's mult 5 × max(A's required 300, B's desired 200) = 1.5 s;
        // B's = A's mult 3 × max(B's required 50, A's desired 100) = 300 ms.
        assertThat(l.a.vars.detectionTimeMicros()).isEqualTo(1_500_000);
        assertThat(l.b.vars.detectionTimeMicros()).isEqualTo(300_000);
    }

    // ---- detection (§6.8.4) ----

    @Test
    void silenceForTheDetectionTimeTakesTheSessionDown() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.run(Duration.ofSeconds(1));
        l.bToA = false;
        long lastArrival = l.b.sent.get(l.b.sent.size() - 1).atNanos() + SimulatedLink.LATENCY.toNanos();
        l.runUntil(() -> l.a.state() == SessionState.DOWN, Duration.ofSeconds(2));
        Action.StateChanged down = l.a.changes.get(l.a.changes.size() - 1);
        long at = l.a.changeTimes.get(l.a.changeTimes.size() - 1);
        assertThat(Duration.ofNanos(at - lastArrival)).isEqualTo(Duration.ofMillis(300)); // 3 × max(100, 100)
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(down.reason()).isEqualTo("no packet for 300 ms (3 × 100 ms)");
        // §6.8.1: bfd.RemoteDiscr is zero again, and the slow rate is back.
        assertThat(l.a.vars.remoteDiscr()).isZero();
        assertThat(l.a.vars.desiredMinTx()).isEqualTo(1_000_000);
        // A's Down reaches B, which signals the failure it was told of.
        l.run(Duration.ofMillis(10));
        assertThat(l.b.state()).isEqualTo(SessionState.DOWN);
        assertThat(l.b.changes.get(l.b.changes.size() - 1).diagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
        // The path heals: the handshake runs again.
        l.bToA = true;
        l.runUntil(() -> l.a.state() == SessionState.UP && l.b.state() == SessionState.UP, Duration.ofSeconds(5));
    }

    @Test
    void remoteDiscriminatorIsForgottenAfterADetectionTimeInDown() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3), config(B_KEY, 100, 3), SEED);
        l.aToB = false;
        l.a.fire(new Event.Start());
        l.a.fire(new Event.Received(packet(SessionState.DOWN, 77, 0, 1_000_000, 100_000, false, false)));
        assertThat(l.a.state()).isEqualTo(SessionState.INIT);
        assertThat(l.a.vars.remoteDiscr()).isEqualTo(77);
        l.run(Duration.ofMillis(2_999));
        assertThat(l.a.state()).isEqualTo(SessionState.INIT);
        l.run(Duration.ofMillis(2)); // 3 × the peer's 1 s slow rate
        assertThat(l.a.state()).isEqualTo(SessionState.DOWN);
        assertThat(l.a.vars.remoteDiscr()).isZero();
        assertThat(l.a.sent.get(l.a.sent.size() - 1).packet().yourDiscriminator()).isZero();
    }

    @Test
    void aNeighborThatSignalsDownIsAFailure() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.aToB = false; // B hears nothing, times out, and tells A
        l.runUntil(() -> l.a.state() == SessionState.DOWN, Duration.ofSeconds(2));
        Action.StateChanged c = l.a.changes.get(l.a.changes.size() - 1);
        assertThat(c.diagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
        assertThat(c.reason()).contains("Control Detection Time Expired");
        assertThat(failure(l.a, c)).isTrue();
    }

    // ---- administrative control (§6.8.16) and RFC 5882 §3.2 ----

    @Test
    void adminDownIsSignalledToThePeerAndIsNoFailureThere() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.a.fire(new Event.Disable(Diagnostic.ADMINISTRATIVELY_DOWN));
        assertThat(l.a.state()).isEqualTo(SessionState.ADMIN_DOWN);
        ControlPacket last = l.a.sent.get(l.a.sent.size() - 1).packet();
        assertThat(last.state()).isEqualTo(SessionState.ADMIN_DOWN);
        assertThat(last.diagnostic()).isEqualTo(Diagnostic.ADMINISTRATIVELY_DOWN);
        assertThat(l.a.deadlines).doesNotContainKey(Timer.DETECTION);
        l.run(Duration.ofMillis(5));
        assertThat(l.b.state()).isEqualTo(SessionState.DOWN);
        Action.StateChanged c = l.b.changes.get(l.b.changes.size() - 1);
        assertThat(c.diagnostic()).isEqualTo(Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN);
        assertThat(l.b.vars.remoteSessionState()).isEqualTo(SessionState.ADMIN_DOWN);
        assertThat(failure(l.b, c)).isFalse();
        // A ignores B while AdminDown, and keeps telling B at the slow rate.
        long from = l.now();
        l.run(Duration.ofSeconds(10));
        assertThat(l.a.state()).isEqualTo(SessionState.ADMIN_DOWN);
        assertThat(l.a.drops).contains(DropReason.LOCAL_ADMIN_DOWN);
        assertThat(l.a.periodicSince(from)).hasSizeBetween(10, 14).allSatisfy(s -> assertThat(s.packet().state()).isEqualTo(SessionState.ADMIN_DOWN));
        assertThat(l.b.state()).isEqualTo(SessionState.DOWN);
        // Enabled again: the handshake.
        l.a.fire(new Event.Enable());
        assertThat(l.a.state()).isEqualTo(SessionState.DOWN);
        l.runUntil(() -> l.a.state() == SessionState.UP && l.b.state() == SessionState.UP, UP_WITHIN);
    }

    @Test
    void aPacketIsNotAnsweredWhileAdminDown() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.a.fire(new Event.Disable(Diagnostic.PATH_DOWN));
        int before = l.a.sent.size();
        l.a.fire(new Event.Received(packet(SessionState.UP, 0x0B0B0B0B, 0x0A0A0A0A, 100_000, 100_000, true, false)));
        assertThat(l.a.sent).hasSize(before); // no Final: the AdminDown discard comes first in §6.8.6
        assertThat(l.a.drops).containsExactly(DropReason.LOCAL_ADMIN_DOWN);
    }

    // ---- Poll and Final (§6.5, §6.8.3) ----

    @Test
    void aPollIsAnsweredWithAFinalAtOnce() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.run(Duration.ofMillis(30));
        int before = l.a.sent.size();
        long now = l.now();
        l.a.fire(new Event.Received(packet(SessionState.UP, 0x0B0B0B0B, 0x0A0A0A0A, 100_000, 100_000, true, false)));
        assertThat(l.a.sent).hasSize(before + 1);
        SimulatedPeer.Sent fin = l.a.sent.get(before);
        assertThat(fin.atNanos()).isEqualTo(now);
        assertThat(fin.packet().fin()).isTrue();
        assertThat(fin.packet().poll()).isFalse();
    }

    @Test
    void aLongerTransmitIntervalWaitsForTheFinal() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.bToA = false; // hold B's Final back
        l.a.reconfigure(config(A_KEY, 300, 3));
        assertThat(l.a.vars.pollActive()).isTrue();
        assertThat(l.a.vars.desiredMinTx()).isEqualTo(300_000);
        assertThat(l.a.vars.txDesiredInUse()).isEqualTo(100_000); // §6.8.3: not before the Poll Sequence ends
        ControlPacket poll = l.a.sent.get(l.a.sent.size() - 1).packet();
        assertThat(poll.poll()).isTrue();
        assertThat(poll.desiredMinTxMicros()).isEqualTo(300_000);
        // Still polling: every periodic packet carries P. (Well inside A's 300 ms Detection Time.)
        l.run(Duration.ofMillis(120));
        assertThat(l.a.periodicSince(l.now() - 120_000_000L)).isNotEmpty().allSatisfy(s -> assertThat(s.packet().poll()).isTrue());
        l.bToA = true;
        l.runUntil(() -> !l.a.vars.pollActive(), Duration.ofSeconds(1));
        assertThat(l.a.vars.txDesiredInUse()).isEqualTo(300_000);
        assertThat(l.b.vars.detectionTimeMicros()).isEqualTo(900_000); // 3 × max(100, 300)
        assertThat(l.a.state()).isEqualTo(SessionState.UP);
        assertThat(l.b.state()).isEqualTo(SessionState.UP);
    }

    @Test
    void aShorterReceiveIntervalCountsOnlyAfterTheFinal() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.bToA = false;
        l.a.reconfigure(config(A_KEY, 100, 3).withRequiredMinRx(Duration.ofMillis(50)));
        assertThat(l.a.vars.requiredMinRx()).isEqualTo(50_000);
        assertThat(l.a.vars.rxRequiredInUse()).isEqualTo(100_000);
        l.bToA = true;
        l.runUntil(() -> !l.a.vars.pollActive(), Duration.ofSeconds(1));
        assertThat(l.a.vars.rxRequiredInUse()).isEqualTo(50_000);
        l.run(Duration.ofMillis(500));
        assertThat(l.a.vars.detectionTimeMicros()).isEqualTo(300_000); // B still sends at 100 ms
    }

    @Test
    void aChangeDuringAPollSequenceGetsAPollSequenceOfItsOwn() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.bToA = false;
        l.a.reconfigure(config(A_KEY, 200, 3));
        l.a.reconfigure(config(A_KEY, 400, 3));
        assertThat(l.a.vars.pollPending()).isTrue();
        l.bToA = true;
        l.runUntil(() -> !l.a.vars.pollActive() && !l.a.vars.pollPending(), Duration.ofSeconds(2));
        assertThat(l.a.vars.txDesiredInUse()).isEqualTo(400_000);
        long finals = l.b.sent.stream().filter(s -> s.packet().fin()).count();
        assertThat(finals).isGreaterThanOrEqualTo(3); // Up's own poll, then one per change
    }

    @Test
    void aShorterRemoteMinRxIsHonouredAtOnce() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3), config(B_KEY, 100, 3), SEED);
        l.aToB = false;
        l.a.fire(new Event.Start());
        l.a.fire(new Event.Received(packet(SessionState.DOWN, 77, 0, 1_000_000, 2_000_000, false, false)));
        assertThat(l.a.vars.transmitIntervalMicros()).isEqualTo(2_000_000);
        l.run(Duration.ofMillis(1_400)); // the Init packet went out at 0; the next is due at 1.5–2 s
        int before = l.a.sent.size();
        l.a.fire(new Event.Received(packet(SessionState.INIT, 77, 0x0A0A0A0A, 1_000_000, 1_000_000, false, false)));
        // §6.8.3: "the local system cannot wait longer than the new interval" — 1.4 s have passed,
        // more than 75 % of the new 1 s at least: the next packet goes now or soon after.
        assertThat(l.a.sent.size() > before || l.a.deadlines.get(Timer.TRANSMIT) - l.now() <= 0).isTrue();
    }

    // ---- transmission rules (§6.8.7) ----

    @Test
    void aPassiveSessionWaitsForThePeer() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3).withPassive(true), config(B_KEY, 100, 3), SEED);
        l.a.fire(new Event.Start());
        l.run(Duration.ofSeconds(10));
        assertThat(l.a.sent).isEmpty();
        l.b.fire(new Event.Start());
        l.runUntil(() -> l.a.state() == SessionState.UP && l.b.state() == SessionState.UP, UP_WITHIN);
    }

    @Test
    void aRemoteMinRxOfZeroStopsPeriodicTransmission() {
        SimulatedLink l = new SimulatedLink(config(A_KEY, 100, 3), config(B_KEY, 100, 3), SEED);
        l.aToB = false;
        l.a.fire(new Event.Start());
        l.a.fire(new Event.Received(packet(SessionState.DOWN, 77, 0, 1_000_000, 0, false, false)));
        assertThat(l.a.deadlines).doesNotContainKey(Timer.TRANSMIT);
        int before = l.a.sent.size();
        l.run(Duration.ofSeconds(2));
        assertThat(l.a.sent).hasSize(before);
    }

    @Test
    void aPeerInDemandModeStopsOurPeriodicPacketsOnceBothAreUp() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        l.bToA = false;
        l.a.fire(new Event.Received(new ControlPacket(Diagnostic.NONE, SessionState.UP, false, false, false, true, 3,
                0x0B0B0B0B, 0x0A0A0A0A, 100_000, 100_000, 0, Optional.empty())));
        assertThat(l.a.deadlines).doesNotContainKey(Timer.TRANSMIT);
        assertThat(l.a.vars.remoteDemandMode()).isTrue();
    }

    // ---- session-level reception rules of §6.8.6 ----

    @Test
    void anAuthenticatedPacketWithoutAuthenticationConfiguredIsDropped() {
        SimulatedLink l = upPair(100, 3, 100, 3);
        SessionVars before = l.a.vars;
        l.a.fire(new Event.Received(packet(SessionState.DOWN, 0x0B0B0B0B, 0x0A0A0A0A, 100_000, 100_000, false, false)
                .withAuthentication(Optional.of(new Authentication.SimplePassword(1, new byte[] {'x'})))));
        assertThat(l.a.drops).containsExactly(DropReason.AUTH_UNEXPECTED);
        assertThat(l.a.vars).isEqualTo(before);
    }

    @Test
    void anUnauthenticatedPacketWithAuthenticationConfiguredIsDropped() {
        SessionConfig withKey = config(A_KEY, 100, 3).withAuthentication(new AuthenticationKey(Authentication.KEYED_SHA1, 1, new byte[] {1, 2}));
        SimulatedLink l = new SimulatedLink(withKey, config(B_KEY, 100, 3), SEED);
        l.a.fire(new Event.Start());
        SessionVars before = l.a.vars;
        l.a.fire(new Event.Received(packet(SessionState.DOWN, 77, 0, 1_000_000, 100_000, false, false)));
        assertThat(l.a.drops).containsExactly(DropReason.AUTH_MISSING);
        assertThat(l.a.vars).isEqualTo(before);
    }

    /** What {@link Session} builds for listeners, from the same facts. */
    private static boolean failure(SimulatedPeer p, Action.StateChanged c) {
        return new StateChange(p.cfg.key(), c.from(), c.to(), c.diagnostic(), p.vars.remoteSessionState(), p.vars.remoteDiag(),
                Duration.ZERO, c.reason(), java.time.Instant.EPOCH).signalsFailure();
    }
}
