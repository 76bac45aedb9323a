package io.proxima.bgp.mrt;

import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Aggregator;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.AtomicAggregate;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line-per-route format of {@code bgpdump -m} (RIPE NCC bgpdump 1.6), byte for byte:
 * <pre>
 *   TYPE|time|A/W/B|peer_ip|peer_as|prefix|as_path|origin|next_hop|local_pref|med|communities|atomic_agg|aggregator|
 * </pre>
 * Compatibility means copying bgpdump's choices, including some that are not what the RFCs say;
 * each is marked "bgpdump:" below. Proxima's own views (the codec, {@code proxima mrt}) follow the
 * RFCs instead. One deliberate difference: bgpdump aborts on a TABLE_DUMP_V2 peer index outside the
 * peer table; we skip that entry and count it.
 */
public final class BgpdumpLines {

    /** bgpdump: the AS path string is cut after this many characters, with "..." appended. */
    static final int MAX_AS_PATH_CHARS = 7900;
    private static final IpAddress NO_NEXT_HOP = IpAddress.v4(0xFFFF_FFFF);

    private MrtRecord.PeerIndexTable peers;
    private long skippedEntries;

    public BgpdumpLines() {
        this(null);
    }

    /**
     * Starts with a known peer table: for formatting a run of records cut from the middle of a
     * TABLE_DUMP_V2 file, e.g. on another thread.
     */
    public BgpdumpLines(MrtRecord.PeerIndexTable peers) {
        this.peers = peers;
    }

    /** Appends the lines for one record (possibly none) to {@code out}. */
    public void format(MrtRecord record, StringBuilder out) {
        switch (record) {
            case MrtRecord.PeerIndexTable t -> peers = t;
            case MrtRecord.Rib r -> rib(r, out);
            case MrtRecord.TableDump t -> tableDump(t, out);
            case MrtRecord.Bgp4mpMessage m -> message(m, out);
            case MrtRecord.Bgp4mpStateChange s -> state(s, out);
            case MrtRecord.Unsupported u -> { }
            case MrtRecord.Malformed m -> { }
        }
    }

    /** RIB entries skipped because their peer index was outside the peer table. */
    public long skippedEntries() {
        return skippedEntries;
    }

    private void rib(MrtRecord.Rib r, StringBuilder out) {
        String label = r.addPath() ? "TABLE_DUMP2_AP" : "TABLE_DUMP2";
        for (MrtRecord.RibEntry e : r.entries()) {
            if (peers == null || e.peerIndex() >= peers.peers().size()) {
                skippedEntries++;
                continue;
            }
            MrtRecord.PeerIndexTable.Peer p = peers.peers().get(e.peerIndex());
            out.append(label).append('|');
            timestamp(r.header(), out);
            out.append("|B|");
            address(p.address(), out);
            out.append('|').append(p.asn()).append('|');
            rawPrefix(r.prefix(), out); // bgpdump: RIB prefixes are printed as stored, not masked
            out.append('|');
            if (r.addPath()) out.append(e.pathId()).append('|');
            List<PathAttribute> attrs = e.attributes().attributes();
            attributes(attrs, asPath(attrs, false), ribNextHop(attrs), false, aggregator(attrs, false), out);
        }
    }

    private void tableDump(MrtRecord.TableDump t, StringBuilder out) {
        out.append("TABLE_DUMP|");
        timestamp(t.header(), out);
        out.append("|B|");
        address(t.peerAddress(), out);
        out.append('|').append(t.peerAs()).append('|');
        rawPrefix(t.prefix(), out);
        out.append('|');
        List<PathAttribute> attrs = t.attributes().attributes();
        // bgpdump: TABLE_DUMP uses an IPv6 MP_REACH next hop if there is one, else NEXT_HOP.
        MpReachNlri mp = find(attrs, MpReachNlri.class);
        IpAddress nh = mp != null && (mp.family().afi() == Family.AFI_IPV6 || mp.family().equals(MpReachNlri.RIB_ENTRY))
                && mp.nextHop().length() >= 16 ? mp.nextHopAddress() : v4NextHop(attrs);
        attributes(attrs, asPath(attrs, true), nh, false, aggregator(attrs, true), out);
    }

