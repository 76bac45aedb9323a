package io.proxima.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The DNS message of {@code proxima probe --dns}: CHAOS TXT {@code id.server} (RFC 4892) with an
 * EDNS NSID option (RFC 5001), so that one round trip gets either identity; and the reading of
 * the reply, bounded by the datagram and by each record's RDLENGTH.
 *
 * <pre>
 *   header:   ID | flags 0 (QUERY, RD clear) | QDCOUNT 1 | ANCOUNT 0 | NSCOUNT 0 | ARCOUNT 1
 *   question: 2 "id" 6 "server" 0 | TXT (16) | CH (3)
 *   OPT:      0 | 41 | UDP size | 0 0 0 0 | RDLENGTH 4 | NSID (3) | 0
 * </pre>
 */
public final class IdentityQuery {

    static final int HEADER = 12;
    static final int TYPE_TXT = 16;
    static final int TYPE_OPT = 41;
    static final int CLASS_CH = 3;
    static final int OPTION_NSID = 3;
    /** Our advertised UDP payload size: the DNS Flag Day 2020 value. */
    static final int UDP_SIZE = 1232;
    private static final int FLAG_QR = 0x8000;

    /** The identities a reply carries; either may be empty. */
    public record Identity(int id, Optional<String> idServer, Optional<String> nsid) {
        /** id.server first, NSID otherwise, {@link ProbeOutcome#UNIDENTIFIED} without either. */
        String best() {
            return idServer.or(() -> nsid).orElse(ProbeOutcome.UNIDENTIFIED);
        }
    }

    private IdentityQuery() {
    }

    public static byte[] encode(int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        u16(out, id);
        u16(out, 0);
        u16(out, 1);
        u16(out, 0);
        u16(out, 0);
        u16(out, 1);
        for (String label : new String[] {"id", "server"}) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        u16(out, TYPE_TXT);
        u16(out, CLASS_CH);
        out.write(0); // OPT owner: the root
        u16(out, TYPE_OPT);
        u16(out, UDP_SIZE);
        u16(out, 0); // extended RCODE, version 0
        u16(out, 0); // DO clear
        u16(out, 4);
        u16(out, OPTION_NSID);
        u16(out, 0); // "the requestor MUST send the NSID option with an empty payload" (RFC 5001 section 2.1)
        return out.toByteArray();
    }

    /** Reads a reply; empty when it is not a well-formed response. */
    public static Optional<Identity> decode(byte[] msg, int length) {
        try {
            return Optional.of(new Reader(msg, Math.min(length, msg.length)).identity());
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    /** A cursor over one message; every read checks the message's end. */
    private static final class Reader {
        private final byte[] msg;
        private final int length;
        private int pos;

        Reader(byte[] msg, int length) {
            this.msg = msg;
            this.length = length;
        }

        Identity identity() {
            if (length < HEADER) throw new IllegalStateException("short");
            int id = u16();
            if ((u16() & FLAG_QR) == 0) throw new IllegalStateException("not a response");
            int qd = u16(), an = u16(), ns = u16(), ar = u16();
            for (int i = 0; i < qd; i++) {
                skipName();
                pos += 4;
            }
            Optional<String> txt = Optional.empty();
            for (int i = 0; i < an; i++) {
                skipName();
                int type = u16();
                int cls = u16();
                pos += 4;
                int end = bound(u16());
                if (txt.isEmpty() && type == TYPE_TXT && cls == CLASS_CH) txt = Optional.of(strings(end));
                pos = end;
            }
            for (int i = 0; i < ns; i++) {
                skipName();
                pos += 8;
                pos = bound(u16());
            }
            Optional<String> nsid = Optional.empty();
            for (int i = 0; i < ar; i++) {
                skipName();
                int type = u16();
                pos += 6;
                int end = bound(u16());
                if (type == TYPE_OPT) nsid = nsid(end);
                pos = end;
            }
            return new Identity(id, txt.filter(s -> !s.isEmpty()), nsid.filter(s -> !s.isEmpty()));
        }

        /** RFC 1035 section 3.3.14: character-strings, joined by a space. */
        private String strings(int end) {
            StringBuilder b = new StringBuilder();
            while (pos < end) {
                int len = u8();
                if (pos + len > end) throw new IllegalStateException("string overruns its record");
                if (!b.isEmpty()) b.append(' ');
                b.append(printable(pos, pos + len));
                pos += len;
            }
            return b.toString();
        }

        /** RFC 6891 section 6.1.2: options in the OPT RDATA. */
        private Optional<String> nsid(int end) {
            Optional<String> found = Optional.empty();
            while (pos < end) {
                int code = u16();
                int optEnd = bound(u16());
                if (optEnd > end) throw new IllegalStateException("option overruns its record");
                if (code == OPTION_NSID) found = Optional.of(printable(pos, optEnd));
                pos = optEnd;
            }
            return found;
        }

        /** Text as is when printable ASCII, else hex (an NSID may be binary). */
        private String printable(int from, int to) {
            for (int i = from; i < to; i++) {
                if (msg[i] < 0x20 || msg[i] > 0x7E) return HexFormat.of().formatHex(msg, from, to);
            }
            return new String(msg, from, to - from, StandardCharsets.US_ASCII);
        }

        /** Skips a name in place: labels up to the root, or up to a compression pointer, which ends it. */
        private void skipName() {
            while (true) {
                int len = u8();
                if (len == 0) return;
                if ((len & 0xC0) == 0xC0) {
                    u8();
                    return;
                }
                if ((len & 0xC0) != 0) throw new IllegalStateException("reserved label type");
                bound(len);
                pos += len;
            }
        }

        private int bound(int n) {
            if (pos + n > length) throw new IllegalStateException("runs past the message");
            return pos + n;
        }

        private int u8() {
            if (pos >= length) throw new IllegalStateException("runs past the message");
            return msg[pos++] & 0xFF;
        }

        private int u16() {
            return (u8() << 8) | u8();
        }
    }
}
