package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Reserved IPv6 subnet anycast addresses (RFC 2526). A service can name such an address by its
 * subnet and ID instead of writing out 64 bits of interface identifier.
 *
 * <p>RFC 2526 §2: "Within each subnet, the highest 128 interface identifier values are reserved for
 * assignment as subnet anycast addresses." For subnets whose interface identifiers are 64 bits in
 * EUI-64 format, "the universal/local bit MUST be set to 0 (local)", which gives:
 * <pre>
 * |              64 bits            |      57 bits     |  7 bits  |
 * +---------------------------------+------------------+----------+
 * |           subnet prefix         | 1111110111...111 |anycast ID|
 * +---------------------------------+------------------+----------+
 * </pre>
 * that is, the interface identifier fdff:ffff:ffff:ff80 OR'ed with the 7-bit ID. §3 assigns
 * 0x7E (126) to Mobile IPv6 Home-Agents anycast and reserves 0x7F (127) and 0x00-0x7D (0-125).
 *
 * <p>Only /64 subnets are accepted: every IPv6 unicast subnet outside ::/3 uses 64-bit EUI-64
 * interface identifiers (RFC 4291 §2.5.1), and §2's other construction (for non-EUI-64 formats)
 * has no real use today.
 */
public final class Rfc2526 {

    /** The subnet length whose interface identifiers are 64 bits. */
    public static final int SUBNET_LENGTH = 64;
    /** The anycast ID is 7 bits. */
    public static final int MAX_ID = 127;
    public static final int COUNT = MAX_ID + 1;
    /** RFC 2526 §3: Mobile IPv6 Home-Agents anycast. */
    public static final int MOBILE_IPV6_HOME_AGENTS = 0x7E;
    /** The 57 high bits of the interface identifier: all ones but the universal/local bit. */
    static final long INTERFACE_ID_BASE = 0xFDFF_FFFF_FFFF_FF80L;

    private Rfc2526() {}

    /** The reserved subnet anycast address with {@code id} in {@code subnet}. */
    public static IpAddress address(Prefix subnet, int id) {
        checkSubnet(subnet);
        checkId(id);
        return IpAddress.v6(subnet.network().hi(), INTERFACE_ID_BASE | id);
    }

    /** All 128, index = ID. */
    public static List<IpAddress> all(Prefix subnet) {
        checkSubnet(subnet);
        List<IpAddress> list = new ArrayList<>(COUNT);
        for (int id = 0; id <= MAX_ID; id++) list.add(address(subnet, id));
        return List.copyOf(list);
    }

    /** What RFC 2526 §3 assigns the ID to. */
    public static String meaning(int id) {
        checkId(id);
        return id == MOBILE_IPV6_HOME_AGENTS ? "Mobile IPv6 Home-Agents anycast" : "reserved";
    }

    /** Throws with a user-facing message unless {@code subnet} is an IPv6 /64 without host bits. */
    public static void checkSubnet(Prefix subnet) {
        if (!subnet.isV6()) throw new IllegalArgumentException("an RFC 2526 subnet is IPv6, not " + subnet);
        if (subnet.length() != SUBNET_LENGTH) {
            throw new IllegalArgumentException("an RFC 2526 subnet is a /" + SUBNET_LENGTH + ", not /" + subnet.length());
        }
        if (subnet.hasTrailingBits()) {
            throw new IllegalArgumentException(subnet.rawAddress() + "/" + subnet.length() + " has host bits set; did you mean " + subnet + "?");
        }
    }

    public static void checkId(int id) {
        if (id < 0 || id > MAX_ID) throw new IllegalArgumentException("an RFC 2526 anycast ID is 0.." + MAX_ID + ", not " + id);
    }
}
