package io.proxima.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One kind of probe of {@code proxima probe}: sends one request and says which instance answered.
 * Called from many virtual threads at once, one per probe in flight; implementations are
 * thread-safe. Only JDK networking: the command runs on any client.
 */
interface Prober extends AutoCloseable {

    /**
     * An answer: who answered, and the round trip, timed by the prober as close to the socket as
     * it can (from just before sending to the moment the answer was read), so that the scheduling
     * of the probe's thread does not count.
     *
     * @param instance the answering instance's identity, {@link ProbeOutcome#UNIDENTIFIED} if the
     *     answer carried none
     */
    record Answer(String instance, long rttNanos) { }

    /**
     * Sends probe {@code seq} and waits for its answer.
     *
     * @return the answer, or empty if none came within {@code timeout}
     * @throws IOException when the request cannot be sent at all (no route, refused): a lost probe
     */
    Optional<Answer> probe(long seq, Duration timeout) throws IOException, InterruptedException;

    /** How the probe is described in the first line of output, e.g. {@code dns id.server/NSID}. */
    String describe();

    @Override
    void close();
}
