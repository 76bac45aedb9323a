package io.proxima.dns;

import io.netty.util.NetUtil;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one record line in master-file form (RFC 1035 section 5.1), restricted to one line per
 * record: {@code OWNER TTL [IN] TYPE RDATA}, e.g. {@code www 60 A 198.51.100.80}. A failure is an
 * {@link IllegalArgumentException} whose message is the reason alone; {@link Zone} adds the index.
 *
 * <p>Not supported, each with its own message: {@code $ORIGIN}/{@code $TTL} directives, a missing
 * owner or TTL (the previous line's), parentheses, classes other than IN.
 */
final class ZoneLine {

    /** Highest value of an escaped octet {@code \DDD} (RFC 1035 section 5.1). */
    private static final int MAX_OCTET = 255;
    /** Digits in a {@code \DDD} escape. */
    private static final int ESCAPE_DIGITS = 3;
    /** Digits of the largest unsigned 32-bit number: longer input cannot be a TTL or SOA field. */
    private static final int MAX_DIGITS = 10;

    /** A field of the line: its octets as an ISO-8859-1 string, and whether it was quoted. */
    record Token(String text, boolean quoted) { }

    private ZoneLine() {
    }

    static ZoneRecord parse(String line, String origin) {
        List<Token> t = tokens(line);
        if (t.isEmpty()) throw new IllegalArgumentException("empty record");
        if (t.get(0).text().startsWith("$")) {
            throw new IllegalArgumentException("directives such as " + t.get(0).text() + " are not supported: give the origin in the config and a TTL on every record");
        }
        if (t.size() < 3) throw new IllegalArgumentException("expected 'OWNER TTL TYPE DATA', e.g. 'www 60 A 198.51.100.80'");
        String owner = name(t.get(0), origin, "owner");
        if (!DomainName.isAtOrBelow(owner, origin)) {
            throw new IllegalArgumentException("owner " + owner + " is outside the zone " + origin);
        }
        long ttl = ttl(t.get(1));
        int i = 2;
        if (t.get(i).text().equalsIgnoreCase("IN")) i++;
        else if (List.of("CH", "CS", "HS", "ANY").contains(t.get(i).text().toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("class " + t.get(i).text() + ": the zone holds class IN only");
        }
        if (i >= t.size()) throw new IllegalArgumentException("missing the record type after the class");
        String mnemonic = t.get(i).text();
        RecordType type = RecordType.ofMnemonic(mnemonic).orElseThrow(() -> new IllegalArgumentException(
                "type " + mnemonic + " is not supported (SOA, NS, A, AAAA, TXT)"));
        List<Token> data = t.subList(i + 1, t.size());
        return new ZoneRecord(owner, ttl, rdata(type, data, origin));
    }

    private static Rdata rdata(RecordType type, List<Token> data, String origin) {
        return switch (type) {
            case A -> {
                count(data, 1, "A takes one IPv4 address");
                String s = data.get(0).text();
                if (!NetUtil.isValidIpV4Address(s)) throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
                yield new Rdata.A((Inet4Address) literal(s));
            }
            case AAAA -> {
                count(data, 1, "AAAA takes one IPv6 address");
                String s = data.get(0).text();
                if (!NetUtil.isValidIpV6Address(s) || !(literal(s) instanceof Inet6Address v6)) {
                    throw new IllegalArgumentException("'" + s + "' is not an IPv6 address");
                }
                yield new Rdata.Aaaa(v6);
            }
            case NS -> {
                count(data, 1, "NS takes one name");
                yield new Rdata.Ns(name(data.get(0), origin, "NS target"));
            }
            case SOA -> {
                count(data, 7, "SOA takes MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM");
                long[] n = new long[5];
                for (int k = 0; k < 5; k++) n[k] = u32(data.get(2 + k), List.of("serial", "refresh", "retry", "expire", "minimum").get(k));
                yield new Rdata.Soa(name(data.get(0), origin, "SOA MNAME"), name(data.get(1), origin, "SOA RNAME"),
                        n[0], n[1], n[2], n[3], n[4]);
            }
            case TXT -> {
                if (data.isEmpty()) throw new IllegalArgumentException("TXT takes one or more strings");
                for (Token s : data) {
                    if (s.text().length() > Rdata.Txt.MAX_STRING) {
                        throw new IllegalArgumentException("a TXT string is " + s.text().length() + " octets; the limit is "
                                + Rdata.Txt.MAX_STRING + ": split it into several strings");
                    }
                }
                yield new Rdata.Txt(data.stream().map(Token::text).toList());
            }
        };
    }

    private static void count(List<Token> data, int n, String usage) {
        if (data.size() != n) throw new IllegalArgumentException(usage + ", got " + data.size() + " field(s)");
    }

    private static String name(Token t, String origin, String what) {
        if (t.quoted()) throw new IllegalArgumentException(what + " " + t.text() + ": a name is not quoted");
        try {
            return DomainName.resolve(t.text(), origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    private static long ttl(Token t) {
        String s = t.text();
        if (s.isEmpty() || s.length() > MAX_DIGITS || !s.chars().allMatch(ZoneLine::isDigit)) {
            throw new IllegalArgumentException("expected a TTL in seconds after the owner, got '" + s + "'");
        }
        long v = Long.parseLong(s);
        if (v > ZoneRecord.MAX_TTL) throw new IllegalArgumentException("TTL " + v + " is above " + ZoneRecord.MAX_TTL + " (RFC 2181 section 8)");
        return v;
    }

    private static long u32(Token t, String what) {
        String s = t.text();
        if (s.isEmpty() || s.length() > MAX_DIGITS || !s.chars().allMatch(ZoneLine::isDigit)) {
            throw new IllegalArgumentException("SOA " + what + " '" + s + "' is not a number of seconds");
        }
        long v = Long.parseLong(s);
        if (v > 0xFFFF_FFFFL) throw new IllegalArgumentException("SOA " + what + " " + v + " does not fit 32 bits");
        return v;
    }

    private static InetAddress literal(String s) {
        // NetUtil parses the literal itself: InetAddress.getByName would resolve anything else.
        return NetUtil.createInetAddressFromIpAddressString(s);
    }

    /**
     * Splits a line into fields. Whitespace separates; {@code ;} starts a comment; double quotes
     * make one field of text with spaces; {@code \X} is X and {@code \DDD} the octet DDD
     * (RFC 1035 section 5.1). Characters beyond ASCII become their UTF-8 octets.
     */
    static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        ByteArrayOutputStream cur = null;
        boolean quoted = false;
        boolean inQuotes = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (!inQuotes && (c == ' ' || c == '\t')) {
                if (cur != null) out.add(new Token(cur.toString(StandardCharsets.ISO_8859_1), quoted));
                cur = null;
                quoted = false;
                i++;
                continue;
            }
            if (!inQuotes && c == ';') break;
            if (!inQuotes && (c == '(' || c == ')')) {
                throw new IllegalArgumentException("parentheses are not supported: write each record on one line");
            }
            if (c == '\n' || c == '\r') throw new IllegalArgumentException("a record is one line");
            if (cur == null) cur = new ByteArrayOutputStream();
            if (c == '"') {
                if (!inQuotes && cur.size() > 0) throw new IllegalArgumentException("a quote inside a field: put a space before it");
                inQuotes = !inQuotes;
                quoted = true;
                i++;
                continue;
            }
            if (c == '\\') {
                i = escape(line, i + 1, cur);
                continue;
            }
            int cp = line.codePointAt(i);
            cur.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(cp);
        }
        if (inQuotes) throw new IllegalArgumentException("unterminated quoted string");
        if (cur != null) out.add(new Token(cur.toString(StandardCharsets.ISO_8859_1), quoted));
        return out;
    }

    /** Reads the escape after a backslash at {@code i}; returns the index after it. */
    private static int escape(String line, int i, ByteArrayOutputStream cur) {
        if (i >= line.length()) throw new IllegalArgumentException("a backslash at the end of the line");
        if (isDigit(line.charAt(i))) {
            if (i + ESCAPE_DIGITS > line.length()) throw new IllegalArgumentException("\\DDD needs three digits");
            String digits = line.substring(i, i + ESCAPE_DIGITS);
            if (!digits.chars().allMatch(ZoneLine::isDigit)) throw new IllegalArgumentException("\\DDD needs three digits, got \\" + digits);
            int v = Integer.parseInt(digits);
            if (v > MAX_OCTET) throw new IllegalArgumentException("\\" + digits + " is not an octet");
            cur.write(v);
            return i + ESCAPE_DIGITS;
        }
        int cp = line.codePointAt(i);
        cur.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
        return i + Character.charCount(cp);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
