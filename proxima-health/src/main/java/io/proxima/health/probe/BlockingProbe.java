package io.proxima.health.probe;

import java.time.Duration;

/**
 * A probe whose work is one blocking call, which the caller may make on a thread it already has.
 * The health engine makes it on the virtual thread that launches the probe and enforces the
 * timeout itself, interrupting that thread at the deadline; {@link #probe} instead runs the same
 * call on a thread of its own with a deadline of its own. Calling it directly spares, per probe, a
 * second virtual thread, a future and a timer: at thousands of probes per second that garbage is
 * what sets the young collections' pace, and so the engine's scheduling jitter.
 */
public interface BlockingProbe extends Probe {

    /**
     * Probes on the calling thread and returns the verdict. The caller interrupts the thread at
     * the deadline, {@code timeout} after the start, and the call may rely on that for a wait that
     * takes no timeout of its own (a TCP connect); it honours {@code timeout} itself where the I/O
     * allows (socket reads, process waits). An interrupt ends it early with a failed result,
     * cleaning up (an exec check's process tree is killed). Never throws: an error is a failed
     * result.
     */
    ProbeResult call(Duration timeout);
}
