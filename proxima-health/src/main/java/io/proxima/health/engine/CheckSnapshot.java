package io.proxima.health.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * What a check says to its services: its state after hysteresis and hold-down, why, and since when.
 *
 * @param since    nanoTime at which the check entered {@code state}
 * @param slowPass the latency of the last probe if it passed slower than the check's degraded latency
 */
public record CheckSnapshot(String check, CheckState state, String reason, long since, Optional<Duration> slowPass) {

    public CheckSnapshot {
        if (check == null || check.isEmpty()) throw new IllegalArgumentException("check name required");
        if (reason == null) throw new IllegalArgumentException("reason required");
    }
}
