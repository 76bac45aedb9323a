package io.proxima.health.check;

import java.time.Duration;
import java.util.Optional;

/**
 * When and how often a check runs, and how many results change its state.
 *
 * @param interval         between probes while the state is steady
 * @param timeout          a probe's limit; smaller than the interval
 * @param rise             consecutive passes that make an UNKNOWN or DOWN check UP
 * @param fall             consecutive failures that make an UP check DOWN
 * @param fastInterval     between probes while the state is changing (a pass after a failure, or
 *                         the reverse), if set; never longer than the interval
 * @param degradedLatency  a passing probe slower than this makes the service DEGRADED, if set
 */
public record Timing(Duration interval, Duration timeout, int rise, int fall, Optional<Duration> fastInterval,
                     Optional<Duration> degradedLatency) {

    /** At most this many consecutive results are needed to change state. */
    public static final int MAX_RISE_FALL = 100;

    public Timing {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (timeout.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("timeout " + timeout.toMillis() + " ms must be smaller than interval " + interval.toMillis() + " ms");
        }
        if (rise < 1 || rise > MAX_RISE_FALL) throw new IllegalArgumentException("rise must be 1.." + MAX_RISE_FALL + ", not " + rise);
        if (fall < 1 || fall > MAX_RISE_FALL) throw new IllegalArgumentException("fall must be 1.." + MAX_RISE_FALL + ", not " + fall);
        fastInterval.ifPresent(f -> {
            if (f.isNegative() || f.isZero() || f.compareTo(interval) > 0) {
                throw new IllegalArgumentException("fast interval must be positive and at most the interval");
            }
        });
    }
}
