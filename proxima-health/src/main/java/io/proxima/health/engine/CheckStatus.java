package io.proxima.health.engine;

import io.proxima.health.check.Timing;
import io.proxima.health.probe.ProbeResult;
import java.util.Optional;

/**
 * The hysteresis state machine of one check, pure and clock-free: (state, result, now) → (state,
 * transition?). {@code passes} counts consecutive passes towards {@code rise} while not UP,
 * {@code failures} consecutive failures towards {@code fall} while not DOWN.
 *
 * @param since when the check entered {@code state} (nanoTime of the deciding result)
 */
record CheckStatus(String check, CheckState state, String reason, long since, int passes, int failures) {

    static CheckStatus unknown(String check, long now) {
        return new CheckStatus(check, CheckState.UNKNOWN, check + ": no verdict yet", now, 0, 0);
    }

    /** The next status, and the transition if the state changed. */
    Step next(ProbeResult result, long now, Timing timing) {
        return result.pass() ? onPass(result, now, timing.rise()) : onFail(result, now, timing.fall());
    }

    /** {@code result} confirms a settled state, UP and passing or DOWN and failing: {@link #next} would change nothing. */
    boolean repeats(ProbeResult result) {
        return passes == 0 && failures == 0 && state == (result.pass() ? CheckState.UP : CheckState.DOWN);
    }

    /** A result differs from the state and has not yet changed it (or no verdict yet): probe fast. */
    boolean changing() {
        return switch (state) {
            case UNKNOWN -> true;
            case UP -> failures > 0;
            case DOWN -> passes > 0;
        };
    }

    private Step onPass(ProbeResult result, long now, int rise) {
        if (state == CheckState.UP) return Step.stay(new CheckStatus(check, state, reason, since, 0, 0));
        int count = passes + 1;
        if (count < rise) return Step.stay(new CheckStatus(check, state, reason, since, count, 0));
        String why = check + ": up after " + count + (count == 1 ? " pass" : " consecutive passes") + suffix(result);
        return Step.to(this, new CheckStatus(check, CheckState.UP, why, now, 0, 0));
    }

    private Step onFail(ProbeResult result, long now, int fall) {
        if (state == CheckState.DOWN) return Step.stay(new CheckStatus(check, state, reason, since, 0, 0));
        int count = failures + 1;
        if (count < fall) return Step.stay(new CheckStatus(check, state, reason, since, 0, count));
        String why = check + ": down after " + count + (count == 1 ? " failure" : " consecutive failures") + suffix(result);
        return Step.to(this, new CheckStatus(check, CheckState.DOWN, why, now, 0, 0));
    }

    private static String suffix(ProbeResult result) {
        return result.reason().isEmpty() ? "" : ": " + result.reason();
    }

    /** The outcome of one result: the next status and, if the state changed, the transition. */
    record Step(CheckStatus status, Optional<HealthEvent.CheckTransition> transition) {
        static Step stay(CheckStatus status) {
            return new Step(status, Optional.empty());
        }

        static Step to(CheckStatus from, CheckStatus to) {
            return new Step(to, Optional.of(new HealthEvent.CheckTransition(to.since(), to.check(), from.state(), to.state(), to.reason())));
        }
    }
}
