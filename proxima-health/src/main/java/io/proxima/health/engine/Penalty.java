package io.proxima.health.engine;

/** RFC 2439's figure of merit of one check, as of {@code at} (nanoTime), and whether it is held down. */
record Penalty(double figure, long at, boolean suppressed) {

    static Penalty none(long now) {
        return new Penalty(0, now, false);
    }
}
