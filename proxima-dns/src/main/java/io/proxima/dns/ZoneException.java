package io.proxima.dns;

/**
 * A zone that cannot be served, with the index of the record line at fault, so that a config
 * loader can point at {@code file:line} of the list item it read.
 */
public final class ZoneException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    /** {@link #index()} of a fault in the zone as a whole (no SOA, bad origin), not in one line. */
    public static final int WHOLE_ZONE = -1;

    private final int index;
    private final String reason;

    ZoneException(int index, String reason) {
        super(index == WHOLE_ZONE ? reason : "records[" + index + "]: " + reason);
        this.index = index;
        this.reason = reason;
    }

    /** The 0-based index of the offending line in the list given to {@link Zone#parse}, or {@link #WHOLE_ZONE}. */
    public int index() {
        return index;
    }

    /** What is wrong, without the index: for a loader that prints its own {@code file:line:} prefix. */
    public String reason() {
        return reason;
    }
}
