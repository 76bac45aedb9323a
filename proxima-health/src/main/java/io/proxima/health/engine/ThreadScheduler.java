package io.proxima.health.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: one daemon platform thread and {@link System#nanoTime()}.
 *
 * <p>Every task runs on a tick: its due time is rounded up to the next multiple of {@link #TICK}.
 * With thousands of checks spread over their interval, a thread woken for each probe, timeout and
 * result spends more CPU going to sleep and waking up than on the work; on a tick, the tasks due
 * together run in one wake-up, and a result handed over while others are queued for the same tick
 * wakes nobody. A millisecond is far below any check's interval or timeout.
 */
public final class ThreadScheduler implements Scheduler, AutoCloseable {

    /** The grid that task due times are rounded up to. */
    public static final Duration TICK = Duration.ofMillis(1);
    private static final long TICK_NANOS = TICK.toNanos();

    private final ScheduledThreadPoolExecutor executor;

    public ThreadScheduler(String threadName) {
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // Nearly every probe's timeout is cancelled when its result arrives: drop it from the
        // queue then, rather than keep thousands of dead timers in the heap until they expire.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long now = System.nanoTime();
        long onTick = Math.ceilDiv(now + delay.toNanos(), TICK_NANOS) * TICK_NANOS;
        var future = executor.schedule(task, onTick - now, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
