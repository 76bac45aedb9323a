package io.proxima.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts nanosecond values from many threads at once, without locks or allocation, in log-linear
 * buckets of microseconds: exact below {@value #LINEAR} µs, then {@value #LINEAR} buckets per power
 * of two, so a percentile read back is at most 1/{@value #LINEAR} (1.6 %) above the true value. The
 * maximum is kept exactly. Negative values (a probe started before its planned time) count as 0.
 */
final class LatenessHistogram {

    /** Buckets per power of two, and the exact range at the bottom. */
    static final int LINEAR = 64;
    private static final int LINEAR_BITS = Integer.numberOfTrailingZeros(LINEAR);
    /** Values up to 2^40 µs (12 days) fit; anything above lands in the last bucket. */
    private static final int MAX_EXPONENT = 40;
    /** The exact range, then one row of LINEAR for each exponent from LINEAR_BITS to MAX_EXPONENT. */
    private static final int BUCKETS = (MAX_EXPONENT - LINEAR_BITS + 2) * LINEAR;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts.incrementAndGet(bucket(v / 1000));
        total.incrementAndGet();
        maxNanos.accumulateAndGet(v, Math::max);
    }

    long count() {
        return total.get();
    }

    long maxNanos() {
        return maxNanos.get();
    }

    /** The value at {@code quantile} (0..1], in nanoseconds: the upper edge of its bucket. */
    long percentileNanos(double quantile) {
        long n = total.get();
        if (n == 0) return 0;
        long rank = (long) Math.ceil(quantile * n);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts.get(b);
            if (seen >= rank) return Math.min(upperMicros(b) * 1000, maxNanos.get());
        }
        return maxNanos.get();
    }

    /** Below LINEAR µs: the value itself; above: LINEAR buckets for each power of two. */
    static int bucket(long micros) {
        if (micros < LINEAR) return (int) micros;
        int exponent = 63 - Long.numberOfLeadingZeros(micros); // >= LINEAR_BITS
        if (exponent > MAX_EXPONENT) return BUCKETS - 1;
        int mantissa = (int) (micros >>> (exponent - LINEAR_BITS)) & (LINEAR - 1);
        return (exponent - LINEAR_BITS + 1) * LINEAR + mantissa;
    }

    /** The largest value in microseconds that falls into bucket {@code b}. */
    static long upperMicros(int b) {
        if (b < LINEAR) return b;
        int exponent = b / LINEAR - 1 + LINEAR_BITS;
        long mantissa = b % LINEAR;
        long width = 1L << (exponent - LINEAR_BITS);
        return ((LINEAR + mantissa) << (exponent - LINEAR_BITS)) + width - 1;
    }
}
