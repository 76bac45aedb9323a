package io.proxima.labkit;

/** A lab step failed: a command exited non-zero, a daemon died, or a wait ran out. */
public class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
