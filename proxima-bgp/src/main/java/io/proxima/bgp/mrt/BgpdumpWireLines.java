package io.proxima.bgp.mrt;

import static io.proxima.bgp.mrt.MrtReader.u16;
import static io.proxima.bgp.mrt.MrtReader.u32;

import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;

/**
 * {@link BgpdumpLines}, straight from the wire for the records that dominate update dumps:
 * BGP4MP(_ET) STATE_CHANGE, and MESSAGE records holding a well-formed IPv4 UPDATE. Such a record
 * becomes text without a decoded value (and without starting Netty). Everything else, and any
 * record this path finds irregular in any way (an RFC 7606 error, MP_REACH_NLRI, AS4_PATH, a
 * TABLE_DUMP…), goes through the decoder and {@link BgpdumpLines}, so the output is the same
 * whichever way a record goes; BgpdumpWireLinesTest compares the two on every record we have.
 *
 * <p>The checks below mirror UpdateDecoder and the attribute decoders: a record is taken here only
 * where they would decode it without any error, or with one that changes nothing printed (AS 0 in
 * AS_PATH).
 */
public final class BgpdumpWireLines {

    private static final int WELL_KNOWN = PathAttribute.TRANSITIVE;
    private static final int OPT = PathAttribute.OPTIONAL;
    private static final int OPT_TRANS = PathAttribute.OPTIONAL | PathAttribute.TRANSITIVE;
    private static final int FLAG_BITS = PathAttribute.OPTIONAL | PathAttribute.TRANSITIVE;
    /** RFC 4271 §4.3: the UPDATE's two length fields. */
    private static final int UPDATE_FIXED = BgpMessage.HEADER_LENGTH + 4;
    private static final int MICROSECOND_DIGITS = 6;
    private static final int HEAD_CAPACITY = 128;
    private static final int TAIL_CAPACITY = 1024;

    private final MrtRecord.PeerIndexTable peersAtStart;
    private BgpdumpLines slow;
    private final StringBuilder slowText = new StringBuilder();
    private final AsciiBuffer head = new AsciiBuffer(HEAD_CAPACITY);
    private final AsciiBuffer tail = new AsciiBuffer(TAIL_CAPACITY);

    // The UPDATE at hand: where each attribute's value starts (-1: absent) and its length.
    private int origin, asPath, asPathLength, nextHop, med, localPref, aggregator, communities, communitiesLength;
    private boolean atomicAggregate;
    /** Records printed by this path rather than the decoder's: tests check that it is taken. */
    long wireRecords;

    /** @param peers the TABLE_DUMP_V2 peer table in force before the first record, or null */
    public BgpdumpWireLines(MrtRecord.PeerIndexTable peers) {
        this.peersAtStart = peers;
    }

    /** Appends the lines of every record of a chunk, in order. */
    public void format(MrtChunks.Chunk chunk, AsciiBuffer out) {
        byte[] d = chunk.data();
        int p = 0;
        while (p < chunk.length()) {
            long timestamp = u32(d, p);
            int type = u16(d, p + 4), subtype = u16(d, p + 6);
            long length = u32(d, p + 8);
            int body = p + MrtHeader.LENGTH, end = body + (int) length;
            boolean et = MrtHeader.extended(type);
            if (!et || length >= 4) { // MrtReader: an ET record too short for its microseconds is malformed: no line
                int micros = et ? (int) u32(d, body) : -1;
                int start = et ? body + 4 : body;
                int mark = out.length();
                boolean bgp4mp = type == MrtHeader.BGP4MP || type == MrtHeader.BGP4MP_ET;
                if (bgp4mp && bgp4mp(d, start, end, timestamp, micros, type, subtype, out)) {
                    wireRecords++;
                } else {
                    out.setLength(mark);
                    slow(new MrtHeader(chunk.offset() + p, timestamp, micros, type, subtype, length), d, start, end, out);
                }
            }
            p = end;
        }
    }

