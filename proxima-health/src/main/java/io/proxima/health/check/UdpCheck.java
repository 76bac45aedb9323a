package io.proxima.health.check;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Send one datagram ({@code payloadHex}, hex digits) to {@code host:port} and require a reply,
 * matching {@code expect} if set (the reply is read as ISO-8859-1, one char per byte).
 */
public record UdpCheck(String host, int port, String payloadHex, Optional<String> expect, Timing timing)
        implements CheckSpec {

    /** The largest UDP payload over IPv4 (65,535 - 8 UDP header - 20 IP header). */
    public static final int MAX_PAYLOAD = 65_507;

    public UdpCheck {
        Validation.host("udp", host);
        Validation.port("udp", port);
        Objects.requireNonNull(payloadHex, "udp: payload is required (hex, may be empty)");
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(payloadHex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("udp: payload is not hex: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_PAYLOAD) throw new IllegalArgumentException("udp: payload longer than " + MAX_PAYLOAD + " bytes");
        Validation.regex("udp", "expect", expect);
        Validation.timing("udp", timing);
    }

    public byte[] payload() {
        return HexFormat.of().parseHex(payloadHex);
    }
}
