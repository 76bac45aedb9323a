package io.proxima.labkit;

import static io.proxima.labkit.LabSupport.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Proves that ExaBGP puts {@link RawAttribute}s on the wire as given, using BIRD 2.0.12 as the
 * witness: its RFC 7606 handling names each malformed attribute in its log. These are the
 * attacks a later test aims at Proxima; here the receiver is BIRD, so the test shows the feeder
 * works, not how a receiver should react.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExaBgpRawAttributeTest {

    static final String R4 = "203.0.113.1";
    static final String S4 = "203.0.113.2";
    static final String R6 = "2001:db8:1::1";
    static final String S6 = "2001:db8:1::2";
    static final Duration WAIT = Duration.ofSeconds(20);

    private Lab lab;
    private Bird bird;
    private ExaBgp exa;

    @BeforeAll
    void lab() {
        assumeLab("bird", "birdc", ExaBgp.PYTHON, ExaBgp.EXABGP, "mkfifo", "kill");
        lab = Lab.create();
        Netns r = lab.netns("r");
        Netns s = lab.netns("s");
        Netns.link(r, "eth-s", s, "eth-r").ipv4(R4 + "/30", S4 + "/30").ipv6(R6 + "/64", S6 + "/64").up();
        bird = Bird.start(r, "bird", BirdConfig.router(R4, 65000).withPeer(Peer.of(S4, 65001)).withPeer(Peer.of(S6, 65001)));
        exa = ExaBgp.start(s, "exa", ExaBgpConfig.speaker(S4, 65001)
                .withPeer(Peer.of(R4, 65000).withLocalAddress(S4)).withPeer(Peer.of(R6, 65000).withLocalAddress(S6)));
        established(S4);
        established(S6);
    }

    @AfterAll
    void close() {
        if (lab != null) lab.close();
    }

    @Test
    @Order(1)
    void badOriginValueIsSentInPlaceOfOrigin() {
        exa.announce("198.51.100.1/32", RawAttribute.of(0x01, RawAttribute.FLAG_TRANSITIVE, "03"));
        awaitLog("Malformed ORIGIN attribute - invalid value (3)");
        assertThat(bird.routes("198.51.100.1/32")).isEmpty(); // treat-as-withdraw
        assertThat(bird.sessionState(S4)).isEqualTo(SessionState.ESTABLISHED);
        exa.withdraw("198.51.100.1/32");
    }

    @Test
    @Order(2)
    void atomicAggregateOfLengthOneAndTheEmptyValueSyntax() {
        exa.announce("198.51.100.2/32", RawAttribute.of(0x06, RawAttribute.FLAG_TRANSITIVE, "00"));
        awaitLog("Malformed ATOMIC_AGGR attribute - invalid length (1)");
        Route r = Await.value(WAIT, () -> bird.routes("198.51.100.2/32"), l -> !l.isEmpty(), "route kept without the attribute").get(0);
        assertThat(r.extra()).doesNotContainKey("BGP.atomic_aggr");
        // "0x" is an empty value: a well-formed ATOMIC_AGGREGATE.
        exa.announce("198.51.100.5/32", RawAttribute.of(0x06, RawAttribute.FLAG_TRANSITIVE, ""));
        Route ok = Await.value(WAIT, () -> bird.routes("198.51.100.5/32"), l -> !l.isEmpty(), "route with ATOMIC_AGGREGATE").get(0);
        assertThat(ok.extra()).containsKey("BGP.atomic_aggr");
        exa.withdraw("198.51.100.2/32");
        exa.withdraw("198.51.100.5/32");
    }

    @Test
    @Order(3)
    void unknownOptionalTransitiveAttributeArrives() {
        exa.announce("198.51.100.3/32", RawAttribute.of(0x63, RawAttribute.FLAG_OPTIONAL | RawAttribute.FLAG_TRANSITIVE, "deadbeef"));
        Route r = Await.value(WAIT, () -> bird.routes("198.51.100.3/32"), l -> !l.isEmpty(), "route with attribute 99").get(0);
        assertThat(r.extra()).containsEntry("BGP.63 [t]", "de ad be ef");
        exa.withdraw("198.51.100.3/32");
    }

    @Test
    @Order(4)
    void malformedMpReachOnAnIpv4RouteResetsTheSession() {
        // MP_REACH_NLRI: AFI 2, SAFI 1, next-hop length 16, then only 4 octets of next hop.
        exa.announce("198.51.100.4/32", RawAttribute.of(0x0e, RawAttribute.FLAG_OPTIONAL, "0002011020010db8"));
        awaitLog(BirdConfig.protocolName(S4) + ": Error: Optional attribute error");
        // ExaBGP resends it after every reconnect, so the session flaps until the route is withdrawn.
        exa.withdraw("198.51.100.4/32");
        established(S4);
    }

    @Test
    @Order(5)
    void ipv6RouteWithRawMpReachCarriesTwo() {
        exa.announce("2001:db8:99::/48", RawAttribute.of(0x0e, RawAttribute.FLAG_OPTIONAL, "000201"));
        awaitLog(BirdConfig.protocolName(S6) + ": Error: Optional attribute error");
        exa.withdraw("2001:db8:99::/48");
        established(S6);
    }

    private void established(String neighbor) {
        Await.until(WAIT, () -> bird.sessionState(neighbor) == SessionState.ESTABLISHED, "BIRD session with " + neighbor);
    }

    private void awaitLog(String text) {
        Await.until(WAIT, () -> log().contains(text), "BIRD's log to say '" + text + "'");
    }

    private String log() {
        try {
            return Files.readString(bird.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
