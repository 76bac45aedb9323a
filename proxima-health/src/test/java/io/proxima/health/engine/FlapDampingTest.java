package io.proxima.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlapDampingTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Timing ONE_EACH = new Timing(INTERVAL, Duration.ofSeconds(1), 1, 1, Optional.empty(), Optional.empty());
    private static final ProbeResult PASS = ProbeResult.pass(Duration.ofMillis(3), "ok");
    private static final ProbeResult FAIL = ProbeResult.fail(Duration.ofMillis(3), "HTTP 503");

    private TrackedCheck check = TrackedCheck.start("api", ONE_EACH, FlapDamping.DEFAULTS, 0);
    private long now;

    private void feed(ProbeResult r) {
        now += INTERVAL.toNanos();
        check = check.advance(r, now);
    }

    @Test
    void penaltyHalvesEveryHalfLife() {
        FlapDamping d = FlapDamping.DEFAULTS;
        Penalty p = d.charge(Penalty.none(0), 0);
        assertThat(d.decay(p, d.halfLife().toNanos()).figure()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void defaultsNeverSuppressAnOrdinaryFailover() {
        feed(PASS);
        feed(FAIL);
        feed(PASS);
        assertThat(check.penalty().figure()).isGreaterThan(1900);
        assertThat(check.snapshot().state()).isEqualTo(CheckState.UP);
        assertThat(check.penalty().suppressed()).isFalse();
    }

    @Test
    void defaultsSuppressACheckFlappingEveryIntervalAndReleaseItAfterDecay() {
        feed(PASS);
        feed(FAIL);
        feed(PASS);
        feed(FAIL);
        feed(PASS);
        assertThat(check.raw().state()).isEqualTo(CheckState.UP);
        assertThat(check.snapshot().state()).isEqualTo(CheckState.DOWN);
        assertThat(check.snapshot().reason()).startsWith("api: held down for flapping (penalty ");
        long heldSince = check.snapshot().since();

        // Steady now: the figure (about 3900) needs more than two half-lives to fall below 750.
        feed(PASS);
        assertThat(check.snapshot().state()).isEqualTo(CheckState.DOWN);
        assertThat(check.snapshot().since()).isEqualTo(heldSince);
        now += FlapDamping.DEFAULT_HALF_LIFE.multipliedBy(2).toNanos();
        feed(PASS);
        assertThat(check.snapshot().state()).isEqualTo(CheckState.DOWN);
        now += FlapDamping.DEFAULT_HALF_LIFE.toNanos();
        TrackedCheck held = check;
        check = check.advance(PASS, now);
        assertThat(check.snapshot().state()).isEqualTo(CheckState.UP);
        assertThat(check.snapshot().reason()).startsWith("api: released from hold-down; api: up after 1 pass");
        assertThat(check.transitionFrom(held, now)).isNotNull();
    }

    @Test
    void aSteadyCheckConfirmedAgainIsTheSameValue() {
        feed(PASS);
        TrackedCheck up = check;
        feed(PASS);
        assertThat(check).isSameAs(up);
        feed(FAIL); // down at once (fall 1): a new value
        assertThat(check).isNotSameAs(up);
        TrackedCheck down = check;
        assertThat(down.snapshot().state()).isEqualTo(CheckState.DOWN);
        feed(FAIL);
        assertThat(check).isSameAs(down);
        feed(PASS);
        assertThat(check).isNotSameAs(down);
    }

    @Test
    void leavingUnknownIsNotAFlap() {
        feed(FAIL);
        assertThat(check.penalty().figure()).isZero();
    }

    @Test
    void ceilingBoundsTheHoldDown() {
        for (int i = 0; i < 100; i++) feed(i % 2 == 0 ? PASS : FAIL);
        assertThat(check.penalty().figure()).isLessThanOrEqualTo(FlapDamping.DEFAULT_CEILING);
    }
}
