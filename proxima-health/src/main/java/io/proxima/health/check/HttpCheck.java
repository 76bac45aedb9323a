package io.proxima.health.check;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Request {@code url} and require an accepted status and, if set, a body matching
 * {@code bodyRegex}.
 *
 * @param hostHeader sent instead of the URL's authority (probe a virtual host by address)
 * @param accepted   status ranges that pass; {@link #DEFAULT_ACCEPTED} is 200-399
 * @param verifyTls  false accepts any certificate and host name (self-signed backends)
 */
public record HttpCheck(URI url, String method, Optional<String> hostHeader, List<StatusRange> accepted,
                        Optional<String> bodyRegex, boolean verifyTls, Timing timing) implements CheckSpec {

    public static final List<StatusRange> DEFAULT_ACCEPTED = List.of(new StatusRange(200, 399));
    public static final int MIN_STATUS = 100;
    public static final int MAX_STATUS = 599;
    /** RFC 9110 section 9.1: a method is a token. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public HttpCheck {
        Objects.requireNonNull(url, "http: url is required");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("http: url must be http:// or https://, not " + url);
        }
        if (url.getHost() == null) throw new IllegalArgumentException("http: url has no host: " + url);
        Objects.requireNonNull(method, "http: method is required");
        if (!TOKEN.matcher(method).matches()) throw new IllegalArgumentException("http: method is not a token: '" + method + "'");
        Objects.requireNonNull(hostHeader, "http: hostHeader must be an Optional");
        hostHeader.ifPresent(h -> Validation.host("http host header", h));
        accepted = List.copyOf(Objects.requireNonNull(accepted, "http: accepted statuses are required"));
        if (accepted.isEmpty()) throw new IllegalArgumentException("http: accepted statuses must not be empty");
        Validation.regex("http", "body regex", bodyRegex);
        Validation.timing("http", timing);
    }

    public boolean accepts(int status) {
        return accepted.stream().anyMatch(r -> r.contains(status));
    }

    /** Statuses {@code from..to}, both included. */
    public record StatusRange(int from, int to) {
        public StatusRange {
            if (from < MIN_STATUS || to > MAX_STATUS || from > to) {
                throw new IllegalArgumentException("http: status range must lie in " + MIN_STATUS + ".." + MAX_STATUS + " with from <= to, not " + from + "-" + to);
            }
        }

        boolean contains(int status) {
            return status >= from && status <= to;
        }
    }
}
