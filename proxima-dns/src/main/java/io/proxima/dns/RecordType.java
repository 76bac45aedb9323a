package io.proxima.dns;

import java.util.Locale;
import java.util.Optional;

/**
 * The record types a {@link Zone} may hold, with their RFC 1035 / RFC 3596 type codes. The set is
 * deliberately small: what an anycast service's own zone needs (its SOA and NS, addresses, and
 * TXT for identification). CNAME, MX and delegations are refused when the zone is read, so the
 * responder never has to chase names.
 */
public enum RecordType {
    /** RFC 1035 section 3.4.1. */
    A(1),
    /** RFC 1035 section 3.3.11. */
    NS(2),
    /** RFC 1035 section 3.3.13. */
    SOA(6),
    /** RFC 1035 section 3.3.14. */
    TXT(16),
    /** RFC 3596 section 2.1. */
    AAAA(28);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The type code on the wire. */
    public int code() {
        return code;
    }

    /** The type named by a master-file mnemonic, case-insensitively. */
    public static Optional<RecordType> ofMnemonic(String mnemonic) {
        for (RecordType t : values()) {
            if (t.name().equals(mnemonic.toUpperCase(Locale.ROOT))) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The type with this wire code, if the zone can hold it. */
    public static Optional<RecordType> ofCode(int code) {
        for (RecordType t : values()) {
            if (t.code == code) return Optional.of(t);
        }
        return Optional.empty();
    }
}
