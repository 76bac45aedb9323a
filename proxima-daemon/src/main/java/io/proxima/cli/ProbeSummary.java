package io.proxima.cli;

import java.util.List;

/**
 * The end of a {@code proxima probe} run: what the summary line and {@code -o json} print.
 *
 * @param instances every instance that answered, in order of first answer, with its share of answers
 * @param longestGapNanos the longest time between two consecutive answers (send times), 0 with fewer than two answers
 * @param rttP50Nanos median round-trip time of the answers, 0 without answers
 * @param unansweredAtEnd probes after the last answer that got none: an outage still going on when the run ended
 */
record ProbeSummary(long sent, long answered, long lost, List<InstanceShare> instances, List<ProbeEvent.Change> changes,
                    List<ProbeEvent.Resumed> outages, long longestGapNanos, long rttP50Nanos, long rttP99Nanos,
                    long unansweredAtEnd) {

    ProbeSummary {
        instances = List.copyOf(instances);
        changes = List.copyOf(changes);
        outages = List.copyOf(outages);
    }

    /** @param share of all answers, 0..1 */
    record InstanceShare(String name, long answers, double share) { }
}
