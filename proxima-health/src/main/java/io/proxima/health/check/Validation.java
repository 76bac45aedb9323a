package io.proxima.health.check;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The field rules that several check kinds share; each failure names the field. */
final class Validation {

    static final int MAX_PORT = 65_535;
    /** RFC 1035 section 2.3.4: names are 255 octets or less. */
    static final int MAX_HOST_LENGTH = 255;

    private Validation() {}

    static String host(String kind, String host) {
        Objects.requireNonNull(host, kind + ": host is required");
        if (host.isBlank()) throw new IllegalArgumentException(kind + ": host must not be empty");
        if (host.length() > MAX_HOST_LENGTH) throw new IllegalArgumentException(kind + ": host longer than " + MAX_HOST_LENGTH);
        return host;
    }

    static int port(String kind, int port) {
        if (port < 1 || port > MAX_PORT) throw new IllegalArgumentException(kind + ": port must be 1.." + MAX_PORT + ", not " + port);
        return port;
    }

    static Optional<String> regex(String kind, String field, Optional<String> regex) {
        Objects.requireNonNull(regex, kind + ": " + field + " must be an Optional");
        regex.ifPresent(r -> {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(kind + ": " + field + " is not a valid regex: " + e.getDescription(), e);
            }
        });
        return regex;
    }

    static Timing timing(String kind, Timing timing) {
        return Objects.requireNonNull(timing, kind + ": timing is required");
    }
}
