package io.proxima.cli;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one probe of {@code proxima probe} found: when it was sent, and which instance answered and
 * how fast, or nothing (lost: no answer within the timeout).
 *
 * @param seq the probe's number, from 0, in sending order
 * @param sentAt wall-clock time of sending, for the printed timestamps
 * @param sentNanos monotonic time of sending, for gaps (the wall clock may step)
 * @param instance the answering instance's identity; empty when lost
 * @param rttNanos round-trip time; meaningless when lost
 */
record ProbeOutcome(long seq, Instant sentAt, long sentNanos, Optional<String> instance, long rttNanos) {

    /** An answer that carried no identity (no id.server, NSID, header or banner): still an answer. */
    static final String UNIDENTIFIED = "-";

    ProbeOutcome {
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(instance, "instance");
    }

    static ProbeOutcome answered(long seq, Instant sentAt, long sentNanos, String instance, long rttNanos) {
        return new ProbeOutcome(seq, sentAt, sentNanos, Optional.of(instance), rttNanos);
    }

    static ProbeOutcome lost(long seq, Instant sentAt, long sentNanos) {
        return new ProbeOutcome(seq, sentAt, sentNanos, Optional.empty(), 0);
    }

    boolean isLost() {
        return instance.isEmpty();
    }
}
