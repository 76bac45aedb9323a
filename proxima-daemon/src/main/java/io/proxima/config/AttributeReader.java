package io.proxima.config;

import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the route attributes a service (or its degraded state) puts on its routes. */
final class AttributeReader {

    static final String WELL_KNOWN = "graceful-shutdown, no-export, no-advertise, no-export-subconfed";

    private AttributeReader() {}

    /**
     * The attributes in {@code s}, on top of {@code base}: communities and large communities are
     * added to the base's, MED and prepend replace the base's when given.
     */
    static RouteAttributes read(Section s, RouteAttributes base) {
        Values v = s.values();
        List<Long> communities = new ArrayList<>(base.communities());
        for (Node n : s.list("communities")) {
            community(v, n).ifPresent(c -> {
                if (communities.contains(c)) v.error(n, "community " + Communities.format(c) + " is listed twice");
                else communities.add(c);
            });
        }
        List<LargeCommunity> large = new ArrayList<>(base.largeCommunities());
        for (Node n : s.list("large-communities")) {
            largeCommunity(v, n).ifPresent(c -> {
                if (large.contains(c)) v.error(n, "large community " + c + " is listed twice");
                else large.add(c);
            });
        }
        OptionalLong med = s.integer("med", 0, Limits.MAX_MED).map(OptionalLong::of).orElse(base.med());
        int prepend = s.int32("prepend", 0, Limits.MAX_PREPEND).orElse(base.prepend());
        return new RouteAttributes(communities, large, med, prepend);
    }

    static Optional<Long> community(Values v, Node n) {
        return v.text(n, "community").flatMap(t -> {
            try {
                return Optional.of(Communities.parse(t));
            } catch (IllegalArgumentException e) {
                v.error(n, "bad community '" + t + "': expected ASN:VALUE with each part 0..65535, or one of " + WELL_KNOWN);
                return Optional.empty();
            }
        });
    }

    static Optional<LargeCommunity> largeCommunity(Values v, Node n) {
        return v.text(n, "large community").flatMap(t -> {
            try {
                return Optional.of(LargeCommunity.parse(t));
            } catch (IllegalArgumentException e) {
                v.error(n, "bad large community '" + t + "': expected GLOBAL:LOCAL1:LOCAL2 with each part 0..4294967295 (RFC 8092)");
                return Optional.empty();
            }
        });
    }
}
