package io.proxima.bgp.interop;

import static io.proxima.bgp.interop.InteropLab.PEER_AS;
import static io.proxima.bgp.interop.InteropLab.PROXIMA_AS;
import static io.proxima.bgp.interop.InteropLab.V4;
import static io.proxima.bgp.interop.InteropLab.V6;
import static io.proxima.bgp.interop.InteropLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.labkit.Await;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Peer;
import io.proxima.labkit.SessionState;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** Proxima's speaker against BIRD 2 (Debian bird2) in a namespace, with real packets. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class BirdInteropTest {

    static InteropLab lab;
    static Bird bird;
    static BirdConfig config;
    static final String MD5_KEY = "proxima-md5-key";

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("bird", "birdc");
        lab = new InteropLab("bird", 1);
        config = BirdConfig.router("203.0.113.5", PEER_AS)
                .withPeer(Peer.of(lab.hostV4.toString(), PROXIMA_AS).withPassive(true))
                .withPeer(Peer.of(lab.hostV6.toString(), PROXIMA_AS).withPassive(true));
        bird = Bird.start(lab.ns, "bird", config);
        lab.startSpeaker(lab.speakerConfig(), lab.peer(lab.peerV4), lab.peer(lab.peerV6));
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static String proto(IpAddress a) {
        return BirdConfig.protocolName(a.toString());
    }

    @Test
    @Order(1)
    void sessionsComeUpOverIpv4AndIpv6() {
        lab.expectSessionsUp(bird);
    }

    @Test
    @Order(2)
    void announcedRoutesCarryTheirAttributesIntoTheRibAndFib() throws Exception {
        lab.announce(lab.routes());
        lab.expectAnnouncedIntoRibAndFib(bird);
    }

    @Test
    @Order(3)
    void withdrawnRoutesLeaveTheRibAndFib() throws Exception {
        lab.announce(List.of());
        lab.expectWithdrawnFromRibAndFib(bird);
    }

    @Test
    @Order(4)
    void routesFromBirdReachTheAdjRibIn() {
        config = config.withStaticRoute("192.0.2.128/25").withStaticRoute("2001:db8:200::/48");
        bird.reconfigure(config);
        lab.expectPeerRoutes("192.0.2.128/25", "2001:db8:200::/48");
    }

    @Test
    @Order(5)
    void routeRefreshWorksBothWays() throws Exception {
        lab.announce(lab.routes());
        Await.until(WAIT, () -> !bird.routes(V4.toString()).isEmpty(), "route back at BIRD");
        long out = lab.speaker.peer(lab.peerV4).updatesOut();
        bird.birdc("reload", "in", proto(lab.hostV4)); // BIRD asks us to re-send (ROUTE-REFRESH)
        Await.until(WAIT, () -> lab.speaker.peer(lab.peerV4).updatesOut() > out, "Proxima re-sends its table");
        long in = lab.speaker.peer(lab.peerV4).updatesIn();
        assertThat(lab.speaker.requestRefresh(lab.peerV4, Family.IPV4_UNICAST).get()).isTrue();
        Await.until(WAIT, () -> lab.speaker.peer(lab.peerV4).updatesIn() > in, "BIRD re-sends its table");
        assertThat(lab.speaker.peer(lab.peerV4).state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    @Order(6)
    void afterBirdRestartsTheSessionAndRoutesComeBack() {
        bird.stop();
        Await.until(WAIT, () -> lab.stateOf(lab.peerV4) != State.ESTABLISHED, "Proxima notices BIRD stopped");
        bird = Bird.start(lab.ns, "bird-again", config);
        lab.awaitEstablished(lab.peerV4);
        lab.awaitEstablished(lab.peerV6);
        Await.until(WAIT, () -> !bird.routes(V4.toString()).isEmpty() && !bird.routes(V6.toString()).isEmpty(),
                "routes re-announced to the new BIRD");
    }

    @Test
    @Order(7)
    void aFrozenBirdExpiresTheHoldTimer() throws Exception {
        lab.frozenPeerExpiresHoldTimer(bird, lab.peer(lab.peerV4));
    }

    @Test
    @Order(8)
    void tcpMd5TheRightKeyConnectsAWrongOneNever() throws Exception {
        config = config.withoutPeer(lab.hostV4.toString()).withPeer(Peer.of(lab.hostV4.toString(), PROXIMA_AS).withPassive(true).withPassword(MD5_KEY));
        bird.reconfigure(config);
        lab.speaker.removePeer(lab.peerV4, "MD5 test").get();
        lab.speaker.addPeer(lab.peer(lab.peerV4).withMd5Password(MD5_KEY)).get();
        lab.awaitEstablished(lab.peerV4);

        lab.speaker.removePeer(lab.peerV4, "MD5 test, wrong key").get();
        lab.speaker.addPeer(lab.peer(lab.peerV4).withMd5Password("a-wrong-key")).get();
        Await.never(InteropLab.NEGATIVE_WINDOW, () -> lab.stateOf(lab.peerV4) == State.ESTABLISHED,
                "a session with the wrong MD5 key");
        assertThat(bird.sessionState(lab.hostV4.toString())).isNotEqualTo(SessionState.ESTABLISHED);
    }
}
