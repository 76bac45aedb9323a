package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * FRR 8.4 JSON → {@link Route}. Two shapes: a prefix's paths ({@code show bgp ipv4 unicast PREFIX
 * json}: {@code paths[]} with {@code aspath.segments[].list}, {@code metric} = MED, {@code locPrf},
 * {@code community.list}, {@code largeCommunity.list}, {@code nexthops[].ip},
 * {@code bestpath.overall}, {@code peer.peerId}), and Adj-RIB tables ({@code received-routes} /
 * {@code advertised-routes}: one entry per prefix with {@code nextHop}, {@code path} as a string,
 * {@code bgpOriginCode}).
 */
final class FrrJson {

    private FrrJson() {
    }

    static List<Route> prefixPaths(JsonNode doc, String prefix) {
        List<Route> out = new ArrayList<>();
        if (!prefix.equals(Json.text(doc, "prefix"))) return out;
        for (JsonNode p : doc.path("paths")) {
            List<Long> asPath = new ArrayList<>();
            for (JsonNode seg : p.path("aspath").path("segments")) seg.path("list").forEach(a -> asPath.add(a.asLong()));
            List<String> nextHops = new ArrayList<>();
            p.path("nexthops").forEach(h -> nextHops.add(h.path("ip").asText()));
            List<String> communities = new ArrayList<>();
            p.path("community").path("list").forEach(c -> communities.add(Communities.numeric(c.asText())));
            List<String> large = new ArrayList<>();
            p.path("largeCommunity").path("list").forEach(c -> large.add(c.asText()));
            String peer = p.path("peer").path("peerId").asText("");
            Map<String, String> extra = new LinkedHashMap<>();
            if (p.has("weight")) extra.put("weight", p.get("weight").asText());
            if (p.has("valid")) extra.put("valid", p.get("valid").asText());
            String reason = p.path("bestpath").path("selectionReason").asText("");
            if (!reason.isEmpty()) extra.put("selectionReason", reason);
            out.add(new Route(prefix, peer.isEmpty() || peer.equals("0.0.0.0") ? "local" : peer,
                    p.path("bestpath").path("overall").asBoolean(false), nextHops,
                    Origin.normalise(Json.text(p, "origin")), asPath, optionalLong(p, "metric"),
                    optionalLong(p, "locPrf"), communities, large, extra));
        }
        return out;
    }

    /** {@code received-routes} ({@code receivedRoutes}) or {@code advertised-routes} ({@code advertisedRoutes}). */
    static List<Route> adjRib(JsonNode doc, String field, String source) {
        List<Route> out = new ArrayList<>();
        doc.path(field).properties().forEach(e -> {
            JsonNode r = e.getValue();
            List<Long> asPath = new ArrayList<>();
            for (String a : r.path("path").asText("").split("\\s+")) {
                if (a.matches("\\d+")) asPath.add(Long.parseLong(a));
            }
            String nh = Json.text(r, "nextHop");
            out.add(new Route(e.getKey(), source, r.path("appliedStatusSymbols").path(">").asBoolean(false),
                    nh == null ? List.of() : List.of(nh), Origin.normalise(Json.text(r, "bgpOriginCode")), asPath,
                    optionalLong(r, "metric"), optionalLong(r, "locPrf"), List.of(), List.of(), Map.of()));
        });
        return out;
    }

    private static OptionalLong optionalLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.canConvertToLong() ? OptionalLong.empty() : OptionalLong.of(v.asLong());
    }
}
