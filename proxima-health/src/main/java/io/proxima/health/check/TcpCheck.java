package io.proxima.health.check;

import java.util.Objects;
import java.util.Optional;

/**
 * Connect to {@code host:port}; optionally send {@code send} (UTF-8) and require the reply to match
 * {@code expect}.
 */
public record TcpCheck(String host, int port, Optional<String> send, Optional<String> expect, Timing timing)
        implements CheckSpec {

    public TcpCheck {
        Validation.host("tcp", host);
        Validation.port("tcp", port);
        Objects.requireNonNull(send, "tcp: send must be an Optional");
        Validation.regex("tcp", "expect", expect);
        Validation.timing("tcp", timing);
    }
}
