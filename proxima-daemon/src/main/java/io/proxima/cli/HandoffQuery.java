package io.proxima.cli;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The question of {@code proxima probe --handoff NAME}: {@code NAME A} (or {@code AAAA} for an IPv6
 * service), class IN, RD clear, asked of the anycast address; the answer is the unicast address of
 * the instance that answered (the responder's hand-off, docs/dns-responder.md). The reply is read
 * bounded by the message and by each record's RDLENGTH, like {@link IdentityQuery}.
 *
 * <pre>
 *   header:   ID | flags 0 | QDCOUNT 1 | ANCOUNT 0 | NSCOUNT 0 | ARCOUNT 0
 *   question: NAME | A (1) or AAAA (28) | IN (1)
 * </pre>
 */
final class HandoffQuery {

    static final int TYPE_A = 1;
    static final int TYPE_AAAA = 28;
    static final int CLASS_IN = 1;
    /** RFC 1035 section 2.3.4. */
    static final int MAX_LABEL = 63;
    static final int MAX_NAME = 255;
    private static final int FLAG_QR = 0x8000;
    private static final int RCODE_MASK = 0xF;

    private HandoffQuery() {
    }

    static byte[] encode(int id, String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        u16(out, id);
        u16(out, 0);
        u16(out, 1);
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int total = 1;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                if (b.length == 0 || b.length > MAX_LABEL) throw new IllegalArgumentException("'" + name + "': a label is empty or longer than " + MAX_LABEL);
                total += 1 + b.length;
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        if (total > MAX_NAME) throw new IllegalArgumentException("'" + name + "' is longer than " + MAX_NAME + " octets");
        out.write(0);
        u16(out, type);
        u16(out, CLASS_IN);
        return out.toByteArray();
    }

    /** The first record of {@code type} in the answer section of a NOERROR response with ID {@code id}. */
    static Optional<InetAddress> decode(byte[] msg, int length, int id, int type) {
        int len = Math.min(length, msg.length);
        int[] pos = {0};
        try {
            if (u16(msg, len, pos) != id) return Optional.empty();
            int flags = u16(msg, len, pos);
            if ((flags & FLAG_QR) == 0 || (flags & RCODE_MASK) != 0) return Optional.empty();
            int qd = u16(msg, len, pos), an = u16(msg, len, pos);
            pos[0] += 4; // NSCOUNT, ARCOUNT
            for (int i = 0; i < qd; i++) {
                skipName(msg, len, pos);
                pos[0] += 4;
            }
            for (int i = 0; i < an; i++) {
                skipName(msg, len, pos);
                int t = u16(msg, len, pos);
                int cls = u16(msg, len, pos);
                pos[0] += 4;
                int rdLength = u16(msg, len, pos);
                if (pos[0] + rdLength > len) return Optional.empty();
                boolean size = rdLength == (type == TYPE_A ? 4 : 16);
                if (t == type && cls == CLASS_IN && size) {
                    byte[] a = new byte[rdLength];
                    System.arraycopy(msg, pos[0], a, 0, rdLength);
                    return Optional.of(InetAddress.getByAddress(a));
                }
                pos[0] += rdLength;
            }
            return Optional.empty();
        } catch (IllegalStateException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A name in place: labels up to the root, or up to a compression pointer, which ends it. */
    private static void skipName(byte[] msg, int len, int[] pos) {
        while (true) {
            int l = u8(msg, len, pos);
            if (l == 0) return;
            if ((l & 0xC0) == 0xC0) {
                u8(msg, len, pos);
                return;
            }
            if ((l & 0xC0) != 0) throw new IllegalStateException("reserved label type");
            if (pos[0] + l > len) throw new IllegalStateException("runs past the message");
            pos[0] += l;
        }
    }

    private static int u8(byte[] msg, int len, int[] pos) {
        if (pos[0] >= len) throw new IllegalStateException("runs past the message");
        return msg[pos[0]++] & 0xFF;
    }

    private static int u16(byte[] msg, int len, int[] pos) {
        return (u8(msg, len, pos) << 8) | u8(msg, len, pos);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }
}
