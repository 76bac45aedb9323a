package io.proxima.labkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes. This is how the lab waits for daemons
 * and routes: never a fixed sleep. A poll that throws counts as "not yet" (a control socket that
 * is not listening yet is normal during start-up); the last such exception becomes the cause of
 * the timeout.
 */
public final class Await {

    /** Short enough to see a BIRD FIB change within ~10 ms of it happening (LAB.md §3). */
    static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private Await() {
    }

    /** Waits until {@code condition} returns true; throws {@link LabException} naming {@code what}. */
    public static void until(Duration timeout, Supplier<Boolean> condition, String what) {
        value(timeout, condition, Boolean.TRUE::equals, what);
    }

    /** The same, with a description computed only on timeout (e.g. a log to quote). */
    public static void until(Duration timeout, Supplier<Boolean> condition, Supplier<String> what) {
        try {
            until(timeout, condition, "the condition");
        } catch (LabDiedException e) {
            throw e;
        } catch (LabException e) {
            throw new LabException(e.getMessage().replace("the condition", what.get()), e.getCause());
        }
    }

    /**
     * Waits until {@code probe}'s value satisfies {@code accept} and returns that value. On timeout
     * the message shows the last value seen, which is usually what explains the failure.
     */
    public static <T> T value(Duration timeout, Supplier<T> probe, Predicate<? super T> accept, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (accept.test(last)) return last;
            } catch (LabDiedException e) {
                throw e;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String seen = lastError != null ? "last poll failed: " + lastError.getMessage() : "last value: " + last;
                throw new LabException("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; " + seen, lastError);
            }
            pause();
        }
    }

    /**
     * The one wait no event can end: proving something does NOT happen. Polls {@code happened}
     * for the whole {@code window} and throws {@link LabException} if it ever holds. The window
     * must span several chances for it to happen (e.g. several connect attempts).
     */
    public static void never(Duration window, Supplier<Boolean> happened, String what) {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Boolean.TRUE.equals(happened.get())) throw new LabException("unexpected within " + window.toMillis() + " ms: " + what);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while waiting", e);
        }
    }
}
