package io.proxima.bfd;

/**
 * Why a received packet was discarded: one value per reception rule of RFC 5880 §6.8.6, plus the
 * transport rules of RFC 5881 and the demultiplexing outcomes. Counted per session (or per service
 * when no session can be named) and shown in snapshots, so an operator sees which rule a peer
 * breaks.
 */
public enum DropReason {

    /** §6.8.6: "If the version number is not correct (1), the packet MUST be discarded." */
    VERSION("RFC 5880 §6.8.6", "version is not 1", true),
    /** §6.8.6: Length below 24, or below 26 with the A bit set. */
    LENGTH_TOO_SMALL("RFC 5880 §6.8.6", "Length field below the minimum", true),
    /** §6.8.6: Length greater than the UDP payload (a datagram too short for the Mandatory Section included). */
    LENGTH_BEYOND_PAYLOAD("RFC 5880 §6.8.6", "Length field beyond the datagram", true),
    /** §6.8.6: "If the Detect Mult field is zero, the packet MUST be discarded." */
    DETECT_MULT_ZERO("RFC 5880 §6.8.6", "Detect Mult is zero", true),
    /** §6.8.6: "If the Multipoint (M) bit is nonzero, the packet MUST be discarded." */
    MULTIPOINT("RFC 5880 §6.8.6", "Multipoint bit set", true),
    /** §6.8.6: "If the My Discriminator field is zero, the packet MUST be discarded." */
    MY_DISCRIMINATOR_ZERO("RFC 5880 §6.8.6", "My Discriminator is zero", true),
    /** §6.8.6: Your Discriminator zero while State is neither Down nor AdminDown. */
    YOUR_DISCRIMINATOR_ZERO("RFC 5880 §6.8.6", "Your Discriminator is zero in state Init or Up", true),
    /** §6.8.6: the Authentication Section does not parse (Auth Len inconsistent with Length or Auth Type). */
    AUTH_MALFORMED("RFC 5880 §6.7", "malformed Authentication Section", true),
    /** §6.8.6: "If the A bit is set and no authentication is in use (bfd.AuthType is zero), the packet MUST be discarded." */
    AUTH_UNEXPECTED("RFC 5880 §6.8.6", "A bit set but no authentication configured", true),
    /** §6.8.6: "If the A bit is clear and authentication is in use (bfd.AuthType is nonzero), the packet MUST be discarded." */
    AUTH_MISSING("RFC 5880 §6.8.6", "A bit clear but authentication configured", true),
    /** §6.7: wrong type, key ID, password or digest, or a sequence number out of the window. */
    AUTH_FAILED("RFC 5880 §6.7", "authentication failed", true),
    /** RFC 5881 §5: received TTL or Hop Limit not 255, so the packet may come from off the link. */
    TTL("RFC 5881 §5", "TTL or Hop Limit not 255", true),
    /** §6.8.6: a nonzero Your Discriminator that names no session, or no session for the source address. */
    NO_SESSION("RFC 5880 §6.8.6", "no session for this packet", false),
    /**
     * RFC 5881 §3 demultiplexes single-hop sessions by address: a Your Discriminator that names a
     * session with another peer address is refused, so a discriminator alone cannot steer a session.
     */
    SOURCE_MISMATCH("RFC 5881 §3", "discriminator of a session with another peer", true),
    /** §6.8.6: "If bfd.SessionState is AdminDown: Discard the packet." Expected, not an error. */
    LOCAL_ADMIN_DOWN("RFC 5880 §6.8.6", "session is AdminDown", false);

    private final String rfc;
    private final String description;
    private final boolean malformed;

    DropReason(String rfc, String description, boolean malformed) {
        this.rfc = rfc;
        this.description = description;
        this.malformed = malformed;
    }

    /** Where the rule is written. */
    public String rfc() {
        return rfc;
    }

    public String description() {
        return description;
    }

    /**
     * True for packets that break a rule (bad format, bad authentication, wrong TTL); false for
     * drops that a correct peer also causes (before the handshake, or while we are AdminDown).
     */
    public boolean malformed() {
        return malformed;
    }
}
