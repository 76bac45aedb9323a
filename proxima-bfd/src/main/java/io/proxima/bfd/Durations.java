package io.proxima.bfd;

import java.time.Duration;

/** Intervals as people read them in logs: "300 ms", "1.5 ms", "1 s". */
final class Durations {

    private Durations() {
    }

    static String micros(long us) {
        if (us % 1_000_000 == 0 && us > 0) return us / 1_000_000 + " s";
        if (us % 1000 == 0) return us / 1000 + " ms";
        return String.format(java.util.Locale.ROOT, "%.3f ms", us / 1000.0);
    }

    static String of(Duration d) {
        return micros(d.toNanos() / 1000);
    }
}
