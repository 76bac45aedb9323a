package io.proxima.health.engine;

import java.time.Duration;
import java.util.PriorityQueue;

/** A {@link Scheduler} whose time moves only when a test advances it; due tasks run in time order. */
final class FakeScheduler implements Scheduler {

    private record Task(long due, long seq, Runnable run, boolean[] cancelled) {}

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;
    private int ran;
    private long lag;

    /** Runs every task this much after it is due, as a busy thread would. */
    FakeScheduler lagging(Duration by) {
        lag = by.toNanos();
        return this;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(now + delay.toNanos(), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /**
     * Runs every task due up to {@code now + by}, advancing time to each task's due time (plus the
     * lag, if any; time never goes back).
     */
    void advance(Duration by) {
        long target = now + by.toNanos();
        while (!queue.isEmpty() && queue.peek().due <= target) {
            Task t = queue.poll();
            now = Math.max(now, t.due + lag);
            if (!t.cancelled[0]) {
                ran++;
                t.run.run();
            }
        }
        now = Math.max(now, target);
    }

    /** Tasks not yet cancelled, waiting to run. */
    long pending() {
        return queue.stream().filter(t -> !t.cancelled[0]).count();
    }

    int ran() {
        return ran;
    }
}
