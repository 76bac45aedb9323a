package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker fed fabricated timings: a 10 ms grid, no clock, no sleeping. */
class ProbeTrackerTest {

    private static final long INTERVAL = 10_000_000L;
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private final ProbeTracker tracker = new ProbeTracker();
    private final List<ProbeEvent> events = new ArrayList<>();
    private long seq;

    /** Feeds one probe per letter: an instance name, or '.' for a lost probe. RTT 1 ms + 0.1 ms × seq. */
    private void feed(String pattern) {
        for (char c : pattern.toCharArray()) {
            long s = seq++;
            Instant at = T0.plusNanos(s * INTERVAL);
            ProbeOutcome o = c == '.' ? ProbeOutcome.lost(s, at, s * INTERVAL)
                    : ProbeOutcome.answered(s, at, s * INTERVAL, "site-" + c, 1_000_000 + s * 100_000);
            events.addAll(tracker.record(o));
        }
    }

    @Test
    void aSteadyRunHasOneInstanceAndNoChange() {
        feed("aaaaaaaaaa");
        ProbeSummary s = tracker.summary();
        assertThat(events).containsExactly(new ProbeEvent.First(T0, "site-a", 0));
        assertThat(s.sent()).isEqualTo(10);
        assertThat(s.answered()).isEqualTo(10);
        assertThat(s.changes()).isEmpty();
        assertThat(s.longestGapNanos()).as("one interval: nothing lost").isEqualTo(INTERVAL);
        assertThat(s.instances()).containsExactly(new ProbeSummary.InstanceShare("site-a", 10, 1.0));
    }

    @Test
    void aChangeReportsTheGapFromTheLastOldAnswerToTheFirstNewOne() {
        feed("aaaa...bbbb");
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new ProbeEvent.Change(T0.plusNanos(7 * INTERVAL), "site-a", "site-b", 4 * INTERVAL, 3));
        ProbeSummary s = tracker.summary();
        assertThat(s.changes()).hasSize(1);
        assertThat(s.lost()).isEqualTo(3);
        assertThat(s.longestGapNanos()).isEqualTo(4 * INTERVAL);
        assertThat(s.instances()).extracting(ProbeSummary.InstanceShare::name, ProbeSummary.InstanceShare::answers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("site-a", 4L), org.assertj.core.groups.Tuple.tuple("site-b", 4L));
        assertThat(s.instances().get(0).share()).isEqualTo(0.5);
    }

    @Test
    void aChangeWithoutLossHasAGapOfOneInterval() {
        feed("aab");
        assertThat(events.get(1)).isEqualTo(new ProbeEvent.Change(T0.plusNanos(2 * INTERVAL), "site-a", "site-b", INTERVAL, 0));
    }

    @Test
    void lossWithoutAChangeIsAnOutageNotAChange() {
        feed("aa.....aa");
        assertThat(events).containsExactly(new ProbeEvent.First(T0, "site-a", 0),
                new ProbeEvent.Resumed(T0.plusNanos(7 * INTERVAL), "site-a", 6 * INTERVAL, 5));
        ProbeSummary s = tracker.summary();
        assertThat(s.changes()).isEmpty();
        assertThat(s.outages()).hasSize(1);
        assertThat(s.longestGapNanos()).isEqualTo(6 * INTERVAL);
    }

    @Test
    void flappingCountsEveryChange() {
        feed("abab");
        assertThat(tracker.summary().changes()).extracting(ProbeEvent.Change::to).containsExactly("site-b", "site-a", "site-b");
    }

    @Test
    void lossBeforeTheFirstAnswerAndAfterTheLastIsReported() {
        feed("..aa...");
        assertThat(events).containsExactly(new ProbeEvent.First(T0.plusNanos(2 * INTERVAL), "site-a", 2));
        ProbeSummary s = tracker.summary();
        assertThat(s.unansweredAtEnd()).isEqualTo(3);
        assertThat(s.lost()).isEqualTo(5);
        assertThat(s.longestGapNanos()).as("open gaps are not closed gaps").isEqualTo(INTERVAL);
    }

    @Test
    void noAnswerAtAll() {
        feed("....");
        ProbeSummary s = tracker.summary();
        assertThat(events).isEmpty();
        assertThat(s.answered()).isZero();
        assertThat(s.instances()).isEmpty();
        assertThat(s.rttP50Nanos()).isZero();
        assertThat(s.longestGapNanos()).isZero();
    }

    @Test
    void rttPercentilesAreNearestRank() {
        feed("a".repeat(100)); // RTTs 1.0, 1.1, ... 10.9 ms
        ProbeSummary s = tracker.summary();
        assertThat(s.rttP50Nanos()).isEqualTo(1_000_000 + 49 * 100_000);
        assertThat(s.rttP99Nanos()).isEqualTo(1_000_000 + 98 * 100_000);
        assertThat(ProbeTracker.percentile(new long[] {5}, 0.99)).isEqualTo(5);
    }

    @Test
    void eventsPrintAsOneLineEach() {
        feed("aa..b");
        assertThat(ProbeReport.line(events.get(0))).isEqualTo("2026-11-26T12:00:00.000Z  site-a answers");
        assertThat(ProbeReport.line(events.get(1))).isEqualTo("2026-11-26T12:00:00.040Z  site-a \u2192 site-b  gap 30.0 ms, 2 probes lost");
        assertThat(ProbeReport.summary(tracker.summary())).containsExactly(
                "--- summary ---",
                "5 probes, 3 answered, 2 lost (40.0%)",
                "instances: site-a 2 (66.7%) site-b 1 (33.3%)",
                "1 change, longest gap 30.0 ms",
                "rtt p50 1.1 ms, p99 1.4 ms");
    }
}
