package io.proxima.cli;

import java.time.Instant;

/**
 * What {@code proxima probe} reports as it happens. A gap is measured like the lab measures
 * failover: from the sending of the last answered probe before it to the sending of the first
 * answered probe after it. With no probe lost the gap is one interval: the change fell between two
 * probes, and the interval is the resolution.
 */
sealed interface ProbeEvent {

    /** When the probe that revealed the event was sent. */
    Instant at();

    /** The first answer of the run, after {@code lostBefore} unanswered probes. */
    record First(Instant at, String instance, long lostBefore) implements ProbeEvent { }

    /** Another instance answers. */
    record Change(Instant at, String from, String to, long gapNanos, long lost) implements ProbeEvent { }

    /** Answers resume from the same instance after {@code lost} probes went unanswered. */
    record Resumed(Instant at, String instance, long gapNanos, long lost) implements ProbeEvent { }
}
