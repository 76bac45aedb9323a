package io.proxima.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** BIRD 2.0.12 {@code show route all} and {@code show protocols}, as captured in the lab. */
class BirdRoutesTest {

    private final List<Route> routes = BirdRoutes.parse(Samples.text("bird-show-route-all.txt"));

    @Test
    void everyPathOfEveryPrefixIncludingTheSecondPathWithoutAPrefixColumn() {
        assertThat(routes).extracting(Route::prefix).containsExactly(
                "198.51.100.0/24", "198.51.100.0/24", "198.51.100.3/32", "203.0.113.0/30", "2001:db8:75::/48");
        assertThat(routes).extracting(Route::best).containsExactly(true, false, true, true, true);
        assertThat(routes).extracting(Route::source).containsExactly(
                "n203_0_113_2", "n203_0_113_6", "n203_0_113_2", "direct1", "n2001_db8_1__2");
    }

    @Test
    void bgpAttributes() {
        Route r = routes.get(0);
        assertThat(r.origin()).isEqualTo("incomplete");
        assertThat(r.asPath()).containsExactly(65001L, 65009L);
        assertThat(r.nextHops()).containsExactly("203.0.113.2");
        assertThat(r.med()).isEqualTo(OptionalLong.of(50));
        assertThat(r.localPref()).isEqualTo(OptionalLong.of(100));
        assertThat(r.communities()).containsExactly("65001:1", "65001:2");
        assertThat(r.largeCommunities()).containsExactly("65001:1:2");
        assertThat(r.extra()).containsEntry("via", "203.0.113.2 on eth-s").containsEntry("Type", "BGP univ");
        assertThat(routes.get(1).med()).isEmpty();
    }

    @Test
    void unknownAttributeKeptUnderBirdsName() {
        assertThat(routes.get(2).extra()).containsEntry("BGP.63 [t]", "de ad be ef");
    }

    @Test
    void ipv6NextHopHoldsGlobalAndLinkLocal() {
        assertThat(routes.get(4).nextHops()).containsExactly("2001:db8:1::2", "fe80::f025:8aff:fe80:aea");
    }

    @Test
    void deviceRouteHasNoBgpAttributes() {
        Route d = routes.get(3);
        assertThat(d.origin()).isEmpty();
        assertThat(d.asPath()).isEmpty();
        assertThat(d.extra()).containsEntry("dev", "eth-s");
    }

    @Test
    void nothingFromAReplyWithoutRoutes() {
        assertThat(BirdRoutes.parse("BIRD 2.0.12 ready.\n")).isEmpty();
    }

    @Test
    void protocolRows() {
        String text = Samples.text("bird-show-protocols.txt");
        BirdProtocol up = BirdProtocol.find(text, "n203_0_113_2").orElseThrow();
        assertThat(up.state()).isEqualTo("up");
        assertThat(up.since()).isEqualTo("2026-11-26 10:16:05");
        assertThat(up.sessionState()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(up.lastError()).isEmpty();
        BirdProtocol idle = BirdProtocol.find(text, "n2001_db8_1__2").orElseThrow();
        assertThat(idle.sessionState()).isEqualTo(SessionState.IDLE);
        assertThat(idle.lastError()).isEqualTo("BGP Error: Optional attribute error");
        assertThat(BirdProtocol.find(text, "bfdtest").orElseThrow().sessionState()).isEqualTo(SessionState.ACTIVE);
        assertThat(BirdProtocol.find(text, "device1").orElseThrow().info()).isEmpty();
        assertThat(BirdProtocol.find(text, "nosuch")).isEmpty();
    }
}