    private void slow(MrtHeader header, byte[] d, int start, int end, AsciiBuffer out) {
        if (slow == null) slow = new BgpdumpLines(peersAtStart);
        slowText.setLength(0);
        slow.format(MrtReader.decode(header, Unpooled.wrappedBuffer(d, start, end - start)), slowText);
        out.append(slowText);
    }

    /** False when the record must go the slow way. */
    private boolean bgp4mp(byte[] d, int p, int end, long timestamp, int micros, int type, int subtype, AsciiBuffer out) {
        return switch (subtype) {
            case 0 -> stateChange(d, p, end, timestamp, micros, type, false, out);
            case 5 -> stateChange(d, p, end, timestamp, micros, type, true, out);
            case 1, 4, 6, 7, 8, 9, 10, 11 -> message(d, p, end, timestamp, micros, type, subtype, out);
            default -> false;
        };
    }

    /** RFC 6396 §4.4.1 and §4.4.4. */
    private static boolean stateChange(byte[] d, int p, int end, long timestamp, int micros, int type, boolean as4,
                                       AsciiBuffer out) {
        int asLen = as4 ? 4 : 2;
        if (end - p < 2 * asLen + 4) return false;
        long peerAs = as4 ? u32(d, p) : u16(d, p);
        int afi = u16(d, p + 2 * asLen + 2);
        int alen = addressLength(afi);
        int a = p + 2 * asLen + 4;
        if (alen < 0 || end - a < 2 * alen + 4) return false;
        out.append(type == MrtHeader.BGP4MP_ET ? "BGP4MP_ET" : "BGP4MP").append('|');
        timestamp(timestamp, micros, type, out);
        out.append("|STATE|");
        address(d, a, alen, out);
        out.append('|').decimal(peerAs).append('|').decimal(u16(d, a + 2 * alen)).append('|')
                .decimal(u16(d, a + 2 * alen + 2)).append('\n');
        return true;
    }

    /** RFC 6396 §4.4.2-4.4.6 and RFC 8050 §3, as {@link BgpdumpLines} prints them. */
    private boolean message(byte[] d, int p, int end, long timestamp, int micros, int type, int st, AsciiBuffer out) {
        boolean as4 = st == 4 || st == 7 || st == 9 || st == 11;
        boolean addPath = st >= 8;
        int asLen = as4 ? 4 : 2;
        if (end - p < 2 * asLen + 4) return false;
        int afi = u16(d, p + 2 * asLen + 2);
        int alen = addressLength(afi);
        int a = p + 2 * asLen + 4;
        if (alen < 0 || end - a < 2 * alen) return false;
        int m = a + 2 * alen;
        // MessageDecoder: anything but a complete UPDATE (OPEN, KEEPALIVE, a bad header…) has no routes: no line.
        if (end - m < BgpMessage.HEADER_LENGTH || d[m + BgpMessage.MARKER_LENGTH + 2] != BgpMessage.TYPE_UPDATE) return true;
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) if (d[m + i] != (byte) 0xFF) return true;
        int length = u16(d, m + BgpMessage.MARKER_LENGTH);
        if (length < UPDATE_FIXED || length > end - m) return true;

        int w = m + BgpMessage.HEADER_LENGTH, bodyEnd = m + length;
        int withdrawnLength = u16(d, w);
        if (withdrawnLength > length - UPDATE_FIXED) return false;
        int withdrawnEnd = w + 2 + withdrawnLength;
        if (!validNlri(d, w + 2, withdrawnEnd, addPath)) return false;
        int attributesLength = u16(d, withdrawnEnd);
        int attributesEnd = withdrawnEnd + 2 + attributesLength;
        if (attributesEnd > bodyEnd || !attributes(d, withdrawnEnd + 2, attributesEnd, as4)) return false;
        if (!validNlri(d, attributesEnd, bodyEnd, addPath)) return false;
        boolean announces = attributesEnd < bodyEnd;
        // RFC 7606 §3 (d): a missing mandatory attribute is an error; the decoder's path prints it.
        if (announces && (origin < 0 || asPath < 0 || nextHop < 0)) return false;

