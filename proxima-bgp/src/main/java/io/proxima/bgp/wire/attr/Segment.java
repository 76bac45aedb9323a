package io.proxima.bgp.wire.attr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One AS_PATH / AS4_PATH segment (RFC 4271 §4.3, RFC 5065 §3 for the confederation types). */
public final class Segment {

    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;
    public static final int AS_CONFED_SEQUENCE = 3;
    public static final int AS_CONFED_SET = 4;
    /** The count field is one octet. */
    public static final int MAX_ASNS = 255;

    private final int type;
    private final long[] asns;

    public Segment(int type, long... asns) {
        if (type < AS_SET || type > AS_CONFED_SET) throw new IllegalArgumentException("segment type " + type);
        if (asns.length == 0 || asns.length > MAX_ASNS) throw new IllegalArgumentException("segment of " + asns.length + " AS numbers");
        for (long a : asns) if (a < 0 || a > 0xFFFF_FFFFL) throw new IllegalArgumentException("AS " + a);
        this.type = type;
        this.asns = asns.clone();
    }

    /** Splits a long run into segments of at most 255 AS numbers. */
    public static List<Segment> split(int type, long[] asns) {
        List<Segment> out = new ArrayList<>(1 + asns.length / MAX_ASNS);
        for (int i = 0; i < asns.length; i += MAX_ASNS) {
            out.add(new Segment(type, Arrays.copyOfRange(asns, i, Math.min(asns.length, i + MAX_ASNS))));
        }
        return out;
    }

    public int type() {
        return type;
    }

    public int size() {
        return asns.length;
    }

    public long get(int i) {
        return asns[i];
    }

    public long[] asns() {
        return asns.clone();
    }

    public boolean contains(long asn) {
        for (long a : asns) if (a == asn) return true;
        return false;
    }

    public boolean isConfed() {
        return type == AS_CONFED_SEQUENCE || type == AS_CONFED_SET;
    }

    /** Readable form: sequences space separated, sets in braces, confederation parts in brackets. */
    public static String format(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (sb.length() > 0) sb.append(' ');
            String open = switch (s.type) { case AS_SET -> "{"; case AS_CONFED_SEQUENCE -> "("; case AS_CONFED_SET -> "["; default -> ""; };
            String close = switch (s.type) { case AS_SET -> "}"; case AS_CONFED_SEQUENCE -> ")"; case AS_CONFED_SET -> "]"; default -> ""; };
            String sep = s.type == AS_SET || s.type == AS_CONFED_SET ? "," : " ";
            sb.append(open);
            for (int i = 0; i < s.asns.length; i++) {
                if (i > 0) sb.append(sep);
                sb.append(s.asns[i]);
            }
            sb.append(close);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && s.type == type && Arrays.equals(s.asns, asns);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(asns);
    }

    @Override
    public String toString() {
        return format(List.of(this));
    }
}
