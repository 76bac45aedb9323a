package io.proxima.bgp.wire.attr;

/**
 * Internal signal from an attribute decoder to the UPDATE decoder, which turns it into a
 * {@code MessageError} value. Never escapes the codec. No stack trace: it is data, not a bug.
 */
public final class Malformed extends Exception {

    private final int subcode;

    public Malformed(int subcode, String reason) {
        super(reason, null, false, false);
        this.subcode = subcode;
    }

    /** The UPDATE Message Error subcode (RFC 4271 §6.3). */
    public int subcode() {
        return subcode;
    }
}
