package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one entry of a service's {@code prefixes}: {@code 198.51.100.75/32}, a bare address (a
 * host route), or {@code rfc2526: {subnet: 2001:db8:1::/64, id: 126}}.
 */
final class PrefixReader {

    private PrefixReader() {}

    static Optional<Prefix> read(Values v, Node n) {
        if (!(n instanceof ScalarNode)) return rfc2526(v, n);
        return v.word(n, "prefix").flatMap(text -> parse(v, n, text.strip())).filter(p -> {
            String why = unannounceable(p);
            if (why != null) v.error(n, "prefix " + p + " " + why);
            return why == null;
        });
    }

    /** The prefix, or empty after reporting why not; host bits set are an error with the fix. */
    static Optional<Prefix> parse(Values v, Node n, String text) {
        Prefix p;
        try {
            p = Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            v.error(n, "not a prefix: '" + text + "' (expected an address and length, like 198.51.100.75/32 or 2001:db8::/48)");
            return Optional.empty();
        }
        if (p.hasTrailingBits()) {
            v.error(n, p.rawAddress() + "/" + p.length() + " has host bits set; did you mean " + p + "?");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static Optional<Prefix> rfc2526(Values v, Node n) {
        Optional<Section> entry = Section.open(v, n, "prefix", "prefix");
        if (entry.isEmpty()) return Optional.empty();
        Optional<Section> open = entry.get().required("rfc2526", "prefix: expected a prefix or rfc2526: {subnet, id}")
                .flatMap(r -> Section.open(v, r, "rfc2526", "rfc2526"));
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        Optional<Prefix> subnet = s.required("subnet", "rfc2526 has no subnet (an IPv6 /64)")
                .flatMap(sn -> v.word(sn, "subnet").flatMap(t -> parse(v, sn, t.strip())).filter(p -> {
                    try {
                        Rfc2526.checkSubnet(p);
                        return true;
                    } catch (IllegalArgumentException e) {
                        v.error(sn, e.getMessage());
                        return false;
                    }
                }));
        Optional<Integer> id = s.required("id", "rfc2526 has no id (0.." + Rfc2526.MAX_ID + ")")
                .flatMap(i -> v.int32(i, "id", 0, Limits.MAX_RFC2526_ID));
        if (subnet.isEmpty() || id.isEmpty()) return Optional.empty();
        IpAddress a = Rfc2526.address(subnet.get(), id.get());
        return Optional.of(new Prefix(a, a.bits()));
    }

    /** Why a prefix can never be a service's anycast route, or null. */
    static String unannounceable(Prefix p) {
        if (p.length() == 0) return "is a default route, which would draw all traffic to this node";
        IpAddress a = p.network();
        if (!a.v6()) {
            int first = (int) (a.lo() >>> 24);
            if (first == 0) return "is in 0.0.0.0/8 (this network)";
            if (first == 127) return "is in 127.0.0.0/8 (loopback)";
            if ((a.lo() >>> 16) == 0xA9FE) return "is in 169.254.0.0/16 (link-local)";
            if (first >= 224) return first < 240 ? "is in 224.0.0.0/4 (multicast)" : "is in 240.0.0.0/4 (reserved)";
            return null;
        }
        if (a.hi() == 0 && (a.lo() == 0 || a.lo() == 1) && p.length() == 128) return "is the unspecified or loopback address";
        if ((a.hi() >>> 56) == 0xFF) return "is in ff00::/8 (multicast)";
        if (a.isLinkLocal()) return "is in fe80::/10 (link-local)";
        return null;
    }
}
