package io.proxima.health.engine;

import java.time.Duration;

/**
 * The engine's one thread and its clock. Every task runs on that thread, one at a time, so the
 * engine's state needs no locks. Tests use a fake that runs due tasks as it advances time.
 */
public interface Scheduler extends Ticker {

    /** Runs {@code task} after {@code delay}; the handle cancels it if it has not started. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} soon, on the scheduler's thread (used to hand probe results back). */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /**
     * A timer for {@code task} that can be armed again and again, for a task that recurs for as
     * long as the engine runs (one check's probe, its timeout). Armed and cancelled on the
     * scheduler's thread only. This default schedules anew at every arming; a scheduler may reuse
     * one queue entry instead, so that the thousands of probes pending at any moment are not
     * garbage made afresh every round.
     */
    default Timer timer(Runnable task) {
        return new Timer() {
            private Cancellable pending;

            @Override
            public void arm(long delayNanos) {
                cancel();
                pending = schedule(Duration.ofNanos(delayNanos), task);
            }

            @Override
            public void cancel() {
                if (pending != null) pending.cancel();
                pending = null;
            }
        };
    }

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** See {@link #timer}. */
    interface Timer extends Cancellable {
        /** Runs the task once after {@code delayNanos}, replacing an arming that has not run yet. */
        void arm(long delayNanos);
    }
}