        boolean swap = st == 10 || st == 11; // bgpdump: the LOCAL_ADDPATH subtypes print the local side
        head.setLength(0);
        head.append(type == MrtHeader.BGP4MP_ET ? "BGP4MP_ET" : "BGP4MP")
                .append(st == 6 || st == 7 ? "_LOCAL" : st >= 8 ? "_AP" : "").append('|');
        timestamp(timestamp, micros, type, head);
        int kindAt = head.length() + 1;
        head.append("|W|");
        address(d, swap ? a + alen : a, alen, head);
        int peerAs = swap ? p + asLen : p;
        head.append('|').decimal(as4 ? u32(d, peerAs) : u16(d, peerAs)).append('|');

        for (int q = w + 2; q < withdrawnEnd; ) {
            out.append(head.array(), 0, head.length());
            long pathId = addPath ? u32(d, q) : 0;
            q = prefix(d, q, addPath, out);
            if (addPath) out.append('|').decimal(pathId);
            out.append('\n');
        }
        if (!announces) return true;
        head.setByteAt(kindAt, (byte) 'A');
        tail(d, as4);
        for (int q = attributesEnd; q < bodyEnd; ) {
            out.append(head.array(), 0, head.length());
            long pathId = addPath ? u32(d, q) : 0;
            q = prefix(d, q, addPath, out);
            out.append('|');
            if (addPath) out.decimal(pathId).append('|');
            out.append(tail.array(), 0, tail.length());
        }
        return true;
    }

    /**
     * Walks the attribute list, remembering where the printed ones are; false at the first thing
     * UpdateDecoder would report (RFC 7606) or that this path leaves to it.
     */
    private boolean attributes(byte[] d, int p, int end, boolean as4) {
        origin = asPath = nextHop = med = localPref = aggregator = communities = -1;
        atomicAggregate = false;
        long seen0 = 0, seen1 = 0, seen2 = 0, seen3 = 0; // one bit per type code
        while (p < end) {
            int flags = d[p] & 0xFF;
            int headerLength = (flags & PathAttribute.EXTENDED_LENGTH) != 0 ? 4 : 3;
            if (end - p < headerLength) return false;
            int type = d[p + 1] & 0xFF;
            int length = headerLength == 4 ? u16(d, p + 2) : d[p + 2] & 0xFF;
            int v = p + headerLength;
            if (length > end - v) return false;
            p = v + length;
            long bit = 1L << (type & 63);
            switch (type >>> 6) {
                case 0 -> { if ((seen0 & bit) != 0) return false; seen0 |= bit; }
                case 1 -> { if ((seen1 & bit) != 0) return false; seen1 |= bit; }
                case 2 -> { if ((seen2 & bit) != 0) return false; seen2 |= bit; }
                default -> { if ((seen3 & bit) != 0) return false; seen3 |= bit; }
            }
            int expected = expectedFlags(type);
            if (expected == LEFT_TO_DECODER) return false;
            if (expected == UNKNOWN) {
                if ((flags & PathAttribute.OPTIONAL) == 0) return false; // RFC 4271 §6.3: unrecognized well-known
                continue;
            }
            if ((flags & FLAG_BITS) != expected) return false;
            switch (type) {
                case PathAttribute.ORIGIN -> {
                    if (length != 1 || (d[v] & 0xFF) > 2) return false; // RFC 7606 §7.1: undefined value
                    origin = d[v];
                }
                case PathAttribute.AS_PATH -> {
                    if (!validPath(d, v, v + length, as4 ? 4 : 2)) return false;
                    asPath = v;
                    asPathLength = length;
                }
                case PathAttribute.NEXT_HOP -> {
                    if (length != 4) return false;
                    nextHop = v;
                }
                case PathAttribute.MULTI_EXIT_DISC -> {
                    if (length != 4) return false;
                    med = v;
                }
                case PathAttribute.LOCAL_PREF -> {
                    if (length != 4) return false;
                    localPref = v;
                }
                case PathAttribute.ATOMIC_AGGREGATE -> {
                    if (length != 0) return false;
                    atomicAggregate = true;
                }
                case PathAttribute.AGGREGATOR -> {
                    if (length != (as4 ? 8 : 6)) return false;
                    aggregator = v;
                }
                case PathAttribute.COMMUNITIES -> {
                    if (length == 0 || length % 4 != 0) return false;
                    communities = v;
                    communitiesLength = length;
                }
                case PathAttribute.ORIGINATOR_ID, PathAttribute.ONLY_TO_CUSTOMER -> {
                    if (length != 4) return false;
                }
                case PathAttribute.CLUSTER_LIST -> {
                    if (length == 0 || length % 4 != 0) return false;
                }
                case PathAttribute.EXTENDED_COMMUNITIES -> {
                    if (length == 0 || length % 8 != 0) return false;
                }
                case PathAttribute.LARGE_COMMUNITY -> {
                    if (length == 0 || length % 12 != 0) return false;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link #expectedFlags}: a type this path does not take (MP_REACH_NLRI, AS4_PATH…). */
    static final int LEFT_TO_DECODER = -1;
    /** {@link #expectedFlags}: a type code with no row in AttributeTable. */
    static final int UNKNOWN = -2;

    /**
     * The Optional and Transitive bits of each type AttributeTable knows (its rows say the same;
     * BgpdumpWireLinesTest checks it), {@link #LEFT_TO_DECODER} or {@link #UNKNOWN}.
     */
    static int expectedFlags(int type) {
        return switch (type) {
            case PathAttribute.ORIGIN, PathAttribute.AS_PATH, PathAttribute.NEXT_HOP, PathAttribute.LOCAL_PREF,
                 PathAttribute.ATOMIC_AGGREGATE -> WELL_KNOWN;
            case PathAttribute.MULTI_EXIT_DISC, PathAttribute.ORIGINATOR_ID, PathAttribute.CLUSTER_LIST -> OPT;
            case PathAttribute.AGGREGATOR, PathAttribute.COMMUNITIES, PathAttribute.EXTENDED_COMMUNITIES,
                 PathAttribute.LARGE_COMMUNITY, PathAttribute.ONLY_TO_CUSTOMER -> OPT_TRANS;
            case PathAttribute.MP_REACH_NLRI, PathAttribute.MP_UNREACH_NLRI, PathAttribute.AS4_PATH,
                 PathAttribute.AS4_AGGREGATOR -> LEFT_TO_DECODER;
            default -> UNKNOWN;
        };
    }

    /**
     * RFC 7606 §7.2, as AsPath.decodeSegments checks it. AS 0 (RFC 7607 §2) is an error too, but
     * one that keeps the AS_PATH and every other attribute, and the printed UPDATE is the same.
     */
    private static boolean validPath(byte[] d, int p, int end, int asLen) {
        while (p < end) {
            if (end - p < 2) return false;
            int type = d[p] & 0xFF, count = d[p + 1] & 0xFF;
            if (type < Segment.AS_SET || type > Segment.AS_CONFED_SET || count == 0) return false;
            p += 2 + count * asLen;
            if (p > end) return false;
        }
        return true;
    }

    /** NlriCodec's rules for IPv4 unicast: false where it would throw InvalidNlri. */
    private static boolean validNlri(byte[] d, int p, int end, boolean addPath) {
        while (p < end) {
            if (addPath) {
                if (end - p < 5) return false;
                p += 4;
            }
            int bits = d[p++] & 0xFF;
            if (bits > 32) return false;
            p += (bits + 7) >>> 3;
            if (p > end) return false;
        }
        return true;
    }

    /** Appends one (valid) IPv4 NLRI entry's prefix, masked; returns where the next entry starts. */
    private static int prefix(byte[] d, int q, boolean addPath, AsciiBuffer out) {
        if (addPath) q += 4;
        int bits = d[q++] & 0xFF;
        int octets = (bits + 7) >>> 3;
        int v = 0;
        for (int i = 0; i < octets; i++) v |= (d[q + i] & 0xFF) << (24 - 8 * i);
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        out.ipv4(v & mask).append('/').decimal(bits);
        return q + octets;
    }

    /** as_path|origin|next_hop|local_pref|med|communities|AG|aggregator| and the newline, of an IPv4 UPDATE. */
    private void tail(byte[] d, boolean as4) {
        AsciiBuffer t = tail;
        t.setLength(0);
        path(d, as4 ? 4 : 2, t);
        t.append('|').append(origin == 0 ? "IGP" : origin == 1 ? "EGP" : "INCOMPLETE").append('|');
        t.ipv4((int) u32(d, nextHop)).append('|');
        t.decimal(localPref < 0 ? 0 : u32(d, localPref)).append('|');
        t.decimal(med < 0 ? 0 : u32(d, med)).append('|');
        for (int i = 0; communities >= 0 && i < communitiesLength; i += 4) {
            if (i > 0) t.append(' ');
            long x = u32(d, communities + i);
            if (x == Communities.NO_EXPORT) t.append("no-export");
            else if (x == Communities.NO_ADVERTISE) t.append("no-advertise");
            else if (x == Communities.NO_EXPORT_SUBCONFED) t.append("local-AS");
            else t.decimal(x >>> 16).append(':').decimal(x & 0xFFFF);
        }
        t.append('|').append(atomicAggregate ? "AG" : "NAG").append('|');
        if (aggregator >= 0) {
            int asLen = as4 ? 4 : 2;
            int ip = (int) u32(d, aggregator + asLen);
            if (ip != -1) t.decimal(asn(d, aggregator, asLen)).append(' ').ipv4(ip); // bgpdump: 255.255.255.255 is "none"
        }
        t.append("|\n");
    }

    /** {@link BgpdumpLines#formatPath}, from the wire, cut after MAX_AS_PATH_CHARS the same way. */
    private void path(byte[] d, int asLen, AsciiBuffer t) {
        int start = t.length();
        int prev = Segment.AS_SEQUENCE;
        boolean sep = false;
        for (int p = asPath, end = asPath + asPathLength; p < end; ) {
            int type = d[p] & 0xFF, count = d[p + 1] & 0xFF;
            p += 2;
            if (prev != Segment.AS_SEQUENCE) t.append(close(prev));
            if (sep) {
                t.append(' ');
                sep = false;
            }
            if (type != Segment.AS_SEQUENCE) t.append(open(type));
            boolean comma = type == Segment.AS_SET || type == Segment.AS_CONFED_SET;
            for (int i = 0; i < count; i++, p += asLen) {
                if (sep) t.append(comma ? ',' : ' '); else sep = true;
                t.decimal(asn(d, p, asLen));
            }
            if (t.length() - start > BgpdumpLines.MAX_AS_PATH_CHARS) {
                t.append("...");
                return;
            }
            prev = type;
        }
        if (prev != Segment.AS_SEQUENCE) t.append(close(prev));
    }

    private static char open(int type) {
        return switch (type) { case Segment.AS_SET -> '{'; case Segment.AS_CONFED_SEQUENCE -> '('; default -> '['; };
    }

    private static char close(int type) {
        return switch (type) { case Segment.AS_SET -> '}'; case Segment.AS_CONFED_SEQUENCE -> ')'; default -> ']'; };
    }

    private static long asn(byte[] d, int p, int asLen) {
        return asLen == 4 ? u32(d, p) : u16(d, p);
    }

    private static int addressLength(int afi) {
        return afi == Family.AFI_IPV6 ? 16 : afi == Family.AFI_IPV4 ? 4 : -1;
    }

    private static void address(byte[] d, int p, int alen, AsciiBuffer out) {
        if (alen == 4) {
            out.ipv4((int) u32(d, p));
        } else {
            out.ipv6(u32(d, p) << 32 | u32(d, p + 4), u32(d, p + 8) << 32 | u32(d, p + 12));
        }
    }

    private static void timestamp(long seconds, int micros, int type, AsciiBuffer out) {
        out.decimal(seconds);
        if (type == MrtHeader.BGP4MP_ET) out.append('.').decimal(micros & 0xFFFF_FFFFL, MICROSECOND_DIGITS);
    }
}
