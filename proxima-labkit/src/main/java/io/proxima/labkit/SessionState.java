package io.proxima.labkit;

import java.util.Locale;

/** RFC 4271 §8.2.2 session states, as each daemon spells them, plus UNKNOWN. */
public enum SessionState {
    IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED,
    /** Not configured, not reported, or a state name this harness does not know. */
    UNKNOWN;

    /**
     * Parses "Established", "OpenSent", "open_confirm", "OPENCONFIRM", … (BIRD, FRR and GoBGP
     * spellings); anything else is UNKNOWN.
     */
    public static SessionState parse(String name) {
        if (name == null) return UNKNOWN;
        String n = name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        for (SessionState s : values()) {
            if (s.name().replace("_", "").equals(n)) return s;
        }
        return UNKNOWN;
    }

    /** GoBGP's numeric {@code session_state} (apipb.PeerState.SessionState; 0 = unknown). */
    static SessionState ofGoBgp(int code) {
        return switch (code) {
            case 1 -> IDLE;
            case 2 -> CONNECT;
            case 3 -> ACTIVE;
            case 4 -> OPEN_SENT;
            case 5 -> OPEN_CONFIRM;
            case 6 -> ESTABLISHED;
            default -> UNKNOWN;
        };
    }
}
