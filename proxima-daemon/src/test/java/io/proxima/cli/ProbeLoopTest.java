package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The loop on a clock that jumps instead of sleeping, with probers that answer on cue. */
class ProbeLoopTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    /** Monotonic time starts at 0; sleeping moves it to the deadline at once. */
    static final class JumpingClock implements ProbeClock {
        final AtomicLong now = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public Instant now() {
            return T0.plusNanos(now.get());
        }

        @Override
        public void sleepUntil(long deadline) {
            now.accumulateAndGet(deadline, Math::max);
        }
    }

    /** Answers "site-a" for even probes and nothing for odd ones; probe 0 answers only after probe 1 is done. */
    static final class CuedProber implements Prober {
        final CountDownLatch oneDone = new CountDownLatch(1);

        @Override
        public Optional<Answer> probe(long seq, Duration timeout) throws InterruptedException, IOException {
            if (seq == 0) assertThat(oneDone.await(5, TimeUnit.SECONDS)).isTrue();
            try {
                if (seq == 3) throw new IOException("no route to host");
                return seq % 2 == 0 ? Optional.of(new Answer("site-a", 1_000)) : Optional.empty();
            } finally {
                if (seq == 1) oneDone.countDown();
            }
        }

        @Override
        public String describe() {
            return "cued";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void outcomesArriveInSendingOrderOnAFixedGrid() throws InterruptedException {
        List<ProbeOutcome> got = new ArrayList<>();
        new ProbeLoop(new CuedProber(), new JumpingClock(), INTERVAL, Duration.ofSeconds(1), new ProbeLoop.Limit(6, null))
                .run(new AtomicBoolean(), got::add);
        assertThat(got).extracting(ProbeOutcome::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(got).extracting(ProbeOutcome::sentNanos).containsExactly(0L, 10_000_000L, 20_000_000L, 30_000_000L, 40_000_000L, 50_000_000L);
        assertThat(got).extracting(o -> o.instance().orElse("lost")).containsExactly("site-a", "lost", "site-a", "lost", "site-a", "lost");
        assertThat(got.get(2).sentAt()).isEqualTo(T0.plusMillis(20));
        assertThat(got.get(0).rttNanos()).as("the prober's own timing").isEqualTo(1_000);
    }

    @Test
    void aDurationStopsTheSendingAndAStopFlagToo() throws InterruptedException {
        List<ProbeOutcome> got = new ArrayList<>();
        new ProbeLoop(new CuedProber(), new JumpingClock(), INTERVAL, Duration.ofSeconds(1), new ProbeLoop.Limit(Long.MAX_VALUE, Duration.ofMillis(35)))
                .run(new AtomicBoolean(), got::add);
        assertThat(got).hasSize(4); // sent at 0, 10, 20 and 30 ms

        AtomicBoolean stop = new AtomicBoolean(true);
        List<ProbeOutcome> none = new ArrayList<>();
        new ProbeLoop(new CuedProber(), new JumpingClock(), INTERVAL, Duration.ofSeconds(1), ProbeLoop.Limit.UNLIMITED).run(stop, none::add);
        assertThat(none).isEmpty();
    }
}
