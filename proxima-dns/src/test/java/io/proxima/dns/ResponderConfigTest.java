package io.proxima.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponderConfigTest {

    private static final List<InetSocketAddress> LOOPBACK = List.of(ResponderConfig.listenAddress("127.0.0.1:0"));

    @Test
    void listenAddressesTakePort53UnlessGiven() {
        assertThat(ResponderConfig.listenAddress("198.51.100.75")).isEqualTo(new InetSocketAddress(TestZones.address("198.51.100.75"), 53));
        assertThat(ResponderConfig.listenAddress("198.51.100.75:5300").getPort()).isEqualTo(5300);
        assertThat(ResponderConfig.listenAddress("2001:db8:75::53")).isEqualTo(new InetSocketAddress(TestZones.address("2001:db8:75::53"), 53));
        assertThat(ResponderConfig.listenAddress("[2001:db8:75::53]:5300").getPort()).isEqualTo(5300);
        assertThat(ResponderConfig.listenAddress("[2001:db8:75::53]").getPort()).isEqualTo(53);
    }

    @Test
    void listenAddressesAreLiteralsOnly() {
        assertThatThrownBy(() -> ResponderConfig.listenAddress("localhost")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> ResponderConfig.listenAddress("192.0.2.1:70000")).hasMessageContaining("port '70000' is not 0..65535");
        assertThatThrownBy(() -> ResponderConfig.listenAddress("[2001:db8::1")).hasMessageContaining("missing ']'");
    }

    @Test
    void wildcardsAndDuplicatesAreRefused() {
        assertThatThrownBy(() -> ResponderConfig.of(List.of(ResponderConfig.listenAddress("0.0.0.0")), "a", TestZones.zone()))
                .hasMessageContaining("is a wildcard");
        assertThatThrownBy(() -> ResponderConfig.of(List.of(ResponderConfig.listenAddress("::")), "a", TestZones.zone()))
                .hasMessageContaining("is a wildcard");
        InetSocketAddress a = ResponderConfig.listenAddress("192.0.2.1");
        assertThatThrownBy(() -> ResponderConfig.of(List.of(a, a), "a", TestZones.zone())).hasMessageContaining("given twice");
        assertThatThrownBy(() -> ResponderConfig.of(List.of(), "a", TestZones.zone())).hasMessageContaining("at least one address");
    }

    @Test
    void theNodeNameIsOneTxtStringAndNsidDefaultsToIt() {
        ResponderConfig c = ResponderConfig.of(LOOPBACK, "site-a", TestZones.zone());
        assertThat(c.nsid()).isEqualTo("site-a");
        assertThatThrownBy(() -> ResponderConfig.of(LOOPBACK, "", TestZones.zone())).hasMessageContaining("node-name: must not be empty");
        assertThatThrownBy(() -> ResponderConfig.of(LOOPBACK, "x".repeat(256), TestZones.zone())).hasMessageContaining("256 octets, at most 255");
        assertThat(c.withNsid("a1").nsid()).isEqualTo("a1");
    }

    @Test
    void theHandoffNameIsInsideTheZoneAndHasNoRecords() {
        ResponderConfig c = ResponderConfig.of(LOOPBACK, "a", TestZones.zone());
        assertThat(c.withHandoff(new ResponderConfig.Handoff("Here.Example.Net.", TestZones.address("203.0.113.2"))).handoff().get().name())
                .isEqualTo("here.example.net.");
        assertThatThrownBy(() -> c.withHandoff(new ResponderConfig.Handoff("here.example.org.", TestZones.address("203.0.113.2"))))
                .hasMessageContaining("outside the zone example.net.");
        assertThatThrownBy(() -> c.withHandoff(new ResponderConfig.Handoff("www.example.net.", TestZones.address("203.0.113.2"))))
                .hasMessageContaining("already has records");
        assertThatThrownBy(() -> new ResponderConfig.Handoff("here", TestZones.address("203.0.113.2")))
                .hasMessageContaining("must be absolute");
    }

    @Test
    void aRateLimitIsPositive() {
        assertThat(new ResponderConfig.RateLimit(20).burst()).isEqualTo(20);
        assertThatThrownBy(() -> new ResponderConfig.RateLimit(0)).hasMessageContaining("at least 1");
    }
}
