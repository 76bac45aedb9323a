package io.proxima.bfd;

import java.time.Duration;
import java.time.Instant;

/**
 * One session as it is now, immutable: for {@code proxima status}, the API and metrics. The
 * negotiated values follow RFC 5880 §6.8.2–§6.8.4.
 *
 * @param key                 the session
 * @param state               bfd.SessionState
 * @param remoteState         the peer's state as last received
 * @param localDiagnostic     bfd.LocalDiag: why we last changed state
 * @param remoteDiagnostic    the peer's diagnostic as last received
 * @param localDiscriminator  bfd.LocalDiscr, unsigned
 * @param remoteDiscriminator bfd.RemoteDiscr, unsigned; 0 until known
 * @param sourcePort          our UDP source port (49152–65535, RFC 5881 §4)
 * @param desiredMinTx        configured
 * @param requiredMinRx       configured
 * @param detectMultiplier    configured
 * @param remoteDesiredMinTx  the peer's Desired Min TX Interval as last received
 * @param remoteRequiredMinRx the peer's Required Min RX Interval as last received (bfd.RemoteMinRxInterval)
 * @param remoteDetectMultiplier the peer's Detect Mult as last received, 0 before any
 * @param transmitInterval    the agreed interval of our packets: max(our desired TX in use, the
 *                            peer's required RX), before jitter; the slow rate of one second
 *                            applies until Up
 * @param receiveInterval     the agreed interval of the peer's packets: max(our required RX in use,
 *                            the peer's desired TX)
 * @param detectionTime       the peer's Detect Mult × the receive interval (§6.8.4); zero before any packet
 * @param pollActive          a Poll Sequence is under way (§6.5)
 * @param authenticated       packets are signed and checked (§6.7)
 * @param since               the last state change, or when the session was added
 * @param counters            packets, errors, transitions and drops
 */
public record SessionSnapshot(SessionKey key, SessionState state, SessionState remoteState, Diagnostic localDiagnostic,
                              Diagnostic remoteDiagnostic, long localDiscriminator, long remoteDiscriminator, int sourcePort,
                              Duration desiredMinTx, Duration requiredMinRx, int detectMultiplier,
                              Duration remoteDesiredMinTx, Duration remoteRequiredMinRx, int remoteDetectMultiplier,
                              Duration transmitInterval, Duration receiveInterval, Duration detectionTime,
                              boolean pollActive, boolean authenticated, Instant since, Counters counters) {
}
