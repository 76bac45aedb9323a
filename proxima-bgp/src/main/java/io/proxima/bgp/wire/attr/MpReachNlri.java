package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_OPTIONAL_ATTRIBUTE_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.bgp.wire.nlri.NlriCodec;
import java.util.List;
import java.util.Optional;

/**
 * MP_REACH_NLRI (RFC 4760 §3): optional non-transitive.
 * <pre>
 *   +---------------------------------------------------------+
 *   | Address Family Identifier (2 octets)                    |
 *   | Subsequent Address Family Identifier (1 octet)          |
 *   | Length of Next Hop Network Address (1 octet)            |
 *   | Network Address of Next Hop (variable)                  |
 *   | Reserved (1 octet)                                      |
 *   | Network Layer Reachability Information (variable)       |
 *   +---------------------------------------------------------+
 * </pre>
 * IPv6 next hops are 16 octets (global) or 32 (global, then link-local: RFC 2545 §3). IPv4 unicast
 * accepts 4, or 16/32 with an IPv6 next hop (RFC 8950 §3). In an MRT RIB entry the attribute holds
 * only the next-hop length and next hop (RFC 6396 §4.3.4); it then has family {@link #RIB_ENTRY}.
 *
 * <p>RFC 7606 §7.11: a next-hop length that does not fit the family, or NLRI that cannot be parsed,
 * leaves no reliable way to find the routes: session reset.
 *
 * @param unparsedNlri the NLRI octets of a family without prefix NLRI (empty otherwise)
 */
public record MpReachNlri(int flags, Family family, Octets nextHop, int reserved, List<Nlri> nlri, Octets unparsedNlri)
        implements PathAttribute {

    /** The family of the abbreviated MRT RIB-entry form, which names none. */
    public static final Family RIB_ENTRY = new Family(0, 0);

    public MpReachNlri {
        nlri = List.copyOf(nlri);
        if (nextHop.length() > 0xFF) throw new IllegalArgumentException("next hop too long");
    }

    public static MpReachNlri of(Family family, IpAddress nextHop, List<Nlri> nlri) {
        return new MpReachNlri(OPTIONAL, family, Octets.of(nextHop.toBytes()), 0, nlri, Octets.EMPTY);
    }

    /** IPv6 with a global and a link-local next hop (32 octets, RFC 2545 §3). */
    public static MpReachNlri of(Family family, IpAddress global, IpAddress linkLocal, List<Nlri> nlri) {
        byte[] nh = new byte[32];
        System.arraycopy(global.toBytes(), 0, nh, 0, 16);
        System.arraycopy(linkLocal.toBytes(), 0, nh, 16, 16);
        return new MpReachNlri(OPTIONAL, family, Octets.of(nh), 0, nlri, Octets.EMPTY);
    }

    static MpReachNlri decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (facts.ribEntry() && v.readableBytes() >= 1 && v.getUnsignedByte(v.readerIndex()) == v.readableBytes() - 1) {
            int nhLen = v.readUnsignedByte();
            return new MpReachNlri(flags, RIB_ENTRY, Octets.read(v, nhLen), 0, List.of(), Octets.EMPTY);
        }
        if (v.readableBytes() < 5) {
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI length " + v.readableBytes() + " is too short");
        }
        Family family = Family.of(v.readUnsignedShort(), v.readUnsignedByte());
        if (facts.ribEntry() && family.equals(RIB_ENTRY)) {
            // The full form for AFI 0 / SAFI 0 would decode to the value of the abbreviated form,
            // and so re-encode as that: refuse it here, the one place where both forms occur.
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI for AFI 0 / SAFI 0 in an MRT RIB entry");
        }
        int nhLen = v.readUnsignedByte();
        if (v.readableBytes() < nhLen + 1) {
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI next hop of " + nhLen + " octets overruns the attribute");
        }
        if (family.hasPrefixNlri() && !validNextHopLength(family, nhLen)) {
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI next hop length " + nhLen + " is invalid for " + family);
        }
        Octets nh = Octets.read(v, nhLen);
        int reserved = v.readUnsignedByte();
        if (!family.hasPrefixNlri()) {
            return new MpReachNlri(flags, family, nh, reserved, List.of(), Octets.read(v, v.readableBytes()));
        }
        try {
            return new MpReachNlri(flags, family, nh, reserved, NlriCodec.decode(v, family, facts.addPath(family)), Octets.EMPTY);
        } catch (NlriCodec.InvalidNlri e) {
            throw new Malformed(UPDATE_OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI " + family + ": " + e.getMessage());
        }
    }

    static boolean validNextHopLength(Family family, int len) {
        if (family.afi() == Family.AFI_IPV4) return len == 4 || len == 16 || len == 32;
        return len == 16 || len == 32;
    }

    /** The (global) next hop: the first 4 or 16 octets. */
    public IpAddress nextHopAddress() {
        byte[] b = nextHop.toByteArray();
        if (b.length == 4) return IpAddress.of(b);
        if (b.length >= 16) return IpAddress.of(java.util.Arrays.copyOf(b, 16));
        throw new IllegalStateException("next hop of " + b.length + " octets");
    }

    /** The link-local next hop of a 32-octet IPv6 next hop (RFC 2545 §3). */
    public Optional<IpAddress> linkLocalNextHop() {
        if (nextHop.length() != 32) return Optional.empty();
        return Optional.of(IpAddress.of(java.util.Arrays.copyOfRange(nextHop.toByteArray(), 16, 32)));
    }

    @Override public int typeCode() { return MP_REACH_NLRI; }

    @Override
    public int valueLength(SessionFacts facts) {
        if (facts.ribEntry() && family.equals(RIB_ENTRY)) return 1 + nextHop.length();
        return 5 + nextHop.length() + NlriCodec.encodedLength(nlri, facts.addPath(family)) + unparsedNlri.length();
    }

    @Override
    public void writeValue(ByteBuf out, SessionFacts facts) {
        // Only an MRT RIB entry has the abbreviated form; on a session, AFI 0 / SAFI 0 (reserved,
        // but it can arrive) re-encodes in full.
        if (facts.ribEntry() && family.equals(RIB_ENTRY)) {
            out.writeByte(nextHop.length());
            nextHop.write(out);
            return;
        }
        out.writeShort(family.afi()).writeByte(family.safi()).writeByte(nextHop.length());
        nextHop.write(out);
        out.writeByte(reserved);
        NlriCodec.encode(nlri, out, facts.addPath(family));
        unparsedNlri.write(out);
    }
}
