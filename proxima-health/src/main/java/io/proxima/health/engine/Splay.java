package io.proxima.health.engine;

import java.time.Duration;

/**
 * The deterministic startup offset of a check: a hash of its name modulo its interval, so that
 * thousands of checks do not all probe at once, and the same check starts at the same offset on
 * every run. {@link String#hashCode()} is specified by the JLS, so it is stable across runs; the
 * SplitMix64 finalizer spreads names that differ only in their last characters.
 */
final class Splay {

    private Splay() {}

    static Duration offset(String check, Duration interval) {
        long z = check.hashCode() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Duration.ofNanos(Math.floorMod(z, interval.toNanos()));
    }
}
