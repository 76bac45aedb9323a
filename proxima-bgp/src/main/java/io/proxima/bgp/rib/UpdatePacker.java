package io.proxima.bgp.rib;

import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.bgp.wire.nlri.NlriCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs routes into as few UPDATEs as the session's maximum message length allows (4096 octets, or
 * 65535 with RFC 8654 extended messages). Sizes are computed exactly, octet for octet what
 * {@link io.proxima.bgp.wire.MessageEncoder} writes:
 * <pre>
 *   19 header + 2 withdrawn length + withdrawn routes + 2 attribute length + attributes + NLRI
 * </pre>
 * IPv4 routes with an IPv4 next hop use the withdrawn and NLRI fields with NEXT_HOP (RFC 4271
 * §4.3); IPv6 routes, and IPv4 routes with an IPv6 next hop (RFC 8950 §3), use MP_REACH_NLRI /
 * MP_UNREACH_NLRI (RFC 4760 §3, §4). IPv4 withdrawals always use the withdrawn field.
 */
final class UpdatePacker {

    /** The fixed part of an UPDATE: header, Withdrawn Routes Length, Total Path Attribute Length. */
    static final int UPDATE_OVERHEAD = BgpMessage.HEADER_LENGTH + Update.FIXED_LENGTH;
    /** MP_REACH_NLRI before its next hop and NLRI: AFI, SAFI, next-hop length, then Reserved (RFC 4760 §3). */
    static final int MP_REACH_FIXED = 5;
    /** MP_UNREACH_NLRI before its withdrawn routes: AFI, SAFI (RFC 4760 §4). */
    static final int MP_UNREACH_FIXED = 3;

    private final SessionFacts facts;
    private final int max;

    UpdatePacker(SessionFacts facts) {
        this.facts = facts;
        this.max = facts.maxMessageLength();
    }

    /** Withdrawals of one family, as few UPDATEs as fit. */
    List<Update> withdrawals(Family family, List<Prefix> prefixes) {
        List<Update> out = new ArrayList<>();
        boolean classic = family.equals(Family.IPV4_UNICAST);
        boolean ap = facts.addPath(family);
        int room = max - UPDATE_OVERHEAD - (classic ? 0 : MP_UNREACH_FIXED);
        List<Nlri> chunk = new ArrayList<>();
        int used = 0;
        for (Prefix p : prefixes) {
            Nlri n = Nlri.of(p);
            int len = NlriCodec.encodedLength(n, ap);
            if (used + len + (classic ? 0 : attributeHeader(MP_UNREACH_FIXED + used + len)) > room) {
                out.add(withdrawal(family, chunk));
                chunk = new ArrayList<>();
                used = 0;
            }
            chunk.add(n);
            used += len;
        }
        if (!chunk.isEmpty()) out.add(withdrawal(family, chunk));
        return out;
    }

    /**
     * Announcements of routes that share their attributes, as few UPDATEs as fit; the prefixes
     * are of one family. Returns null when the attributes alone leave no room for one prefix.
     */
    List<Update> announcements(Family family, Attributes a, List<Prefix> prefixes) {
        IpAddress nh = a.nextHop();
        if (nh == null) throw new IllegalArgumentException("no next hop for " + family + " routes: " + a);
        boolean classic = family.equals(Family.IPV4_UNICAST) && !nh.v6();
        boolean ap = facts.addPath(family);
        int nextHopLength = nh.octets() + (a.linkLocalNextHop() == null ? 0 : IpAddress.IPV6_BYTES);
        PathAttribute classicNextHop = classic ? new NextHop(nh) : null;
        int fixed = UPDATE_OVERHEAD;
        for (PathAttribute x : a.list()) fixed += x.encodedLength(facts);
        if (classic) fixed += classicNextHop.encodedLength(facts);
        int mpFixed = classic ? 0 : MP_REACH_FIXED + nextHopLength;
        List<Update> out = new ArrayList<>();
        List<Nlri> chunk = new ArrayList<>();
        int used = 0;
        for (Prefix p : prefixes) {
            Nlri n = Nlri.of(p);
            int len = NlriCodec.encodedLength(n, ap);
            if (size(fixed, classic, mpFixed, used + len) > max) {
                if (chunk.isEmpty()) return null;
                out.add(announcement(family, a, classicNextHop, chunk));
                chunk = new ArrayList<>();
                used = 0;
                if (size(fixed, classic, mpFixed, len) > max) return null;
            }
            chunk.add(n);
            used += len;
        }
        if (!chunk.isEmpty()) out.add(announcement(family, a, classicNextHop, chunk));
        return out;
    }

    private static int size(int fixed, boolean classic, int mpFixed, int nlriLength) {
        if (classic) return fixed + nlriLength;
        int value = mpFixed + nlriLength;
        return fixed + attributeHeader(value) + value;
    }

    /** Flags, type and a one-octet length, or two octets once the value needs Extended Length (RFC 4271 §4.3). */
    private static int attributeHeader(int valueLength) {
        return valueLength > PathAttribute.MAX_SHORT_LENGTH ? 4 : 3;
    }

    private static Update withdrawal(Family family, List<Nlri> nlri) {
        if (family.equals(Family.IPV4_UNICAST)) return new Update(nlri, List.of(), List.of());
        return new Update(List.of(), List.of(MpUnreachNlri.of(family, nlri)), List.of());
    }

    /** The attributes in type-code order (RFC 4271 §5), with NEXT_HOP or MP_REACH_NLRI in its place. */
    private static Update announcement(Family family, Attributes a, PathAttribute classicNextHop, List<Nlri> nlri) {
        PathAttribute extra = classicNextHop != null ? classicNextHop
                : a.linkLocalNextHop() == null ? MpReachNlri.of(family, a.nextHop(), nlri)
                : MpReachNlri.of(family, a.nextHop(), a.linkLocalNextHop(), nlri);
        List<PathAttribute> attributes = new ArrayList<>(a.list().size() + 1);
        boolean placed = false;
        for (PathAttribute x : a.list()) {
            if (!placed && x.typeCode() > extra.typeCode()) {
                attributes.add(extra);
                placed = true;
            }
            attributes.add(x);
        }
        if (!placed) attributes.add(extra);
        return new Update(List.of(), attributes, classicNextHop != null ? nlri : List.of());
    }
}
