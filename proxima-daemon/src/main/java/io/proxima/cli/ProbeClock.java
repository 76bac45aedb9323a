package io.proxima.cli;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Time for the probe loop, injected so that the loop can be driven by a test clock. The system
 * clock pairs a monotonic clock (for scheduling and gaps) with the wall clock (for timestamps).
 */
interface ProbeClock {

    long nanoTime();

    Instant now();

    /** Waits until {@link #nanoTime()} reaches {@code deadline}; returns early if interrupted. */
    void sleepUntil(long deadline);

    ProbeClock SYSTEM = new ProbeClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleepUntil(long deadline) {
            for (long left; (left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted(); ) {
                LockSupport.parkNanos(left);
            }
        }
    };
}