    private static IpAddress ribNextHop(List<PathAttribute> attrs) {
        MpReachNlri mp = find(attrs, MpReachNlri.class);
        if (mp != null) {
            int n = mp.nextHop().length();
            if (n == 4 || n == 16 || n == 32) return mp.nextHopAddress();
        }
        return v4NextHop(attrs);
    }

    private static IpAddress v4NextHop(List<PathAttribute> attrs) {
        NextHop nh = find(attrs, NextHop.class);
        return nh != null ? nh.address() : NO_NEXT_HOP;
    }

    private void message(MrtRecord.Bgp4mpMessage m, StringBuilder out) {
        Update u = switch (m.message()) {
            case DecodeResult.Decoded d -> d.message() instanceof Update up ? up : null;
            case MessageError e -> e.update();
        };
        if (u == null) return;
        int st = m.header().subtype();
        String label = (m.header().type() == MrtHeader.BGP4MP_ET ? "BGP4MP_ET" : "BGP4MP")
                + (st == 6 || st == 7 ? "_LOCAL" : st >= 8 ? "_AP" : "");
        // bgpdump: the LOCAL_ADDPATH subtypes print the local side of the session.
        boolean swap = st == 10 || st == 11;
        IpAddress peer = swap ? m.localAddress() : m.peerAddress();
        long peerAs = swap ? m.localAs() : m.peerAs();
        boolean ap = m.addPath();

        // Everything before the prefix is the same for every line of the record, and everything
        // after it for every announcement of the UPDATE: build both once.
        StringBuilder head = new StringBuilder(64).append(label).append('|');
        timestamp(m.header(), head);
        int kindAt = head.length() + 1;
        head.append("|W|");
        address(peer, head);
        head.append('|').append(peerAs).append('|');

        for (Nlri n : u.withdrawn()) withdrawLine(head, n, ap, out);
        MpUnreachNlri unreach = u.get(MpUnreachNlri.class);
        if (unreach != null && unreach.family().hasPrefixNlri()) {
            for (Nlri n : unreach.withdrawn()) withdrawLine(head, n, ap, out);
        }
        MpReachNlri reach = u.get(MpReachNlri.class);
        boolean reaches = reach != null && reach.family().hasPrefixNlri() && !reach.nlri().isEmpty();
        if (u.nlri().isEmpty() && !reaches) return;
        head.setCharAt(kindAt, 'A');
        List<PathAttribute> attrs = u.attributes();
        String path = asPath(attrs, !m.as4());
        String aggregator = aggregator(attrs, !m.as4());
        if (!u.nlri().isEmpty()) {
            StringBuilder tail = new StringBuilder(128);
            attributes(attrs, path, v4NextHop(attrs), false, aggregator, tail);
            for (Nlri n : u.nlri()) announceLine(head, n, ap, tail, out);
        }
        if (reaches) {
            StringBuilder tail = new StringBuilder(128);
            // bgpdump: %d for LOCAL_PREF and MED of IPv4 routes from MP_REACH_NLRI.
            attributes(attrs, path, reach.nextHopAddress(), reach.family().afi() == Family.AFI_IPV4, aggregator, tail);
            for (Nlri n : reach.nlri()) announceLine(head, n, ap, tail, out);
        }
    }

    private static void withdrawLine(CharSequence head, Nlri n, boolean ap, StringBuilder out) {
        out.append(head);
        maskedPrefix(n.prefix(), out);
        if (ap) out.append('|').append(n.pathId());
        out.append('\n');
    }

    private static void announceLine(CharSequence head, Nlri n, boolean ap, CharSequence tail, StringBuilder out) {
        out.append(head);
        maskedPrefix(n.prefix(), out);
        out.append('|');
        if (ap) out.append(n.pathId()).append('|');
        out.append(tail);
    }

    private static void state(MrtRecord.Bgp4mpStateChange s, StringBuilder out) {
        out.append(s.header().type() == MrtHeader.BGP4MP_ET ? "BGP4MP_ET" : "BGP4MP").append('|');
        timestamp(s.header(), out);
        out.append("|STATE|");
        address(s.peerAddress(), out);
        out.append('|').append(s.peerAs()).append('|').append(s.oldState()).append('|').append(s.newState()).append('\n');
    }

