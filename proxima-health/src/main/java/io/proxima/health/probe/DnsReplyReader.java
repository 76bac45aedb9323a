package io.proxima.health.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads a DNS response (RFC 1035 section 4.1) into a {@link DnsReply}. Every read is bounded by
 * the message and by its record's RDLENGTH; malformed input becomes {@link DnsReply.Malformed},
 * never an exception.
 */
final class DnsReplyReader {

    static final int HEADER_LENGTH = 12;
    /** A compression pointer chain longer than this is a loop. */
    static final int MAX_POINTERS = 16;
    /** RFC 1035 section 2.3.4. */
    static final int MAX_NAME = 255;
    /** Answers beyond this many are skipped: a health check does not need them. */
    static final int MAX_ANSWERS = 64;
    private static final int TYPE_A = 1, TYPE_NS = 2, TYPE_CNAME = 5, TYPE_PTR = 12, TYPE_TXT = 16, TYPE_AAAA = 28;
    private static final int FLAG_QR = 0x8000, FLAG_TC = 0x0200, RCODE_MASK = 0x000f;

    private final byte[] msg;
    private final int length;
    private int pos;

    private DnsReplyReader(byte[] msg, int length) {
        this.msg = msg;
        this.length = length;
    }

    static DnsReply read(byte[] msg, int length) {
        try {
            return new DnsReplyReader(msg, Math.min(length, msg.length)).message();
        } catch (Bad e) {
            return new DnsReply.Malformed(e.getMessage());
        }
    }

    private DnsReply message() {
        if (length < HEADER_LENGTH) throw new Bad("shorter than a header (" + length + " bytes)");
        int id = u16();
        int flags = u16();
        if ((flags & FLAG_QR) == 0) throw new Bad("QR clear: not a response");
        int qd = u16(), an = u16(), ns = u16(), ar = u16();
        for (int i = 0; i < qd; i++) {
            name();
            skip(4);
        }
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < an; i++) {
            name();
            int type = u16();
            skip(6); // class, TTL
            int rdlength = u16();
            int end = bound(rdlength);
            String data = rdata(type, end);
            pos = end;
            if (answers.size() < MAX_ANSWERS) answers.add(data);
        }
        for (int i = 0; i < ns; i++) {
            name();
            skip(8);
            skip(u16());
        }
        int rcode = flags & RCODE_MASK;
        Optional<String> nsid = Optional.empty();
        for (int i = 0; i < ar; i++) {
            name();
            int type = u16();
            skip(2); // class (UDP size for OPT)
            int extendedRcode = u8();
            skip(3); // version, flags
            int end = bound(u16());
            if (type == DnsQuery.TYPE_OPT) {
                rcode |= extendedRcode << 4;
                nsid = nsid(end);
            }
            pos = end;
        }
        return new DnsReply.Message(id, rcode, (flags & FLAG_TC) != 0, answers, nsid);
    }

    /** RFC 6891 section 6.1.2: OPTION-CODE, OPTION-LENGTH, OPTION-DATA, repeated. */
    private Optional<String> nsid(int end) {
        Optional<String> found = Optional.empty();
        while (pos < end) {
            int code = u16();
            int optEnd = bound(u16());
            if (optEnd > end) throw new Bad("EDNS option overruns its record");
            if (code == DnsQuery.OPTION_NSID) found = Optional.of(printable(pos, optEnd));
            pos = optEnd;
        }
        return found;
    }

    private String rdata(int type, int end) {
        int n = end - pos;
        return switch (type) {
            case TYPE_A -> address(n, 4);
            case TYPE_AAAA -> address(n, 16);
            case TYPE_NS, TYPE_CNAME, TYPE_PTR -> name();
            case TYPE_TXT -> txt(end);
            default -> HexFormat.of().formatHex(msg, pos, end);
        };
    }

    private String address(int n, int expected) {
        if (n != expected) throw new Bad("address record of " + n + " bytes, not " + expected);
        byte[] raw = new byte[n];
        System.arraycopy(msg, pos, raw, 0, n);
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            throw new Bad("bad address");
        }
    }

    /** RFC 1035 section 3.3.14: one or more length-prefixed character-strings. */
    private String txt(int end) {
        StringBuilder text = new StringBuilder();
        while (pos < end) {
            int len = u8();
            if (pos + len > end) throw new Bad("TXT string overruns its record");
            if (!text.isEmpty()) text.append(' ');
            text.append(new String(msg, pos, len, StandardCharsets.UTF_8));
            pos += len;
        }
        return text.toString();
    }

    /** Reads a possibly compressed name (RFC 1035 section 4.1.4); leaves pos after it. */
    private String name() {
        StringBuilder name = new StringBuilder();
        int cursor = pos, resume = -1, pointers = 0, wire = 1;
        while (true) {
            if (cursor >= length) throw new Bad("name runs past the message");
            int len = msg[cursor] & 0xff;
            if ((len & 0xc0) == 0xc0) {
                if (cursor + 1 >= length) throw new Bad("truncated compression pointer");
                if (++pointers > MAX_POINTERS) throw new Bad("compression pointer loop");
                if (resume < 0) resume = cursor + 2;
                cursor = ((len & 0x3f) << 8) | (msg[cursor + 1] & 0xff);
                continue;
            }
            if ((len & 0xc0) != 0) throw new Bad("reserved label type");
            if (len == 0) {
                pos = resume >= 0 ? resume : cursor + 1;
                return name.isEmpty() ? "." : name.toString();
            }
            wire += len + 1;
            if (wire > MAX_NAME) throw new Bad("name longer than " + MAX_NAME);
            if (cursor + 1 + len > length) throw new Bad("label runs past the message");
            name.append(new String(msg, cursor + 1, len, StandardCharsets.US_ASCII)).append('.');
            cursor += 1 + len;
        }
    }

    private String printable(int from, int to) {
        for (int i = from; i < to; i++) {
            if (msg[i] < 0x20 || msg[i] > 0x7e) return HexFormat.of().formatHex(msg, from, to);
        }
        return new String(msg, from, to - from, StandardCharsets.US_ASCII);
    }

    private int bound(int n) {
        if (pos + n > length) throw new Bad("record data runs past the message");
        return pos + n;
    }

    private void skip(int n) {
        pos = bound(n);
    }

    private int u8() {
        if (pos + 1 > length) throw new Bad("message ends early at byte " + pos);
        return msg[pos++] & 0xff;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }

    /** Unwinds a malformed read to {@link #read}; never leaves this class. */
    private static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }
}
