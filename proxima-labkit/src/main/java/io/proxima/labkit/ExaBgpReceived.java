package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Replays the recorder's JSON lines (ExaBGP 4.2 {@code encoder json}) into what each neighbor has
 * announced and is still announcing, and into session states. Shapes, from real output:
 * <pre>
 * {"type":"update","neighbor":{"address":{"local":…,"peer":"203.0.113.9"},…,"message":{"update":{
 *    "attribute":{"origin":"incomplete","as-path":[65002,65010],"med":33,"community":[[65002,7]],
 *                 "large-community":[[65002,1,2]]},
 *    "announce":{"ipv4 unicast":{"203.0.113.9":[{"nlri":"198.51.100.80/32"}]}}}}}}
 * {"type":"update",…,"message":{"update":{"withdraw":{"ipv4 unicast":[{"nlri":"198.51.100.80/32"}]}}}}
 * {"type":"state","neighbor":{"address":{…,"peer":"203.0.113.9"},…,"state":"up"}}   (connected, up, down)
 * </pre>
 * A session going down drops everything that neighbor announced, as a RIB would.
 */
final class ExaBgpReceived {

    private ExaBgpReceived() {
    }

    /** Current paths for {@code prefix}, one per neighbor that announces it. */
    static List<Route> routes(List<JsonNode> events, String prefix) {
        Map<String, Route> byPeer = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String peer = e.path("neighbor").path("address").path("peer").asText();
            switch (e.path("type").asText()) {
                case "state" -> {
                    if ("down".equals(e.path("neighbor").path("state").asText())) byPeer.remove(peer);
                }
                case "update" -> {
                    JsonNode update = e.path("neighbor").path("message").path("update");
                    update.path("withdraw").forEach(nlris -> nlris.forEach(n -> {
                        if (prefix.equals(nlri(n))) byPeer.remove(peer);
                    }));
                    update.path("announce").forEach(byNextHop -> byNextHop.properties().forEach(nh -> nh.getValue().forEach(n -> {
                        if (prefix.equals(nlri(n))) byPeer.put(peer, route(prefix, peer, nh.getKey(), update.path("attribute")));
                    })));
                }
                default -> {
                    // notifications and others carry no routes
                }
            }
        }
        return List.copyOf(byPeer.values());
    }

    /** The last state event for {@code neighbor}: up → ESTABLISHED, connected → OPEN_SENT, down → IDLE. */
    static SessionState state(List<JsonNode> events, String neighbor) {
        SessionState s = SessionState.UNKNOWN;
        for (JsonNode e : events) {
            if (!"state".equals(e.path("type").asText())) continue;
            if (!neighbor.equals(e.path("neighbor").path("address").path("peer").asText())) continue;
            s = switch (e.path("neighbor").path("state").asText()) {
                case "up" -> SessionState.ESTABLISHED;
                case "connected" -> SessionState.OPEN_SENT;
                case "down" -> SessionState.IDLE;
                default -> SessionState.UNKNOWN;
            };
        }
        return s;
    }

    /** ExaBGP 4.2 writes {"nlri": "p/len"}; older versions wrote the prefix as a bare string. */
    private static String nlri(JsonNode n) {
        return n.isTextual() ? n.asText() : n.path("nlri").asText();
    }

    private static Route route(String prefix, String peer, String nextHop, JsonNode attrs) {
        List<Long> asPath = new ArrayList<>();
        flatten(attrs.path("as-path"), asPath);
        List<String> communities = new ArrayList<>();
        attrs.path("community").forEach(c -> communities.add(c.path(0).asLong() + ":" + c.path(1).asLong()));
        List<String> large = new ArrayList<>();
        attrs.path("large-community").forEach(c -> large.add(c.path(0).asLong() + ":" + c.path(1).asLong() + ":" + c.path(2).asLong()));
        Map<String, String> extra = new LinkedHashMap<>();
        attrs.properties().forEach(f -> {
            switch (f.getKey()) {
                case "origin", "as-path", "med", "local-preference", "community", "large-community" -> { }
                default -> extra.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
            }
        });
        return new Route(prefix, peer, true, List.of(nextHop), Origin.normalise(Json.text(attrs, "origin")), asPath,
                attrs.has("med") ? OptionalLong.of(attrs.get("med").asLong()) : OptionalLong.empty(),
                attrs.has("local-preference") ? OptionalLong.of(attrs.get("local-preference").asLong()) : OptionalLong.empty(),
                communities, large, extra);
    }

    private static void flatten(JsonNode n, List<Long> out) {
        if (n.isArray()) n.forEach(c -> flatten(c, out));
        else if (n.canConvertToLong()) out.add(n.asLong());
        else if (n.isObject()) n.forEach(c -> flatten(c, out));
    }
}