    /** as_path|origin|next_hop|local_pref|med|communities|AG|aggregator| and the newline. */
    private static void attributes(List<PathAttribute> attrs, String path, IpAddress nextHop, boolean signed,
                                   String aggregator, StringBuilder out) {
        out.append(path).append('|');
        Origin o = find(attrs, Origin.class);
        // bgpdump: anything but 0 and 1, or no ORIGIN at all, is INCOMPLETE.
        out.append(o == null ? "INCOMPLETE" : o.value() == Origin.IGP ? "IGP" : o.value() == Origin.EGP ? "EGP" : "INCOMPLETE");
        out.append('|');
        address(nextHop, out);
        out.append('|');
        LocalPref lp = find(attrs, LocalPref.class);
        long lpv = lp == null ? 0 : lp.value();
        out.append(signed ? (long) (int) lpv : lpv).append('|');
        MultiExitDisc med = find(attrs, MultiExitDisc.class);
        long medv = med == null ? 0 : med.value();
        out.append(signed ? (long) (int) medv : medv).append('|');
        Communities c = find(attrs, Communities.class);
        if (c != null) {
            List<Long> v = c.values();
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) out.append(' ');
                long x = v.get(i);
                if (x == Communities.NO_EXPORT) out.append("no-export");
                else if (x == Communities.NO_ADVERTISE) out.append("no-advertise");
                else if (x == Communities.NO_EXPORT_SUBCONFED) out.append("local-AS");
                else out.append(x >>> 16).append(':').append(x & 0xFFFF);
            }
        }
        out.append('|').append(find(attrs, AtomicAggregate.class) != null ? "AG" : "NAG").append('|');
        out.append(aggregator).append("|\n");
    }

    /**
     * The aggregator field. With {@code merge} (2-octet AS contexts), bgpdump replaces an AS_TRANS
     * AGGREGATOR by AS4_AGGREGATOR (RFC 6793 §4.2.3).
     */
    private static String aggregator(List<PathAttribute> attrs, boolean merge) {
        Aggregator a = lastAggregator(attrs);
        if (a == null) return "";
        long as = a.asn();
        IpAddress ip = a.address();
        As4Aggregator a4 = merge ? find(attrs, As4Aggregator.class) : null;
        if (a4 != null && as == io.proxima.bgp.wire.cap.FourOctetAs.AS_TRANS) {
            as = a4.asn();
            ip = a4.address();
        }
        if (ip.equals(NO_NEXT_HOP)) return ""; // bgpdump: 255.255.255.255 marks "no aggregator"
        return as + " " + ip;
    }

    private static Aggregator lastAggregator(List<PathAttribute> attrs) {
        Aggregator last = null; // bgpdump: with duplicate AGGREGATORs the last one wins
        for (PathAttribute a : attrs) if (a instanceof Aggregator g) last = g;
        return last;
    }

    /**
     * The AS path string. With {@code merge}, AS4_PATH is merged the way bgpdump does it, which
     * differs from RFC 6793 §4.2.3 in three ways: it skips the merge when AGGREGATOR is present and
     * not AS_TRANS beside AS4_AGGREGATOR; it keeps AS_PATH when AS4_PATH is longer; and it copies
     * the first AS_PATH segment repeatedly instead of walking the segments.
     */
    static String asPath(List<PathAttribute> attrs, boolean merge) {
        AsPath p = find(attrs, AsPath.class);
        if (p == null) return "";
        List<Segment> segs = p.segments();
        As4Path p4 = merge ? find(attrs, As4Path.class) : null;
        if (p4 != null) {
            Aggregator ag = lastAggregator(attrs);
            boolean blocked = ag != null && find(attrs, As4Aggregator.class) != null
                    && ag.asn() != io.proxima.bgp.wire.cap.FourOctetAs.AS_TRANS;
            int count = count(segs);
            int count4 = count(p4.segments());
            if (!blocked && count >= count4 && !segs.isEmpty()) {
                int need = count - count4;
                List<Segment> merged = new ArrayList<>();
                int copied = 0;
                Segment first = segs.get(0);
                while (copied < need) {
                    if (first.type() == Segment.AS_SET || first.type() == Segment.AS_CONFED_SET) {
                        merged.add(first);
                        copied++;
                    } else {
                        long[] asns = first.asns();
                        int take = Math.min(asns.length, need - copied);
                        copied += asns.length;
                        merged.add(new Segment(first.type(), java.util.Arrays.copyOf(asns, take)));
                    }
                }
                merged.addAll(p4.segments());
                segs = merged;
            }
        }
        return formatPath(segs);
    }

    private static int count(List<Segment> segs) {
        int n = 0;
        for (Segment s : segs) n += s.type() == Segment.AS_SET || s.type() == Segment.AS_CONFED_SET ? 1 : s.size();
        return n;
    }

    /** bgpdump's path string: sequences run together, sets in {a,b}, confed sequences (a b), confed sets [a,b]. */
    static String formatPath(List<Segment> segs) {
        StringBuilder sb = new StringBuilder(64);
        int prev = Segment.AS_SEQUENCE;
        boolean sep = false;
        for (Segment s : segs) {
            if (prev != Segment.AS_SEQUENCE) sb.append(close(prev));
            if (sep) {
                sb.append(' ');
                sep = false;
            }
            if (s.type() != Segment.AS_SEQUENCE) {
                sb.append(open(s.type()));
                sep = false;
            }
            boolean comma = s.type() == Segment.AS_SET || s.type() == Segment.AS_CONFED_SET;
            for (int i = 0; i < s.size(); i++) {
                if (sep) sb.append(comma ? ',' : ' '); else sep = true;
                sb.append(s.get(i));
            }
            if (sb.length() > MAX_AS_PATH_CHARS) {
                return sb.append("...").toString();
            }
            prev = s.type();
        }
        if (prev != Segment.AS_SEQUENCE) sb.append(close(prev));
        return sb.toString();
    }

    private static char open(int type) {
        return switch (type) { case Segment.AS_SET -> '{'; case Segment.AS_CONFED_SEQUENCE -> '('; default -> '['; };
    }

    private static char close(int type) {
        return switch (type) { case Segment.AS_SET -> '}'; case Segment.AS_CONFED_SEQUENCE -> ')'; default -> ']'; };
    }

    private static void timestamp(MrtHeader h, StringBuilder out) {
        out.append(h.timestamp());
        if (h.type() == MrtHeader.BGP4MP_ET) {
            out.append('.');
            String us = Long.toString(h.microseconds() & 0xFFFF_FFFFL);
            for (int i = us.length(); i < 6; i++) out.append('0');
            out.append(us);
        }
    }

    private static void maskedPrefix(Prefix p, StringBuilder out) {
        address(p.network(), out);
        out.append('/').append(p.length());
    }

    private static void rawPrefix(Prefix p, StringBuilder out) {
        address(p.rawAddress(), out);
        out.append('/').append(p.length());
    }

    /**
     * bgpdump's own IPv6 formatter, which is neither glibc's nor RFC 5952's: the longest run of
     * zero groups is compressed even when it is a single group, and ::a.b.c.d is used whenever the
     * first 96 bits are zero and the last 32 exceed 1.
     */
    static void address(IpAddress a, StringBuilder out) {
        if (!a.v6()) {
            int v = (int) a.lo();
            out.append((v >>> 24) & 0xFF).append('.').append((v >>> 16) & 0xFF).append('.')
                    .append((v >>> 8) & 0xFF).append('.').append(v & 0xFF);
            return;
        }
        long hi = a.hi(), lo = a.lo();
        if (hi == 0 && (lo >>> 32) == 0xFFFF) {
            out.append("::ffff:");
            address(IpAddress.v4((int) lo), out);
            return;
        }
        if (hi == 0 && (lo >>> 32) == 0 && (lo & 0xFFFF_FFFFL) > 1) {
            out.append("::");
            address(IpAddress.v4((int) lo), out);
            return;
        }
        int[] w = new int[8];
        for (int i = 0; i < 4; i++) w[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
        for (int i = 0; i < 4; i++) w[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        int bestBase = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) { bestBase = i; bestLen = j - i; }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestBase) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestBase + bestLen) out.append(':');
            out.append(Integer.toHexString(w[i]));
        }
    }

    private static <T extends PathAttribute> T find(List<PathAttribute> attrs, Class<T> kind) {
        for (int i = 0; i < attrs.size(); i++) {
            PathAttribute a = attrs.get(i);
            if (kind.isInstance(a)) return kind.cast(a);
        }
        return null;
    }

}
