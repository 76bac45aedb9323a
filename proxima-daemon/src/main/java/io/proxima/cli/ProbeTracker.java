package io.proxima.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core of {@code proxima probe}: fed the outcome of each probe in sending order, it tells which
 * instance answers, every change of instance with the gap around it, and keeps the figures of
 * the summary. It never reads a clock: times come in the outcomes, so tests fabricate them.
 *
 * <p>Not thread-safe: one thread feeds it (the probe loop delivers outcomes in order).
 */
final class ProbeTracker {

    /** Initial room for round-trip times; the list grows with the run. */
    private static final int INITIAL_RTTS = 1024;
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;

    private long sent;
    private long answered;
    private long lost;
    private long lostSinceAnswer;
    private String current;
    private long lastAnswerNanos;
    private long longestGap;
    private final Map<String, Long> answersByInstance = new LinkedHashMap<>();
    private final List<ProbeEvent.Change> changes = new ArrayList<>();
    private final List<ProbeEvent.Resumed> outages = new ArrayList<>();
    private long[] rtts = new long[INITIAL_RTTS];

    /** Records one outcome; returns what it reveals (nothing, or one event). */
    List<ProbeEvent> record(ProbeOutcome o) {
        sent++;
        if (o.isLost()) {
            lost++;
            lostSinceAnswer++;
            return List.of();
        }
        String instance = o.instance().get();
        if (answered == rtts.length) rtts = Arrays.copyOf(rtts, rtts.length * 2);
        rtts[(int) answered++] = o.rttNanos();
        answersByInstance.merge(instance, 1L, Long::sum);
        ProbeEvent event = null;
        if (current == null) {
            event = new ProbeEvent.First(o.sentAt(), instance, lostSinceAnswer);
        } else {
            long gap = o.sentNanos() - lastAnswerNanos;
            longestGap = Math.max(longestGap, gap);
            if (!instance.equals(current)) {
                ProbeEvent.Change c = new ProbeEvent.Change(o.sentAt(), current, instance, gap, lostSinceAnswer);
                changes.add(c);
                event = c;
            } else if (lostSinceAnswer > 0) {
                ProbeEvent.Resumed r = new ProbeEvent.Resumed(o.sentAt(), instance, gap, lostSinceAnswer);
                outages.add(r);
                event = r;
            }
        }
        current = instance;
        lastAnswerNanos = o.sentNanos();
        lostSinceAnswer = 0;
        return event == null ? List.of() : List.of(event);
    }

    ProbeSummary summary() {
        List<ProbeSummary.InstanceShare> shares = new ArrayList<>();
        answersByInstance.forEach((name, n) -> shares.add(new ProbeSummary.InstanceShare(name, n, (double) n / answered)));
        long[] sorted = Arrays.copyOf(rtts, (int) answered);
        Arrays.sort(sorted);
        return new ProbeSummary(sent, answered, lost, shares, changes, outages, longestGap,
                percentile(sorted, P50), percentile(sorted, P99), lostSinceAnswer);
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
