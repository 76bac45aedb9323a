package io.proxima.daemon;

import java.util.Arrays;

/**
 * A Prometheus histogram with fixed upper bounds: per-bucket counts, the count and the sum of the
 * observations, written as cumulative {@code _bucket{le=…}} samples plus {@code _count} and
 * {@code _sum}.
 *
 * <p>Lock: one monitor per histogram. {@link #observe} runs on the daemon's control or engine
 * thread, {@link #write} on an API request; both take well under a microsecond, so contention
 * cannot matter.
 */
final class Histogram {

    private final double[] bounds;
    /** counts[i]: observations in (bounds[i-1], bounds[i]]; the last slot is above every bound. */
    private final long[] counts;
    private long count;
    private double sum;

    Histogram(double[] bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
        }
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length + 1];
    }

    synchronized void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) i++;
        counts[i]++;
        count++;
        sum += value;
    }

    /** The samples of this series; {@code labels} are name, value pairs put before {@code le}. */
    synchronized void write(PrometheusText out, String name, String... labels) {
        String[] withLe = Arrays.copyOf(labels, labels.length + 2);
        withLe[labels.length] = "le";
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            cumulative += counts[i];
            withLe[labels.length + 1] = i < bounds.length ? PrometheusText.number(bounds[i]) : "+Inf";
            out.sample(name + "_bucket", cumulative, withLe);
        }
        out.sample(name + "_count", count, labels);
        out.sample(name + "_sum", sum, labels);
    }
}
