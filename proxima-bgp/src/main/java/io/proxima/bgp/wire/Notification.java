package io.proxima.bgp.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * NOTIFICATION (RFC 4271 §4.5): error code, subcode and data. For Cease / Administrative Shutdown
 * and Administrative Reset the data may carry a shutdown communication (RFC 9003 §2): one length
 * octet, then up to 255 octets of UTF-8.
 */
public record Notification(int code, int subcode, Octets data) implements BgpMessage {

    /** RFC 9003 §2: the shutdown communication is at most 255 octets. */
    public static final int MAX_SHUTDOWN_COMMUNICATION = 255;

    public Notification {
        if (code < 0 || code > 0xFF || subcode < 0 || subcode > 0xFF) {
            throw new IllegalArgumentException("code/subcode out of range");
        }
        if (data == null) data = Octets.EMPTY;
    }

    public Notification(int code, int subcode) {
        this(code, subcode, Octets.EMPTY);
    }

    /**
     * Cease with a shutdown communication (RFC 9003). The message is cut at a UTF-8 character
     * boundary to fit 255 octets. RFC 9003 §2 defines the communication for Administrative
     * Shutdown and Administrative Reset only; other subcodes (Peer De-configured, …) go without
     * data, which their receivers would otherwise show as opaque octets.
     */
    public static Notification cease(int subcode, String message) {
        if (subcode != ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN && subcode != ErrorCode.CEASE_ADMINISTRATIVE_RESET) {
            return new Notification(ErrorCode.CEASE, subcode);
        }
        byte[] utf8 = truncateUtf8(message == null ? "" : message, MAX_SHUTDOWN_COMMUNICATION);
        byte[] data = new byte[utf8.length + 1];
        data[0] = (byte) utf8.length;
        System.arraycopy(utf8, 0, data, 1, utf8.length);
        return new Notification(ErrorCode.CEASE, subcode, Octets.of(data));
    }

    @Override
    public int type() {
        return TYPE_NOTIFICATION;
    }

    /**
     * The RFC 9003 shutdown communication, if this is a Cease / Administrative Shutdown or Reset
     * whose data is a well-formed one (length octet that matches, valid UTF-8).
     */
    public Optional<String> shutdownCommunication() {
        if (code != ErrorCode.CEASE
                || (subcode != ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN && subcode != ErrorCode.CEASE_ADMINISTRATIVE_RESET)
                || data.length() == 0) {
            return Optional.empty();
        }
        int len = data.get(0) & 0xFF;
        if (len + 1 > data.length()) return Optional.empty();
        byte[] all = data.toByteArray();
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(all, 1, len)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(ErrorCode.describe(code, subcode));
        shutdownCommunication().ifPresentOrElse(
                m -> sb.append(": \"").append(m).append('"'),
                () -> { if (data.length() > 0) sb.append(" data ").append(data.hex()); });
        return sb.toString();
    }

    private static byte[] truncateUtf8(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) return b;
        int end = max;
        while (end > 0 && (b[end] & 0xC0) == 0x80) end--; // back up to a character start
        return java.util.Arrays.copyOf(b, end);
    }
}
