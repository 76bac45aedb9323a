package io.proxima.labkit;

import java.util.Map;

/**
 * FRR prints well-known communities by name ({@code graceful-shutdown} in its text, and
 * {@code gracefulShutdown} in the JSON list); {@link Route#communities()} holds every community as
 * {@code asn:value}. Values from the IANA "BGP Well-known Communities" registry.
 */
final class Communities {

    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("internet", "0:0"),
            Map.entry("graceful-shutdown", "65535:0"),            // RFC 8326
            Map.entry("accept-own", "65535:1"),                   // RFC 7611
            Map.entry("route-filter-translated-v4", "65535:2"),
            Map.entry("route-filter-v4", "65535:3"),
            Map.entry("route-filter-translated-v6", "65535:4"),
            Map.entry("route-filter-v6", "65535:5"),
            Map.entry("llgr-stale", "65535:6"),                   // RFC 9494
            Map.entry("no-llgr", "65535:7"),
            Map.entry("accept-own-nexthop", "65535:8"),
            Map.entry("blackhole", "65535:666"),                  // RFC 7999
            Map.entry("no-export", "65535:65281"),                // RFC 1997
            Map.entry("no-advertise", "65535:65282"),
            Map.entry("local-AS", "65535:65283"),
            Map.entry("no-peer", "65535:65284"));                 // RFC 3765

    private Communities() {
    }

    private static final Map<String, String> BY_KEY = keyed();

    private static Map<String, String> keyed() {
        Map<String, String> m = new java.util.HashMap<>();
        WELL_KNOWN.forEach((name, value) -> m.put(key(name), value));
        return Map.copyOf(m);
    }

    /** Both spellings to one key: lower case, without dashes. */
    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("-", "");
    }

    static String numeric(String community) {
        return BY_KEY.getOrDefault(key(community), community);
    }

    /** A community as GoBGP's JSON has it: one 32-bit number, high half the AS. */
    static String ofUint32(long value) {
        return (value >>> 16) + ":" + (value & 0xFFFF);
    }
}
