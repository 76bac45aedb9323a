package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_MALFORMED_AS_PATH;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * AS_PATH (RFC 4271 §5.1.2, §4.3): segments of type, count and AS numbers. AS numbers are 2 octets,
 * or 4 when both sides support it (RFC 6793 §4.1); the session facts say which.
 * <pre>
 *   +-----------------+--------------------+------------------------------+
 *   | type (1 octet)  | count (1 octet)    | count x AS (2 or 4 octets)   |   repeated
 *   +-----------------+--------------------+------------------------------+
 * </pre>
 */
public record AsPath(int flags, List<Segment> segments) implements PathAttribute {

    public static final AsPath EMPTY = new AsPath(TRANSITIVE, List.of());

    public AsPath(List<Segment> segments) {
        this(TRANSITIVE, segments);
    }

    public AsPath {
        segments = List.copyOf(segments);
    }

    /** A path of one AS_SEQUENCE. */
    public static AsPath sequence(long... asns) {
        return new AsPath(asns.length == 0 ? List.of() : Segment.split(Segment.AS_SEQUENCE, asns));
    }

    static AsPath decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        return new AsPath(flags, decodeSegments(v, facts.fourOctetAs(), "AS_PATH"));
    }

    /** RFC 7606 §7.2: the three ways a segment list is malformed. */
    static List<Segment> decodeSegments(ByteBuf v, boolean fourOctet, String what) throws Malformed {
        int asLen = fourOctet ? 4 : 2;
        List<Segment> out = new ArrayList<>(2);
        while (v.isReadable()) {
            if (v.readableBytes() < 2) {
                throw new Malformed(UPDATE_MALFORMED_AS_PATH, what + ": one octet left, too short for a segment header");
            }
            int type = v.readUnsignedByte();
            int count = v.readUnsignedByte();
            if (type < Segment.AS_SET || type > Segment.AS_CONFED_SET) {
                throw new Malformed(UPDATE_MALFORMED_AS_PATH, what + ": unrecognized segment type " + type);
            }
            if (count == 0) throw new Malformed(UPDATE_MALFORMED_AS_PATH, what + ": segment of length zero");
            if (v.readableBytes() < count * asLen) {
                throw new Malformed(UPDATE_MALFORMED_AS_PATH, what + ": segment of " + count + " AS numbers overruns the attribute");
            }
            long[] asns = new long[count];
            for (int i = 0; i < count; i++) asns[i] = fourOctet ? v.readUnsignedInt() : v.readUnsignedShort();
            out.add(new Segment(type, asns));
        }
        return out;
    }

    static int segmentsLength(List<Segment> segments, boolean fourOctet) {
        int n = 0;
        for (Segment s : segments) n += 2 + s.size() * (fourOctet ? 4 : 2);
        return n;
    }

    static void writeSegments(List<Segment> segments, ByteBuf out, boolean fourOctet) {
        for (Segment s : segments) {
            out.writeByte(s.type()).writeByte(s.size());
            for (int i = 0; i < s.size(); i++) {
                long as = s.get(i);
                if (fourOctet) out.writeInt((int) as);
                else out.writeShort(as > 0xFFFF ? io.proxima.bgp.wire.cap.FourOctetAs.AS_TRANS : (int) as);
            }
        }
    }

    @Override public int typeCode() { return AS_PATH; }
    @Override public int valueLength(SessionFacts facts) { return segmentsLength(segments, facts.fourOctetAs()); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { writeSegments(segments, out, facts.fourOctetAs()); }

    /**
     * The path length for the decision process (RFC 4271 §9.1.2.2 a): each AS in a sequence counts
     * one, an AS_SET counts one in all, and confederation segments count zero (RFC 5065 §5.3).
     */
    public int length() {
        int n = 0;
        for (Segment s : segments) {
            n += switch (s.type()) {
                case Segment.AS_SEQUENCE -> s.size();
                case Segment.AS_SET -> 1;
                default -> 0;
            };
        }
        return n;
    }

    /** The neighbouring AS: the first AS of a leading AS_SEQUENCE, or -1. */
    public long firstAs() {
        return !segments.isEmpty() && segments.get(0).type() == Segment.AS_SEQUENCE ? segments.get(0).get(0) : -1;
    }

    public boolean contains(long asn) {
        for (Segment s : segments) if (s.contains(asn)) return true;
        return false;
    }

    /** This path with {@code asn} prepended {@code times} times (RFC 4271 §5.1.2). */
    public AsPath prepend(long asn, int times) {
        if (times <= 0) return this;
        List<Long> lead = new ArrayList<>();
        for (int i = 0; i < times; i++) lead.add(asn);
        List<Segment> rest = new ArrayList<>(segments);
        if (!rest.isEmpty() && rest.get(0).type() == Segment.AS_SEQUENCE) {
            for (int i = 0; i < rest.get(0).size(); i++) lead.add(rest.get(0).get(i));
            rest.remove(0);
        }
        long[] a = lead.stream().mapToLong(Long::longValue).toArray();
        List<Segment> out = new ArrayList<>(Segment.split(Segment.AS_SEQUENCE, a));
        out.addAll(rest);
        return new AsPath(flags, out);
    }

    @Override
    public String toString() {
        return "AsPath[" + Segment.format(segments) + "]";
    }
}
