package io.proxima.bgp.rib;

import io.proxima.bgp.wire.IpAddress;

/**
 * Who a route was learned from: what the decision process (RFC 4271 §9.1.2.2) and the export rules
 * (§9.2) need to know about the neighbour.
 *
 * <p>The speaker itself is a peer too, for the routes it originates: {@link #local} gives it the
 * unspecified address 0.0.0.0, which no real BGP neighbour can have.
 *
 * @param address the neighbour's transport address (the session's remote address)
 * @param asn     the neighbour's AS, as in its OPEN (RFC 6793: 4 octets)
 * @param bgpId   the neighbour's BGP Identifier (RFC 4271 §4.2)
 * @param ebgp    whether the neighbour is in another AS (an external peer, RFC 4271 §3)
 * @param localAs our own AS on this session
 */
public record PeerId(IpAddress address, long asn, IpAddress bgpId, boolean ebgp, long localAs) {

    /** The address that marks the speaker itself: 0.0.0.0 (a martian, never a neighbour). */
    public static final IpAddress LOCAL_ADDRESS = IpAddress.v4(0);

    private static final long MAX_ASN = 0xFFFF_FFFFL;

    public PeerId {
        if (address == null || bgpId == null) throw new NullPointerException("address and BGP identifier are required");
        if (asn < 0 || asn > MAX_ASN || localAs < 0 || localAs > MAX_ASN) {
            throw new IllegalArgumentException("AS out of range: " + asn + ", local " + localAs);
        }
    }

    /** A neighbour; eBGP exactly when its AS differs from ours (no confederations, RFC 5065). */
    public static PeerId of(IpAddress address, long asn, IpAddress bgpId, long localAs) {
        return new PeerId(address, asn, bgpId, asn != localAs, localAs);
    }

    /** The speaker itself, as the source of locally originated routes. */
    public static PeerId local(long localAs, IpAddress routerId) {
        return new PeerId(LOCAL_ADDRESS, localAs, routerId, false, localAs);
    }

    /** Whether this is the speaker itself rather than a neighbour. */
    public boolean isLocal() {
        return address.equals(LOCAL_ADDRESS);
    }

    /** Whether a route from this peer is an iBGP-learned one (internal neighbour, not ourselves). */
    public boolean ibgp() {
        return !ebgp && !isLocal();
    }

    @Override
    public String toString() {
        if (isLocal()) return "local (AS " + localAs + ")";
        return address + " (AS " + asn + (ebgp ? ", eBGP" : ", iBGP") + ")";
    }
}
