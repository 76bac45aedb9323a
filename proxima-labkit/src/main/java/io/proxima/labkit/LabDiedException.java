package io.proxima.labkit;

/**
 * A daemon exited while the lab was waiting for it. {@link Await} stops polling at once instead of
 * waiting out its deadline, and the message carries the end of the daemon's log.
 */
public final class LabDiedException extends LabException {

    private static final long serialVersionUID = 1L;

    public LabDiedException(String message) {
        super(message);
    }
}
