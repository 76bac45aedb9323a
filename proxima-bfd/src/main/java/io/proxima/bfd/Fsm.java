package io.proxima.bfd;

import io.proxima.bfd.Action.Drop;
import io.proxima.bfd.Action.Send;
import io.proxima.bfd.Action.StartTimer;
import io.proxima.bfd.Action.StateChanged;
import io.proxima.bfd.Action.StopTimer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The BFD session of RFC 5880 §6.2 and §6.8 as a pure function: (config, variables, event, now) →
 * (variables, actions). No I/O and no clock of its own: the runtime passes the time and schedules
 * the timers that actions start, and the jitter of §6.8.7 comes from an injected generator, so
 * tests run on simulated time.
 *
 * <pre>
 *                             +--+
 *                             |  | UP, ADMIN DOWN, TIMER
 *                             |  V
 *                     DOWN  +------+  INIT
 *              +------------|      |------------+
 *              |            | DOWN |            |
 *              |  +-------->|      |<--------+  |
 *              |  |         +------+         |  |
 *              |  |                          |  |
 *              |  |               ADMIN DOWN,|  |
 *              |  |ADMIN DOWN,          DOWN,|  |
 *              |  |TIMER                TIMER|  |
 *              V  |                          |  V
 *            +------+                      +------+
 *       +----|      |                      |      |----+
 *   DOWN|    | INIT |--------------------->|  UP  |    |INIT, UP
 *       +--->|      | INIT, UP             |      |<---+
 *            +------+                      +------+
 * </pre>
 * (RFC 5880 §6.2; events are the State of the received packet, and TIMER the Detection Time.)
 *
 * <p>Choices within the RFC's latitude: a state change is sent at once rather than at the next
 * periodic packet, which shortens the three-way handshake; a Poll Sequence starts only in Up (the
 * slow rate of §6.8.3 is the only change outside it, and both sides are then Down); a decrease of
 * our transmit interval and an increase of our receive interval take effect at once, the opposite
 * changes only when the Poll Sequence ends (§6.8.3); AdminDown keeps sending at the slow rate
 * (§6.8.16 allows it indefinitely). Echo and Demand mode are never used by us; a peer's Demand
 * mode is honoured (§6.6).
 */
final class Fsm {

    /** §6.8.3: "When bfd.SessionState is not Up, the system MUST set bfd.DesiredMinTxInterval to a value of not less than one second". */
    static final long SLOW_TX_MICROS = 1_000_000;
    /** §6.8.7: each interval is reduced by a random 0 to 25 %. */
    static final double MIN_JITTER = 0.75;
    /** §6.8.7: with a Detect Mult of 1 the interval MUST be no more than 90 % of the negotiated one. */
    static final double MAX_JITTER_MULT_ONE = 0.90;
    private static final long NANOS_PER_MICRO = 1000;

    private Fsm() {
    }

    static long slowAtLeast(long micros) {
        return Math.max(micros, SLOW_TX_MICROS);
    }

    /**
     * One step. {@code nowNanos} is the runtime's monotonic clock; only differences matter.
     */
    static Transition step(SessionConfig cfg, SessionVars s, Event e, long nowNanos, RandomGenerator random) {
        return new Step(cfg, s, nowNanos, random).on(e);
    }

    /** One step's scratch copy of the variables, and the actions collected so far. */
    private static final class Step {
        final SessionConfig cfg;
        final long now;
        final RandomGenerator random;
        final List<Action> out = new ArrayList<>(4);

        SessionState state;
        SessionState remoteState;
        final int localDiscr;
        int remoteDiscr;
        Diagnostic localDiag;
        Diagnostic remoteDiag;
        long desiredMinTx;
        long requiredMinRx;
        long txInUse;
        long rxInUse;
        long remoteMinRx;
        long remoteDesiredMinTx;
        int remoteDetectMult;
        boolean remoteDemand;
        boolean pollActive;
        boolean pollPending;
        long lastTx;

        /** What the step decided to send, sent once at its end. */
        boolean sendNow;
        boolean sendFinal;
        /** The configuration changed: decide the transmit timer afresh, whatever it was. */
        boolean forceRetime;
        final long oldInterval;
        final boolean wasTransmitting;

        Step(SessionConfig cfg, SessionVars s, long now, RandomGenerator random) {
            this.cfg = cfg;
            this.now = now;
            this.random = random;
            state = s.sessionState();
            remoteState = s.remoteSessionState();
            localDiscr = s.localDiscr();
            remoteDiscr = s.remoteDiscr();
            localDiag = s.localDiag();
            remoteDiag = s.remoteDiag();
            desiredMinTx = s.desiredMinTx();
            requiredMinRx = s.requiredMinRx();
            txInUse = s.txDesiredInUse();
            rxInUse = s.rxRequiredInUse();
            remoteMinRx = s.remoteMinRx();
            remoteDesiredMinTx = s.remoteDesiredMinTx();
            remoteDetectMult = s.remoteDetectMult();
            remoteDemand = s.remoteDemandMode();
            pollActive = s.pollActive();
            pollPending = s.pollPending();
            lastTx = s.lastTxNanos();
            oldInterval = transmitInterval();
            wasTransmitting = mayTransmitPeriodically();
        }

