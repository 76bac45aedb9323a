package io.proxima.health.probe;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * One configured check, ready to run: returns its verdict within {@code timeout} (a probe that
 * does not answer in time completes with a failed result, never later). Probes never throw; an
 * error is a failed {@link ProbeResult} with its reason.
 */
@FunctionalInterface
public interface Probe {
    CompletionStage<ProbeResult> probe(Duration timeout);
}
