package io.proxima.bfd;

/**
 * The four session states of RFC 5880 §4.1 (the Sta field) and §6.2, in wire order: the ordinal is
 * the two-bit code, so every code point is defined and none can be unknown.
 */
public enum SessionState {
    ADMIN_DOWN, DOWN, INIT, UP;

    /** The state for a two-bit Sta code. */
    static SessionState ofCode(int code) {
        return values()[code & 0b11];
    }

    int code() {
        return ordinal();
    }

    /** The RFC's spelling, as BIRD and FRR show it. */
    public String rfcName() {
        return switch (this) {
            case ADMIN_DOWN -> "AdminDown";
            case DOWN -> "Down";
            case INIT -> "Init";
            case UP -> "Up";
        };
    }
}
