package io.proxima.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time in microseconds since the epoch. The benchmarks compare moments taken in several
 * processes (BIRD's "Since", the JVM that runs Proxima, the orchestrating JVM): all read the same
 * CLOCK_REALTIME of one host, and none of them runs long enough for NTP slewing to matter.
 */
final class Clock {

    private Clock() {
    }

    static long epochMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    static long epochMicros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
