package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * COMMUNITIES (RFC 1997): optional transitive, 4 octets each (AS:value). RFC 7606 §7.8: malformed
 * unless the length is a non-zero multiple of 4; treat-as-withdraw.
 */
public record Communities(int flags, List<Long> values) implements PathAttribute {

    public static final long NO_EXPORT = 0xFFFFFF01L;
    public static final long NO_ADVERTISE = 0xFFFFFF02L;
    public static final long NO_EXPORT_SUBCONFED = 0xFFFFFF03L;
    /** RFC 8326 §4: GRACEFUL_SHUTDOWN, 65535:0. */
    public static final long GRACEFUL_SHUTDOWN = 0xFFFF0000L;

    public Communities(List<Long> values) {
        this(OPTIONAL | TRANSITIVE, values);
    }

    public Communities {
        values = List.copyOf(values);
        for (long c : values) if (c < 0 || c > 0xFFFF_FFFFL) throw new IllegalArgumentException("community " + c);
    }

    public static long of(int asn, int value) {
        return ((asn & 0xFFFFL) << 16) | (value & 0xFFFFL);
    }

    /** Parses "65010:100" or a well-known name. */
    public static long parse(String text) {
        switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "no-export": return NO_EXPORT;
            case "no-advertise": return NO_ADVERTISE;
            case "no-export-subconfed": return NO_EXPORT_SUBCONFED;
            case "graceful-shutdown": return GRACEFUL_SHUTDOWN;
            default:
        }
        String[] p = text.strip().split(":");
        if (p.length != 2) throw new IllegalArgumentException("community must be ASN:VALUE: " + text);
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        if (a < 0 || a > 0xFFFF || b < 0 || b > 0xFFFF) throw new IllegalArgumentException("community out of range: " + text);
        return of(a, b);
    }

    public static String format(long c) {
        return (c >>> 16) + ":" + (c & 0xFFFF);
    }

    static Communities decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        int n = v.readableBytes();
        if (n == 0 || n % 4 != 0) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "COMMUNITIES length " + n + " is not a non-zero multiple of 4");
        List<Long> out = new ArrayList<>(n / 4);
        while (v.isReadable()) out.add(v.readUnsignedInt());
        return new Communities(flags, out);
    }

    @Override public int typeCode() { return COMMUNITIES; }
    @Override public int valueLength(SessionFacts facts) { return 4 * values.size(); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { for (long c : values) out.writeInt((int) c); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Communities[");
        for (int i = 0; i < values.size(); i++) sb.append(i > 0 ? " " : "").append(format(values.get(i)));
        return sb.append(']').toString();
    }
}