        Transition on(Event e) {
            switch (e) {
                case Event.Start x -> sendNow = true;
                case Event.Received r -> received(r.packet());
                case Event.TimerExpired t when t.timer() == Timer.TRANSMIT -> sendNow = true;
                case Event.TimerExpired t -> detectionTimeExpired();
                case Event.Disable d -> disable(d.diagnostic());
                case Event.Enable x -> enable();
                case Event.Reconfigured x -> reconfigured();
            }
            return finish();
        }

        // §6.8.6, from "If the A bit is set and no authentication is in use" on; the packet-level
        // rules before it were applied by ControlPacketDecoder, the demultiplexing by the runtime.
        void received(ControlPacket p) {
            if (p.authentication().isPresent() && cfg.authentication().isEmpty()) {
                out.add(new Drop(DropReason.AUTH_UNEXPECTED));
                return;
            }
            if (p.authentication().isEmpty() && cfg.authentication().isPresent()) {
                out.add(new Drop(DropReason.AUTH_MISSING));
                return;
            }
            remoteDiscr = p.myDiscriminator();
            remoteState = p.state();
            remoteDemand = p.demand();
            remoteMinRx = p.requiredMinRxMicros();
            remoteDesiredMinTx = p.desiredMinTxMicros();
            remoteDetectMult = p.detectMult();
            remoteDiag = p.diagnostic();
            // "If a Poll Sequence is being transmitted by the local system and the Final (F) bit in
            // the received packet is set, the Poll Sequence MUST be terminated."
            if (pollActive && p.fin()) {
                pollActive = false;
                txInUse = desiredMinTx;
                rxInUse = requiredMinRx;
                if (pollPending) {
                    pollPending = false;
                    startPoll();
                }
            }
            if (state == SessionState.ADMIN_DOWN) {
                out.add(new Drop(DropReason.LOCAL_ADMIN_DOWN));
                return;
            }
            if (p.state() == SessionState.ADMIN_DOWN) {
                if (state != SessionState.DOWN) {
                    change(SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN,
                            "neighbor is AdminDown (" + p.diagnostic().describe() + ")");
                }
            } else {
                switch (state) {
                    case DOWN -> {
                        if (p.state() == SessionState.DOWN) change(SessionState.INIT, Diagnostic.NONE, "neighbor is Down: three-way handshake");
                        else if (p.state() == SessionState.INIT) change(SessionState.UP, Diagnostic.NONE, "neighbor is Init: three-way handshake complete");
                    }
                    case INIT -> {
                        if (p.state() == SessionState.INIT || p.state() == SessionState.UP) {
                            change(SessionState.UP, Diagnostic.NONE, "neighbor is " + p.state().rfcName() + ": three-way handshake complete");
                        }
                    }
                    case UP -> {
                        if (p.state() == SessionState.DOWN) {
                            change(SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN,
                                    "neighbor signaled session down (" + p.diagnostic().describe() + ")");
                        }
                    }
                    case ADMIN_DOWN -> throw new IllegalStateException("handled above");
                }
            }
            // §6.8.7: a Poll is answered with a Final "as soon as practicable, without respect to the
            // transmission timer or any other transmission limitations".
            if (p.poll()) sendFinal = true;
            // "If the packet was not discarded, it has been received for purposes of the Detection Time expiration rules"
            out.add(new StartTimer(Timer.DETECTION, Duration.ofNanos(detectionTime() * NANOS_PER_MICRO)));
        }

        // §6.8.4: a Detection Time without a packet.
        void detectionTimeExpired() {
            if (state == SessionState.INIT || state == SessionState.UP) {
                change(SessionState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED,
                        "no packet for " + Durations.micros(detectionTime()) + " (" + remoteDetectMult + " × "
                                + Durations.micros(receiveInterval()) + ")");
            }
            // §6.8.1 bfd.RemoteDiscr: "If a period of a Detection Time passes without the receipt of a
            // valid, authenticated BFD packet from the remote system, this variable MUST be set to zero."
            remoteDiscr = 0;
            remoteState = SessionState.DOWN;
            remoteDemand = false;
        }

        // §6.8.16
        void disable(Diagnostic diagnostic) {
            if (state == SessionState.ADMIN_DOWN) return;
            change(SessionState.ADMIN_DOWN, diagnostic, "administratively disabled (" + diagnostic.describe() + ")");
            out.add(new StopTimer(Timer.DETECTION));
        }

        void enable() {
            if (state != SessionState.ADMIN_DOWN) return;
            change(SessionState.DOWN, localDiag, "administratively enabled");
        }

