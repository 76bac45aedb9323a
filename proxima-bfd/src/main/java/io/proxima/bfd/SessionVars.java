package io.proxima.bfd;

/**
 * The state variables of one session (RFC 5880 §6.8.1), immutable: each step of {@link Fsm} makes
 * a new value. Intervals are microseconds, as on the wire.
 *
 * @param sessionState       bfd.SessionState
 * @param remoteSessionState bfd.RemoteSessionState: the State of the last packet received
 * @param localDiscr         bfd.LocalDiscr, nonzero and unique in the service
 * @param remoteDiscr        bfd.RemoteDiscr: the peer's My Discriminator, 0 until known and again
 *                           after a Detection Time without packets
 * @param localDiag          bfd.LocalDiag: why we last changed state
 * @param remoteDiag         the Diagnostic of the last packet received
 * @param desiredMinTx       bfd.DesiredMinTxInterval as sent: at least one second unless Up (§6.8.3)
 * @param requiredMinRx      bfd.RequiredMinRxInterval as sent
 * @param txDesiredInUse     the desired TX interval our transmission uses: an increase waits for the
 *                           Poll Sequence to end (§6.8.3)
 * @param rxRequiredInUse    the required RX interval our Detection Time uses: a decrease waits for
 *                           the Poll Sequence to end (§6.8.3)
 * @param remoteMinRx        bfd.RemoteMinRxInterval, 1 until the first packet (§6.8.1)
 * @param remoteDesiredMinTx the Desired Min TX Interval of the last packet received
 * @param remoteDetectMult   the Detect Mult of the last packet received, 0 before any
 * @param remoteDemandMode   bfd.RemoteDemandMode
 * @param pollActive         a Poll Sequence is being transmitted: periodic packets carry P (§6.5)
 * @param pollPending        parameters changed during a Poll Sequence: another follows it (§6.5)
 * @param lastTxNanos        when we last sent, on the runtime's clock; {@link #NEVER} before that
 */
record SessionVars(SessionState sessionState, SessionState remoteSessionState, int localDiscr, int remoteDiscr,
                   Diagnostic localDiag, Diagnostic remoteDiag, long desiredMinTx, long requiredMinRx,
                   long txDesiredInUse, long rxRequiredInUse, long remoteMinRx, long remoteDesiredMinTx,
                   int remoteDetectMult, boolean remoteDemandMode, boolean pollActive, boolean pollPending,
                   long lastTxNanos) {

    static final long NEVER = Long.MIN_VALUE;

    /** §6.8.1: bfd.RemoteMinRxInterval "MUST be initialized to 1". */
    static final long INITIAL_REMOTE_MIN_RX = 1;

    /** A new session in Down, with no packet received yet (§6.8.1 initial values). */
    static SessionVars initial(SessionConfig cfg, int localDiscr) {
        if (localDiscr == 0) throw new IllegalArgumentException("bfd.LocalDiscr must be nonzero");
        long tx = Fsm.slowAtLeast(cfg.desiredMinTxMicros());
        return new SessionVars(SessionState.DOWN, SessionState.DOWN, localDiscr, 0, Diagnostic.NONE, Diagnostic.NONE,
                tx, cfg.requiredMinRxMicros(), tx, cfg.requiredMinRxMicros(), INITIAL_REMOTE_MIN_RX, 0, 0,
                false, false, false, NEVER);
    }

    /** §6.8.7: the larger of what we want and what the peer can take. */
    long transmitIntervalMicros() {
        return Math.max(txDesiredInUse, remoteMinRx);
    }

    /** The agreed interval of the peer's packets to us: the larger of what we require and what it wants. */
    long receiveIntervalMicros() {
        return Math.max(rxRequiredInUse, remoteDesiredMinTx);
    }

    /** §6.8.4, Asynchronous mode: the peer's Detect Mult times the agreed interval; 0 before any packet. */
    long detectionTimeMicros() {
        return remoteDetectMult * receiveIntervalMicros();
    }
}
