package io.proxima.labkit;

/** The address families the lab configures (RFC 4760 AFI/SAFI pairs). */
public enum Family {
    IPV4_UNICAST, IPV6_UNICAST;

    /** The family of an address or prefix: IPv6 if it contains a colon. */
    public static Family of(String addressOrPrefix) {
        return addressOrPrefix.contains(":") ? IPV6_UNICAST : IPV4_UNICAST;
    }

    boolean ipv6() {
        return this == IPV6_UNICAST;
    }

    /** "ipv4" / "ipv6", as BIRD channels, FRR address families and GoBGP's -a call it. */
    String afi() {
        return ipv6() ? "ipv6" : "ipv4";
    }
}
