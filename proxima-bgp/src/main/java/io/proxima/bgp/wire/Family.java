package io.proxima.bgp.wire;

/**
 * An address family: AFI (RFC 4760 §3, IANA "Address Family Numbers") and SAFI. Open: any pair
 * round-trips; {@link #hasPrefixNlri()} says which ones have NLRI the codec parses.
 */
public record Family(int afi, int safi) {

    public static final int AFI_IPV4 = 1;
    public static final int AFI_IPV6 = 2;
    public static final int SAFI_UNICAST = 1;

    public static final Family IPV4_UNICAST = new Family(AFI_IPV4, SAFI_UNICAST);
    public static final Family IPV6_UNICAST = new Family(AFI_IPV6, SAFI_UNICAST);

    public Family {
        if (afi < 0 || afi > 0xFFFF || safi < 0 || safi > 0xFF) {
            throw new IllegalArgumentException("AFI/SAFI out of range: " + afi + "/" + safi);
        }
    }

    public static Family of(int afi, int safi) {
        if (safi == SAFI_UNICAST) {
            if (afi == AFI_IPV4) return IPV4_UNICAST;
            if (afi == AFI_IPV6) return IPV6_UNICAST;
        }
        return new Family(afi, safi);
    }

    public static final int SAFI_MULTICAST = 2;
    /** RFC 4760 §6 (since deprecated): unicast and multicast at once. Same NLRI shape. */
    public static final int SAFI_UNICAST_MULTICAST = 3;

    /**
     * Whether this family's NLRI are plain IPv4/IPv6 prefixes, which the codec parses: unicast,
     * multicast and the old combined SAFI 3. Other families are kept as octets.
     */
    public boolean hasPrefixNlri() {
        return (afi == AFI_IPV4 || afi == AFI_IPV6) && safi >= SAFI_UNICAST && safi <= SAFI_UNICAST_MULTICAST;
    }

    /** Address length in octets for the supported families. */
    public int addressOctets() {
        return afi == AFI_IPV6 ? IpAddress.IPV6_BYTES : IpAddress.IPV4_BYTES;
    }

    @Override
    public String toString() {
        if (this.equals(IPV4_UNICAST)) return "ipv4-unicast";
        if (this.equals(IPV6_UNICAST)) return "ipv6-unicast";
        return "afi" + afi + "/safi" + safi;
    }
}
