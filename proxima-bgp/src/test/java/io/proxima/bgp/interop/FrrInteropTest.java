package io.proxima.bgp.interop;

import static io.proxima.bgp.interop.InteropLab.PEER_AS;
import static io.proxima.bgp.interop.InteropLab.PROXIMA_AS;
import static io.proxima.bgp.interop.InteropLab.V4;
import static io.proxima.bgp.interop.InteropLab.V6;
import static io.proxima.bgp.interop.InteropLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.labkit.Await;
import io.proxima.labkit.Frr;
import io.proxima.labkit.FrrConfig;
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

/** Proxima's speaker against FRR 8 (zebra + bgpd, Debian frr) in a namespace, with real packets. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class FrrInteropTest {

    static InteropLab lab;
    static Frr frr;
    static FrrConfig config;
    static final String MD5_KEY = "proxima-md5-key";
    /** RFC 4724: how long FRR keeps a restarting Proxima's routes. */
    static final int RESTART_TIME = 120;
    static int generation;

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("vtysh", "/usr/lib/frr/zebra", "/usr/lib/frr/bgpd");
        lab = new InteropLab("frr", 2);
        config = FrrConfig.router("203.0.113.9", PEER_AS)
                .withPeer(Peer.of(lab.hostV4.toString(), PROXIMA_AS).withPassive(true))
                .withPeer(Peer.of(lab.hostV6.toString(), PROXIMA_AS).withPassive(true))
                .withGracefulRestart(RESTART_TIME, RESTART_TIME);
        frr = Frr.start(lab.ns, "frr", config);
        lab.startSpeaker(lab.speakerConfig(), lab.peer(lab.peerV4), lab.peer(lab.peerV6));
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    @Test
    @Order(1)
    void sessionsComeUpOverIpv4AndIpv6() {
        lab.expectSessionsUp(frr);
    }

    @Test
    @Order(2)
    void announcedRoutesCarryTheirAttributesIntoTheRibAndFib() throws Exception {
        lab.announce(lab.routes());
        lab.expectAnnouncedIntoRibAndFib(frr);
        // RFC 2545 §3: the link-local address of Proxima's interface travels with the global one.
        assertThat(frr.routes(V6.toString()).get(0).nextHops()).anyMatch(h -> h.startsWith("fe80:"));
    }

    @Test
    @Order(3)
    void withdrawnRoutesLeaveTheRibAndFib() throws Exception {
        lab.announce(List.of());
        lab.expectWithdrawnFromRibAndFib(frr);
    }

    @Test
    @Order(4)
    void routesFromFrrReachTheAdjRibIn() {
        config = config.withNetwork("192.0.2.128/25").withNetwork("2001:db8:200::/48");
        frr.configure("router bgp " + PEER_AS, "address-family ipv4 unicast", "network 192.0.2.128/25", "exit-address-family",
                "address-family ipv6 unicast", "network 2001:db8:200::/48", "exit-address-family");
        lab.expectPeerRoutes("192.0.2.128/25", "2001:db8:200::/48");
    }

    @Test
    @Order(5)
    void routeRefreshWorksBothWays() throws Exception {
        lab.announce(lab.routes());
        Await.until(WAIT, () -> !frr.routes(V4.toString()).isEmpty(), "route back at FRR");
        long out = lab.speaker.peer(lab.peerV4).updatesOut();
        // Without soft-reconfiguration FRR must ask the peer: ROUTE-REFRESH (RFC 2918).
        frr.configure("router bgp " + PEER_AS, "address-family ipv4 unicast",
                "no neighbor " + lab.hostV4 + " soft-reconfiguration inbound", "exit-address-family");
        frr.clearSoftIn(lab.hostV4.toString());
        Await.until(WAIT, () -> lab.speaker.peer(lab.peerV4).updatesOut() > out, "Proxima re-sends its table");
        long in = lab.speaker.peer(lab.peerV4).updatesIn();
        assertThat(lab.speaker.requestRefresh(lab.peerV4, Family.IPV4_UNICAST).get()).isTrue();
        Await.until(WAIT, () -> lab.speaker.peer(lab.peerV4).updatesIn() > in, "FRR re-sends its table");
        assertThat(lab.speaker.peer(lab.peerV4).state()).isEqualTo(State.ESTABLISHED);
        assertThat(lab.speaker.peer(lab.peerV4).establishedTransitions()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void afterFrrRestartsTheSessionAndRoutesComeBack() {
        frr.stop();
        Await.until(WAIT, () -> lab.stateOf(lab.peerV4) != State.ESTABLISHED, "Proxima notices FRR stopped");
        frr = Frr.start(lab.ns, "frr" + (++generation), config);
        lab.awaitEstablished(lab.peerV4);
        lab.awaitEstablished(lab.peerV6);
        Await.until(WAIT, () -> !frr.routes(V4.toString()).isEmpty() && !frr.routes(V6.toString()).isEmpty(),
                "routes re-announced to the new FRR");
        Await.until(WAIT, () -> !lab.ns.fib(V4.toString()).isEmpty(), "and in the FIB again");
    }

    @Test
    @Order(7)
    void aFrozenFrrExpiresTheHoldTimer() throws Exception {
        lab.frozenPeerExpiresHoldTimer(frr, lab.peer(lab.peerV4));
    }

    @Test
    @Order(8)
    void tcpMd5TheRightKeyConnectsAWrongOneNever() throws Exception {
        frr.configure("router bgp " + PEER_AS, "neighbor " + lab.hostV4 + " password " + MD5_KEY);
        lab.speaker.removePeer(lab.peerV4, "MD5 test").get();
        lab.speaker.addPeer(lab.peer(lab.peerV4).withMd5Password(MD5_KEY)).get();
        lab.awaitEstablished(lab.peerV4);

        lab.speaker.removePeer(lab.peerV4, "MD5 test, wrong key").get();
        lab.speaker.addPeer(lab.peer(lab.peerV4).withMd5Password("a-wrong-key")).get();
        Await.never(InteropLab.NEGATIVE_WINDOW, () -> lab.stateOf(lab.peerV4) == State.ESTABLISHED,
                "a session with the wrong MD5 key");
        assertThat(frr.sessionState(lab.hostV4.toString())).isNotEqualTo(SessionState.ESTABLISHED);

        frr.configure("router bgp " + PEER_AS, "no neighbor " + lab.hostV4 + " password");
        lab.speaker.removePeer(lab.peerV4, "MD5 test over").get();
    }

    /**
     * RFC 4724 with Proxima restarting: FRR keeps the routes, marked stale, while Proxima is gone;
     * the restarted Proxima re-announces, sends End-of-RIB, and FRR clears the stale mark.
     */
    @Test
    @Order(9)
    void gracefulRestartKeepsTheRoutesStaleUntilEndOfRib() throws Exception {
        lab.speaker.close();
        BgpSpeaker first = BgpSpeaker.start(lab.speakerConfig());
        first.addPeer(lab.peer(lab.peerV4).withGracefulRestart(RESTART_TIME)).get();
        lab.speaker = first;
        lab.awaitEstablished(lab.peerV4);
        first.announce(lab.routes()).get();
        Await.until(WAIT, () -> pathNode(V4.toString()) != null && !stale(V4.toString()), "route at FRR, fresh");

        first.crash(); // no NOTIFICATION: the TCP connection just ends
        Await.until(WAIT, () -> stale(V4.toString()), "FRR marks the route stale and keeps it");
        assertThat(lab.ns.fib(V4.toString())).isNotEmpty();

        BgpSpeaker second = BgpSpeaker.start(lab.speakerConfig().withRestarting(true));
        lab.speaker = second;
        second.addPeer(lab.peer(lab.peerV4).withGracefulRestart(RESTART_TIME)).get();
        second.announce(lab.routes()).get();
        lab.awaitEstablished(lab.peerV4);
        Await.until(WAIT, () -> pathNode(V4.toString()) != null && !stale(V4.toString()), "End-of-RIB clears the stale mark");
    }

    /**
     * RFC 4724 with FRR restarting and Proxima as the receiving speaker: FRR's routes stay in
     * Proxima's Adj-RIB-In while FRR is gone, and are fresh again after its End-of-RIB.
     */
    @Test
    @Order(10)
    void proximaKeepsARestartingFrrsRoutes() throws Exception {
        lab.awaitEstablished(lab.peerV4);
        Nlri route = Nlri.of("192.0.2.128/25");
        Await.until(WAIT, () -> lab.received(lab.peerV4).containsKey(route), "FRR's route in the Adj-RIB-In");
        ProcessHandle.of(frr.pid()).ifPresent(ProcessHandle::destroyForcibly); // bgpd dies without a NOTIFICATION
        Await.until(WAIT, () -> lab.stateOf(lab.peerV4) != State.ESTABLISHED, "Proxima notices");
        assertThat(lab.received(lab.peerV4)).containsKey(route);
        assertThat(lab.speaker.peer(lab.peerV4).staleRoutes()).isPositive();
        frr.stop();
        frr = Frr.start(lab.ns, "frr" + (++generation), config);
        lab.awaitEstablished(lab.peerV4);
        Await.until(WAIT, () -> lab.speaker.peer(lab.peerV4).staleRoutes() == 0, "FRR's End-of-RIB clears the stale routes");
        assertThat(lab.received(lab.peerV4)).containsKey(route);
    }

    private static JsonNode pathNode(String prefix) {
        JsonNode r = frr.json("show bgp ipv4 unicast " + prefix + " json");
        JsonNode paths = r.path("paths");
        return paths.isArray() && !paths.isEmpty() ? paths.get(0) : null;
    }

    private static boolean stale(String prefix) {
        JsonNode p = pathNode(prefix);
        return p != null && p.path("stale").asBoolean(false);
    }
}
