package io.proxima.bgp.interop;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one kind of wait a positive event cannot end: proving something does NOT happen. The
 * window spans several of the speaker's connect attempts (1 s apart, backing off), so a wrong
 * MD5 key gets its chances to fail.
 */
final class InteropMoments {

    static final Duration NEGATIVE_WINDOW = Duration.ofSeconds(6);
    private static final long POLL_MILLIS = 50;

    private InteropMoments() {
    }

    static void neverWithin(Duration window, BooleanSupplier happened, String what) throws InterruptedException {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            if (happened.getAsBoolean()) throw new AssertionError("unexpected: " + what);
            Thread.sleep(POLL_MILLIS); // polling a condition over a fixed window, not synchronising on an event
        }
    }
}
