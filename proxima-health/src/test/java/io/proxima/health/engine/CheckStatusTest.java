package io.proxima.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.ProbeResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckStatusTest {

    private static final Timing RISE3_FALL2 = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 2,
            Optional.empty(), Optional.empty());
    private static final ProbeResult PASS = ProbeResult.pass(Duration.ofMillis(3), "HTTP 200");
    private static final ProbeResult FAIL = ProbeResult.fail(Duration.ofMillis(3), "connect refused");

    private CheckStatus status = CheckStatus.unknown("web", 0);
    private long now;

    private CheckStatus.Step feed(ProbeResult r) {
        CheckStatus.Step step = status.next(r, ++now, RISE3_FALL2);
        status = step.status();
        return step;
    }

    @Test
    void unknownRisesAfterExactlyRisePasses() {
        assertThat(feed(PASS).transition()).isEmpty();
        assertThat(feed(PASS).transition()).isEmpty();
        assertThat(status.state()).isEqualTo(CheckState.UNKNOWN);
        var t = feed(PASS).transition().orElseThrow();
        assertThat(t.from()).isEqualTo(CheckState.UNKNOWN);
        assertThat(t.to()).isEqualTo(CheckState.UP);
        assertThat(t.at()).isEqualTo(3);
        assertThat(status.since()).isEqualTo(3);
        assertThat(status.reason()).isEqualTo("web: up after 3 consecutive passes: HTTP 200");
    }

    @Test
    void upFallsAfterExactlyFallFailures() {
        for (int i = 0; i < 3; i++) feed(PASS);
        assertThat(feed(FAIL).transition()).isEmpty();
        assertThat(status.state()).isEqualTo(CheckState.UP);
        var t = feed(FAIL).transition().orElseThrow();
        assertThat(t.to()).isEqualTo(CheckState.DOWN);
        assertThat(status.reason()).isEqualTo("web: down after 2 consecutive failures: connect refused");
        assertThat(status.since()).isEqualTo(5);
    }

    @Test
    void unknownFallsAfterFallFailures() {
        feed(FAIL);
        assertThat(status.state()).isEqualTo(CheckState.UNKNOWN);
        assertThat(feed(FAIL).transition().orElseThrow().to()).isEqualTo(CheckState.DOWN);
    }

    @Test
    void downRisesAfterRisePassesAndAnInterruptedStreakStartsOver() {
        feed(FAIL);
        feed(FAIL);
        feed(PASS);
        feed(PASS);
        feed(FAIL);
        assertThat(status.state()).isEqualTo(CheckState.DOWN);
        feed(PASS);
        feed(PASS);
        assertThat(status.state()).isEqualTo(CheckState.DOWN);
        assertThat(feed(PASS).transition().orElseThrow().to()).isEqualTo(CheckState.UP);
    }

    @Test
    void steadyResultsKeepReasonAndTimestamp() {
        feed(FAIL);
        feed(FAIL);
        CheckStatus down = status;
        feed(FAIL);
        assertThat(status.reason()).isEqualTo(down.reason());
        assertThat(status.since()).isEqualTo(down.since());
    }

    @Test
    void changingWhileUnknownOrWhileAStreakOpposesTheState() {
        assertThat(status.changing()).isTrue();
        for (int i = 0; i < 3; i++) feed(PASS);
        assertThat(status.changing()).isFalse();
        feed(FAIL);
        assertThat(status.changing()).isTrue();
        feed(PASS);
        assertThat(status.changing()).isFalse();
    }
}
