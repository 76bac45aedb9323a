package io.proxima.bfd;

/**
 * The Diagnostic field (RFC 5880 §4.1): the sender's reason for its last change of state. Five
 * bits; codes 9–31 are reserved for future use, and survive a round trip as they are.
 *
 * @param code 0..31
 */
public record Diagnostic(int code) {

    /** Five bits on the wire. */
    static final int MAX_CODE = 31;

    public static final Diagnostic NONE = new Diagnostic(0);
    public static final Diagnostic CONTROL_DETECTION_TIME_EXPIRED = new Diagnostic(1);
    public static final Diagnostic ECHO_FUNCTION_FAILED = new Diagnostic(2);
    public static final Diagnostic NEIGHBOR_SIGNALED_SESSION_DOWN = new Diagnostic(3);
    public static final Diagnostic FORWARDING_PLANE_RESET = new Diagnostic(4);
    public static final Diagnostic PATH_DOWN = new Diagnostic(5);
    public static final Diagnostic CONCATENATED_PATH_DOWN = new Diagnostic(6);
    public static final Diagnostic ADMINISTRATIVELY_DOWN = new Diagnostic(7);
    public static final Diagnostic REVERSE_CONCATENATED_PATH_DOWN = new Diagnostic(8);

    private static final String[] NAMES = {
        "No Diagnostic", "Control Detection Time Expired", "Echo Function Failed",
        "Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down", "Concatenated Path Down",
        "Administratively Down", "Reverse Concatenated Path Down",
    };

    public Diagnostic {
        if (code < 0 || code > MAX_CODE) throw new IllegalArgumentException("diagnostic " + code + " is not 0.." + MAX_CODE);
    }

    /** The RFC's name, or "Reserved (N)" for a code it does not define. */
    public String describe() {
        return code < NAMES.length ? NAMES[code] : "Reserved (" + code + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
