package io.proxima.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * FRR 8.4, GoBGP 3.10 and ExaBGP 4.2.21 JSON, captured in the lab, into {@link Route}s. The FRR
 * prefix sample had a well-known community and a MED added by hand, to cover their parsing.
 */
class DaemonJsonTest {

    @Test
    void frrPrefixPaths() {
        List<Route> paths = FrrJson.prefixPaths(Json.parse(Samples.text("frr-prefix.json")), "198.51.100.80/32");
        assertThat(paths).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("203.0.113.1");
            assertThat(r.best()).isTrue();
            assertThat(r.asPath()).containsExactly(65000L, 65002L, 65002L, 65010L);
            assertThat(r.origin()).isEqualTo("incomplete");
            assertThat(r.med()).isEqualTo(OptionalLong.of(33));
            assertThat(r.localPref()).isEmpty();
            assertThat(r.communities()).containsExactly("65002:7", "65535:65281");
            assertThat(r.largeCommunities()).containsExactly("65002:1:2");
            assertThat(r.nextHops()).containsExactly("203.0.113.1");
        });
    }

    @Test
    void frrLocalAndIpv6Paths() {
        List<Route> paths = FrrJson.prefixPaths(Json.parse(Samples.text("frr-prefix-local-v6.json")), "2001:db8:1::/64");
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).source()).isEqualTo("local");
        assertThat(paths.get(0).asPath()).isEmpty();
        assertThat(paths.get(1).best()).isFalse();
        assertThat(paths.get(1).nextHops()).containsExactly("2001:db8:1::1", "fe80::f035:c2ff:feb0:5ff8");
    }

    @Test
    void frrAnswerForAnotherPrefixIsNotAMatch() {
        assertThat(FrrJson.prefixPaths(Json.parse(Samples.text("frr-prefix.json")), "198.51.100.0/24")).isEmpty();
        assertThat(FrrJson.prefixPaths(Json.parse("{}"), "198.51.100.0/24")).isEmpty();
    }

    @Test
    void frrReceivedRoutes() {
        List<Route> rx = FrrJson.adjRib(Json.parse(Samples.text("frr-received-routes.json")), "receivedRoutes", "203.0.113.1");
        assertThat(rx).extracting(Route::prefix).containsExactly("198.51.100.80/32", "203.0.113.0/30");
        assertThat(rx.get(0).asPath()).containsExactly(65000L, 65002L, 65002L, 65010L);
        assertThat(rx.get(0).origin()).isEqualTo("incomplete");
        assertThat(rx.get(1).origin()).isEqualTo("igp");
        assertThat(rx.get(0).nextHops()).containsExactly("203.0.113.1");
    }

    @Test
    void goBgpRib() {
        JsonNode doc = Json.parse(Samples.text("gobgp-rib.json"));
        List<Route> local = GoBgpJson.rib(doc, "198.51.100.80/32");
        assertThat(local).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("local");
            assertThat(r.origin()).isEqualTo("incomplete");
            assertThat(r.asPath()).containsExactly(65002L, 65010L);
            assertThat(r.med()).isEqualTo(OptionalLong.of(33));
            assertThat(r.localPref()).isEqualTo(OptionalLong.of(200));
            assertThat(r.communities()).containsExactly("65002:7");
            assertThat(r.largeCommunities()).containsExactly("65002:1:2");
        });
        List<Route> two = GoBgpJson.rib(doc, "198.51.100.75/32");
        assertThat(two).extracting(Route::best).containsExactly(true, false);
        assertThat(two.get(1).source()).isEqualTo("203.0.113.5");
        assertThat(two.get(1).nextHops()).containsExactly("203.0.113.5");
        assertThat(GoBgpJson.rib(doc, null)).hasSize(3);
    }

    @Test
    void goBgpIpv6NextHopFromMpReach() {
        List<Route> v6 = GoBgpJson.rib(Json.parse(Samples.text("gobgp-rib-v6.json")), "2001:db8:75::/48");
        assertThat(v6.get(1).nextHops()).containsExactly("2001:db8:2::1");
        assertThat(v6.get(1).origin()).isEqualTo("igp");
    }

    @Test
    void exaBgpReplayAnnounceWithdrawAndSessionDown() {
        List<JsonNode> events = Samples.text("exabgp-received.jsonl").lines().map(Json::parse).toList();
        assertThat(ExaBgpReceived.routes(events, "198.51.100.75/32")).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("203.0.113.9");
            assertThat(r.nextHops()).containsExactly("203.0.113.9");
            assertThat(r.asPath()).containsExactly(65002L);
        });
        // Announced with communities and MED, then withdrawn.
        assertThat(ExaBgpReceived.routes(events.subList(0, 7), "198.51.100.80/32")).singleElement().satisfies(r -> {
            assertThat(r.med()).isEqualTo(OptionalLong.of(33));
            assertThat(r.communities()).containsExactly("65002:7");
            assertThat(r.largeCommunities()).containsExactly("65002:1:2");
            assertThat(r.extra()).containsKey("confederation-path");
        });
        assertThat(ExaBgpReceived.routes(events, "198.51.100.80/32")).isEmpty();
        // The IPv6 session went down: its routes are gone.
        assertThat(ExaBgpReceived.routes(events.subList(0, 8), "2001:db8:75::/48")).hasSize(1);
        assertThat(ExaBgpReceived.routes(events, "2001:db8:75::/48")).isEmpty();
        assertThat(ExaBgpReceived.state(events, "203.0.113.9")).isEqualTo(SessionState.ESTABLISHED);
        assertThat(ExaBgpReceived.state(events, "2001:db8:3::1")).isEqualTo(SessionState.IDLE);
        assertThat(ExaBgpReceived.state(events, "192.0.2.1")).isEqualTo(SessionState.UNKNOWN);
    }

    @Test
    void sessionStateSpellings() {
        assertThat(SessionState.parse("Established")).isEqualTo(SessionState.ESTABLISHED);
        assertThat(SessionState.parse("OpenSent")).isEqualTo(SessionState.OPEN_SENT);
        assertThat(SessionState.parse("open_confirm")).isEqualTo(SessionState.OPEN_CONFIRM);
        assertThat(SessionState.parse("Clearing")).isEqualTo(SessionState.UNKNOWN);
        assertThat(SessionState.parse(null)).isEqualTo(SessionState.UNKNOWN);
        assertThat(SessionState.ofGoBgp(6)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(SessionState.ofGoBgp(0)).isEqualTo(SessionState.UNKNOWN);
    }
}
