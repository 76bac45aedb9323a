package io.proxima.health.probe;

import io.proxima.health.check.Timing;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Shared by the prober tests: a timing, and waiting for a verdict with a bound. */
final class ProbeFixture {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The probe promises an answer at its timeout; this is how much later the test gives up. */
    static final Duration SLACK = Duration.ofSeconds(10);

    private ProbeFixture() {}

    static Timing timing() {
        return new Timing(Duration.ofSeconds(30), TIMEOUT, 1, 1, Optional.empty(), Optional.empty());
    }

    static ProbeResult await(Probe probe, Duration timeout) throws Exception {
        return probe.probe(timeout).toCompletableFuture().get(timeout.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
    }

    static ProbeResult await(Probe probe) throws Exception {
        return await(probe, TIMEOUT);
    }
}
