package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * GoBGP 3.10 {@code gobgp -j} RIB JSON → {@link Route}. The document maps prefix → paths; each
 * path's {@code attrs} are keyed by BGP type code: 1 ORIGIN {@code value}, 2 AS_PATH
 * {@code as_paths[].asns}, 3 NEXT_HOP {@code nexthop}, 4 MED {@code metric}, 5 LOCAL_PREF
 * {@code value}, 8 COMMUNITIES as 32-bit numbers, 14 MP_REACH_NLRI {@code nexthop}, 32 LARGE
 * communities {@code value[].{ASN,LocalData1,LocalData2}}. Others go to {@link Route#extra()} as
 * {@code attr<code>}.
 */
final class GoBgpJson {

    private static final int ORIGIN = 1;
    private static final int AS_PATH = 2;
    private static final int NEXT_HOP = 3;
    private static final int MED = 4;
    private static final int LOCAL_PREF = 5;
    private static final int COMMUNITIES = 8;
    private static final int MP_REACH_NLRI = 14;
    private static final int LARGE_COMMUNITIES = 32;

    private GoBgpJson() {
    }

    /** Paths for exactly {@code prefix}; all paths when {@code prefix} is null. */
    static List<Route> rib(JsonNode doc, String prefix) {
        List<Route> out = new ArrayList<>();
        doc.properties().forEach(e -> {
            if (prefix != null && !e.getKey().equals(prefix)) return;
            for (JsonNode path : e.getValue()) out.add(path(e.getKey(), path));
        });
        return out;
    }

    private static Route path(String prefix, JsonNode p) {
        String origin = "";
        List<Long> asPath = new ArrayList<>();
        List<String> nextHops = new ArrayList<>();
        OptionalLong med = OptionalLong.empty();
        OptionalLong localPref = OptionalLong.empty();
        List<String> communities = new ArrayList<>();
        List<String> large = new ArrayList<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (JsonNode a : p.path("attrs")) {
            int type = a.path("type").asInt();
            switch (type) {
                case ORIGIN -> origin = Origin.ofCode(a.path("value").asInt());
                case AS_PATH -> a.path("as_paths").forEach(seg -> seg.path("asns").forEach(n -> asPath.add(n.asLong())));
                case NEXT_HOP -> nextHops.add(a.path("nexthop").asText());
                case MP_REACH_NLRI -> {
                    nextHops.add(a.path("nexthop").asText());
                    if (a.hasNonNull("linklocal_nexthop")) nextHops.add(a.get("linklocal_nexthop").asText());
                }
                case MED -> med = OptionalLong.of(a.path("metric").asLong());
                case LOCAL_PREF -> localPref = OptionalLong.of(a.path("value").asLong());
                case COMMUNITIES -> a.path("communities").forEach(c -> communities.add(Communities.ofUint32(c.asLong())));
                case LARGE_COMMUNITIES -> a.path("value").forEach(c -> large.add(
                        c.path("ASN").asLong() + ":" + c.path("LocalData1").asLong() + ":" + c.path("LocalData2").asLong()));
                default -> extra.put("attr" + type, a.toString());
            }
        }
        String source = Json.text(p, "neighbor-ip");
        return new Route(prefix, source == null ? "local" : source, p.path("best").asBoolean(false), nextHops,
                origin, asPath, med, localPref, communities, large, extra);
    }
}
