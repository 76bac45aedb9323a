package io.proxima.health.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The production {@link Scheduler}: one daemon platform thread and {@link System#nanoTime()}.
 *
 * <p>Every task runs on a tick: its due time is rounded up to the next multiple of {@link #TICK}.
 * With thousands of checks spread over their interval, a thread woken for each probe, timeout and
 * result spends more CPU going to sleep and waking up than on the work; on a tick, the tasks due
 * together run in one wake-up, and a result handed over while others are queued for the same tick
 * wakes nobody. A millisecond is far below any check's interval or timeout.
 *
 * <p>The queue is a binary heap of {@link Entry}s ordered by due time, then by the order they were
 * queued, each entry knowing its place so that a cancel removes it at once. A {@link #timer} keeps
 * one entry for good and re-queues it at every arming: the probe and timeout pending for each of
 * thousands of checks are then long-lived objects that a young collection does not copy, instead
 * of thousands of fresh tasks per second.
 *
 * <p>Lock strategy: the heap is guarded by {@code this}. Any thread may queue a task (results come
 * back from the probes' threads); the scheduler's thread takes due entries under the lock and runs
 * them outside it. A queued entry that becomes the earliest unparks the scheduler's thread.
 */
public final class ThreadScheduler implements Scheduler, AutoCloseable {

    /** The grid that task due times are rounded up to. */
    public static final Duration TICK = Duration.ofMillis(1);
    private static final long TICK_NANOS = TICK.toNanos();
    private static final int INITIAL_CAPACITY = 64;

    private final Thread thread;
    // Guarded by this.
    private Entry[] heap = new Entry[INITIAL_CAPACITY];
    private int size;
    private long queued;
    private volatile boolean closed;

    public ThreadScheduler(String threadName) {
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::loop);
        thread.start();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Entry e = new Entry(task);
        queue(e, delay.toNanos());
        return e;
    }

    @Override
    public Timer timer(Runnable task) {
        return new Entry(task);
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** Entries queued and not yet run or cancelled. */
    synchronized int pending() {
        return size;
    }

    private void loop() {
        while (!closed) {
            Entry due;
            long wait;
            synchronized (this) {
                due = size == 0 ? null : heap[0];
                wait = due == null ? Long.MAX_VALUE : due.at - System.nanoTime();
                if (wait <= 0) remove(due);
            }
            if (wait > 0) {
                if (wait == Long.MAX_VALUE) LockSupport.park(this);
                else LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                due.task.run();
            } catch (RuntimeException | Error e) {
                // One task's failure must not stop every other check's schedule.
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }

    private void queue(Entry e, long delayNanos) {
        long now = System.nanoTime();
        long onTick = Math.ceilDiv(now + Math.max(0, delayNanos), TICK_NANOS) * TICK_NANOS;
        boolean first;
        synchronized (this) {
            if (e.index >= 0) remove(e);
            e.at = onTick;
            e.seq = queued++;
            if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
            e.index = size++;
            heap[e.index] = e;
            up(e.index);
            first = heap[0] == e;
        }
        if (first && Thread.currentThread() != thread) LockSupport.unpark(thread);
    }

    private synchronized void cancel(Entry e) {
        if (e.index >= 0) remove(e);
    }

    // ---- the heap; callers hold the lock ----

    private void remove(Entry e) {
        int i = e.index;
        Entry last = heap[--size];
        heap[size] = null;
        e.index = -1;
        if (last == e) return;
        heap[i] = last;
        last.index = i;
        down(i);
        if (heap[i] == last) up(i);
    }

    private void up(int i) {
        Entry e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry p = heap[parent];
            if (!e.before(p)) break;
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = e;
        e.index = i;
    }

    private void down(int i) {
        Entry e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) child = right;
            if (!heap[child].before(e)) break;
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = e;
        e.index = i;
    }

    /** A queued task: one per {@link #schedule}, or one for good per {@link #timer}. */
    private final class Entry implements Timer {
        final Runnable task;
        /** Due time on the tick grid, and the queueing order among entries due on the same tick. */
        long at;
        long seq;
        /** Place in the heap, or -1 while not queued. */
        int index = -1;

        Entry(Runnable task) {
            this.task = task;
        }

        boolean before(Entry o) {
            return at != o.at ? at - o.at < 0 : seq < o.seq;
        }

        @Override
        public void arm(long delayNanos) {
            queue(this, delayNanos);
        }

        @Override
        public void cancel() {
            ThreadScheduler.this.cancel(this);
        }
    }
}
