package io.proxima.bfd;

import java.time.Duration;
import java.util.Optional;

/**
 * One session's local parameters (RFC 5880 §6.8.1: bfd.DesiredMinTxInterval,
 * bfd.RequiredMinRxInterval, bfd.DetectMult, the Passive role, bfd.AuthType). The daemon's
 * {@code bfd: {interval, multiplier}} is {@link #of}: the same interval both ways.
 *
 * @param key              the peer, our address, optionally the interface
 * @param desiredMinTx     how often we want to send once Up; below one second it applies only in
 *                         Up (§6.8.3 slow start)
 * @param requiredMinRx    how often we can receive; the peer sends no faster
 * @param detectMultiplier packets the peer may lose before it declares us down; and our own jitter
 * @param passive          wait for the peer's first packet before sending (§6.1)
 * @param authentication   the key to sign and check packets with, if any (§6.7)
 */
public record SessionConfig(SessionKey key, Duration desiredMinTx, Duration requiredMinRx, int detectMultiplier,
                            boolean passive, Optional<AuthenticationKey> authentication) {

    /**
     * FRR's lower bound too. A JVM timer on a loaded two-core machine cannot keep a faster
     * schedule, and a session that cannot keep its own rate declares false failures.
     */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** The interval fields are 32-bit microsecond counts (RFC 5880 §4.1): about 71 minutes. */
    public static final Duration MAX_INTERVAL = Duration.ofNanos(ControlPacket.MAX_INTERVAL_MICROS * 1000);
    /** Detect Mult is one nonzero octet. */
    public static final int MAX_MULTIPLIER = ControlPacket.MAX_DETECT_MULT;

    public SessionConfig {
        checkInterval(desiredMinTx, "desired min TX interval");
        checkInterval(requiredMinRx, "required min RX interval");
        if (detectMultiplier < 1 || detectMultiplier > MAX_MULTIPLIER) {
            throw new IllegalArgumentException("detect multiplier " + detectMultiplier + " is not 1.." + MAX_MULTIPLIER);
        }
    }

    /** Active, unauthenticated, {@code interval} both ways. */
    public static SessionConfig of(SessionKey key, Duration interval, int multiplier) {
        return new SessionConfig(key, interval, interval, multiplier, false, Optional.empty());
    }

    public SessionConfig withDesiredMinTx(Duration d) {
        return new SessionConfig(key, d, requiredMinRx, detectMultiplier, passive, authentication);
    }

    public SessionConfig withRequiredMinRx(Duration d) {
        return new SessionConfig(key, desiredMinTx, d, detectMultiplier, passive, authentication);
    }

    public SessionConfig withDetectMultiplier(int m) {
        return new SessionConfig(key, desiredMinTx, requiredMinRx, m, passive, authentication);
    }

    public SessionConfig withPassive(boolean p) {
        return new SessionConfig(key, desiredMinTx, requiredMinRx, detectMultiplier, p, authentication);
    }

    public SessionConfig withAuthentication(AuthenticationKey k) {
        return new SessionConfig(key, desiredMinTx, requiredMinRx, detectMultiplier, passive, Optional.ofNullable(k));
    }

    long desiredMinTxMicros() {
        return desiredMinTx.toNanos() / 1000;
    }

    long requiredMinRxMicros() {
        return requiredMinRx.toNanos() / 1000;
    }

    private static void checkInterval(Duration d, String what) {
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(what + " " + d.toMillis() + " ms is not " + MIN_INTERVAL.toMillis() + " ms.." + MAX_INTERVAL.toSeconds() + " s");
        }
    }
}
