package io.proxima.labkit;

import java.util.Locale;

/** ORIGIN spellings (RFC 4271 §5.1.1) of the four daemons, normalised for {@link Route#origin()}. */
final class Origin {

    private Origin() {
    }

    /** "IGP", "i", "Incomplete", "?", "egp", "e" → igp / incomplete / egp; else the lower-cased input. */
    static String normalise(String s) {
        if (s == null) return "";
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "igp", "i" -> "igp";
            case "egp", "e" -> "egp";
            case "incomplete", "?" -> "incomplete";
            default -> s.strip().toLowerCase(Locale.ROOT);
        };
    }

    /** GoBGP's numeric ORIGIN value. */
    static String ofCode(int code) {
        return switch (code) {
            case 0 -> "igp";
            case 1 -> "egp";
            case 2 -> "incomplete";
            default -> "origin(" + code + ")";
        };
    }
}
