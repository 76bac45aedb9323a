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

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
