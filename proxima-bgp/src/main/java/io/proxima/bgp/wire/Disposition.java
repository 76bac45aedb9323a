package io.proxima.bgp.wire;

/**
 * What a receiver must do with a malformed UPDATE (RFC 7606 §2), weakest first. When a message has
 * several errors, the strongest one wins (RFC 7606 §3: "the more severe approach").
 */
public enum Disposition {
    /** Drop the malformed attribute, keep processing the UPDATE (RFC 7606 §2). */
    ATTRIBUTE_DISCARD,
    /** Treat every route in the UPDATE as withdrawn; the session stays up (RFC 7606 §2). */
    TREAT_AS_WITHDRAW,
    /** Withdraw all routes of the family and stop using it (RFC 4760 §7). The codec never picks it: see package-info. */
    AFI_SAFI_DISABLE,
    /** Send the NOTIFICATION and close the session (RFC 4271 §6). */
    SESSION_RESET;

    public Disposition max(Disposition other) {
        return other == null || other.compareTo(this) < 0 ? this : other;
    }

    public boolean keepsSession() {
        return this == ATTRIBUTE_DISCARD || this == TREAT_AS_WITHDRAW;
    }
}