        // §6.8.3: new timers. In Up they are announced with a Poll Sequence.
        void reconfigured() {
            forceRetime = true;
            long desired = state == SessionState.UP ? cfg.desiredMinTxMicros() : slowAtLeast(cfg.desiredMinTxMicros());
            long required = cfg.requiredMinRxMicros();
            boolean changed = desired != desiredMinTx || required != requiredMinRx;
            desiredMinTx = desired;
            requiredMinRx = required;
            if (state == SessionState.UP && changed) {
                // "If bfd.DesiredMinTxInterval is increased and bfd.SessionState is Up, the actual
                // transmission interval used MUST NOT change until the Poll Sequence described above
                // has terminated." A decrease may apply at once.
                if (desired < txInUse) txInUse = desired;
                // "If bfd.RequiredMinRxInterval is reduced and bfd.SessionState is Up, the previous
                // value of bfd.RequiredMinRxInterval MUST be used when calculating the Detection Time
                // for the remote system until the Poll Sequence described above has terminated."
                if (required > rxInUse) rxInUse = required;
                startPoll();
            } else if (state != SessionState.UP) {
                txInUse = desiredMinTx;
                rxInUse = requiredMinRx;
            }
        }

        void change(SessionState to, Diagnostic diagnostic, String reason) {
            SessionState from = state;
            state = to;
            localDiag = diagnostic;
            if (to == SessionState.UP) {
                // Leaving the slow start rate of §6.8.3; the change is announced with a Poll.
                long desired = cfg.desiredMinTxMicros();
                if (desired != desiredMinTx) {
                    desiredMinTx = desired;
                    txInUse = Math.min(txInUse, desired);
                    startPoll();
                }
            } else if (from == SessionState.UP || to == SessionState.ADMIN_DOWN) {
                desiredMinTx = slowAtLeast(cfg.desiredMinTxMicros());
                txInUse = desiredMinTx;
                rxInUse = requiredMinRx;
                pollActive = false;
                pollPending = false;
            }
            out.add(new StateChanged(from, to, diagnostic, reason));
            sendNow = true;
        }

        // §6.5: a Poll Sequence already running ends first; the next one follows it.
        void startPoll() {
            if (pollActive) {
                pollPending = true;
            } else {
                pollActive = true;
                sendNow = true;
            }
        }

        Transition finish() {
            if (sendFinal) {
                send(true);
            } else if (sendNow && mayTransmitPeriodically()) {
                send(false);
            } else {
                retime();
            }
            return new Transition(new SessionVars(state, remoteState, localDiscr, remoteDiscr, localDiag, remoteDiag,
                    desiredMinTx, requiredMinRx, txInUse, rxInUse, remoteMinRx, remoteDesiredMinTx, remoteDetectMult,
                    remoteDemand, pollActive, pollPending, lastTx), out);
        }

        /**
         * §6.8.7 when nothing was sent: if the transmit interval changed, the next packet goes at the
         * last one plus the new (jittered) interval, or now if that has passed: "the local system
         * cannot wait longer than the new interval between the previous packet transmission and the
         * next one".
         */
        void retime() {
            boolean transmitting = mayTransmitPeriodically();
            if (!transmitting) {
                if (wasTransmitting || forceRetime) out.add(new StopTimer(Timer.TRANSMIT));
                return;
            }
            if (wasTransmitting && transmitInterval() == oldInterval && !forceRetime) return;
            if (lastTx == SessionVars.NEVER) {
                send(false);
                return;
            }
            long next = lastTx + jitteredNanos(transmitInterval());
            if (next - now <= 0) send(false);
            else out.add(new StartTimer(Timer.TRANSMIT, Duration.ofNanos(next - now)));
        }

        /** Sends now and schedules the next periodic packet. */
        void send(boolean fin) {
            // §6.8.7 contents: P only while polling and never together with F; C, D, M and the Echo
            // interval zero (no Echo, no Demand); A is added by the runtime when authenticating.
            out.add(new Send(new ControlPacket(localDiag, state, pollActive && !fin, fin, false, false, cfg.detectMultiplier(),
                    localDiscr, remoteDiscr, desiredMinTx, requiredMinRx, 0, Optional.empty())));
            lastTx = now;
            if (mayTransmitPeriodically()) out.add(new StartTimer(Timer.TRANSMIT, Duration.ofNanos(jitteredNanos(transmitInterval()))));
            else out.add(new StopTimer(Timer.TRANSMIT));
        }

        /** §6.8.7: the three rules that forbid periodic transmission. */
        boolean mayTransmitPeriodically() {
            if (cfg.passive() && remoteDiscr == 0) return false;
            if (remoteMinRx == 0) return false;
            return !(remoteDemand && state == SessionState.UP && remoteState == SessionState.UP && !pollActive);
        }

        long transmitInterval() {
            return Math.max(txInUse, remoteMinRx);
        }

        long receiveInterval() {
            return Math.max(rxInUse, remoteDesiredMinTx);
        }

        long detectionTime() {
            return remoteDetectMult * receiveInterval();
        }

        /** §6.8.7: 75–100 % of the interval, or 75–90 % with a Detect Mult of 1. */
        long jitteredNanos(long micros) {
            double max = cfg.detectMultiplier() == 1 ? MAX_JITTER_MULT_ONE : 1.0;
            double f = MIN_JITTER + (max - MIN_JITTER) * random.nextDouble();
            return (long) (micros * NANOS_PER_MICRO * f);
        }
    }
}
