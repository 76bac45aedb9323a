package io.proxima.bgp.interop;

import static io.proxima.bgp.interop.InteropLab.COMMUNITY;
import static io.proxima.bgp.interop.InteropLab.MED;
import static io.proxima.bgp.interop.InteropLab.PEER_AS;
import static io.proxima.bgp.interop.InteropLab.PROXIMA_AS;
import static io.proxima.bgp.interop.InteropLab.V4;
import static io.proxima.bgp.interop.InteropLab.V6;
import static io.proxima.bgp.interop.InteropLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.labkit.Await;
import io.proxima.labkit.GoBgp;
import io.proxima.labkit.GoBgpConfig;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Peer;
import io.proxima.labkit.Route;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Proxima's speaker against GoBGP 3.10 (Debian gobgpd) in a namespace, with real packets. GoBGP
 * listens and is passive; Proxima connects, because GoBGP's own connect waits 5–10 s (LAB.md §5).
 * GoBGP never touches the kernel FIB, so its RIB is the witness.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class GoBgpInteropTest {

    static InteropLab lab;
    static GoBgp gobgp;
    static GoBgpConfig config;
    /** GoBGP's own routes, announced to Proxima. */
    static final String GOBGP_V4 = "192.0.2.128/25";
    static final String GOBGP_V6 = "2001:db8:200::/48";

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("gobgpd", "gobgp");
        lab = new InteropLab("gobgp", 3);
        config = GoBgpConfig.speaker(lab.peerV4.toString(), PEER_AS)
                .withPeer(Peer.of(lab.hostV4.toString(), PROXIMA_AS).withPassive(true))
                .withPeer(Peer.of(lab.hostV6.toString(), PROXIMA_AS).withPassive(true));
        gobgp = GoBgp.start(lab.ns, "gobgp", config);
        lab.startSpeaker(lab.speakerConfig(), lab.peer(lab.peerV4), lab.peer(lab.peerV6));
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    @Test
    @Order(1)
    void sessionsComeUpOverIpv4AndIpv6() {
        lab.expectSessionsUp(gobgp);
    }

    @Test
    @Order(2)
    void announcedRoutesCarryTheirAttributesIntoTheRib() throws Exception {
        lab.announce(lab.routes());
        for (var c : List.of(new Object[] {V4, lab.hostV4}, new Object[] {V6, lab.hostV6})) {
            String prefix = c[0].toString();
            Route r = Await.value(WAIT, () -> gobgp.routes(prefix), l -> !l.isEmpty(), "GoBGP has " + prefix).get(0);
            assertThat(r.source()).isEqualTo(c[1].toString());
            InteropLab.expectAsPath(r.asPath());
            assertThat(r.origin()).isEqualTo("igp");
            assertThat(r.communities()).containsExactly(Communities.format(COMMUNITY));
            assertThat(r.largeCommunities()).containsExactly("65010:1:2");
            assertThat(r.med()).hasValue(MED);
            assertThat(r.nextHops()).first().isEqualTo(c[1].toString());
            assertThat(r.extra()).as("no attributes beyond those announced").isEmpty();
        }
        // The same paths as GoBGP received them, before its own policy: its Adj-RIB-In.
        assertThat(gobgp.adjIn(lab.hostV4.toString(), io.proxima.labkit.Family.IPV4_UNICAST))
                .extracting(Route::prefix).containsExactly(V4.toString());
        assertThat(gobgp.adjIn(lab.hostV6.toString(), io.proxima.labkit.Family.IPV6_UNICAST))
                .extracting(Route::prefix).containsExactly(V6.toString());
    }

    @Test
    @Order(3)
    void withdrawnRoutesLeaveTheRib() throws Exception {
        lab.announce(List.of());
        for (String prefix : List.of(V4.toString(), V6.toString())) {
            Await.until(WAIT, () -> gobgp.routes(prefix).isEmpty(), "GoBGP drops " + prefix);
        }
    }

    @Test
    @Order(4)
    void routesFromGoBgpReachTheAdjRibIn() {
        gobgp.announce(GOBGP_V4);
        gobgp.announce(GOBGP_V6);
        lab.expectPeerRoutes(GOBGP_V4, GOBGP_V6);
        assertThat(lab.received(lab.peerV4)).containsOnlyKeys(Nlri.of(GOBGP_V4));
        assertThat(lab.received(lab.peerV6)).containsOnlyKeys(Nlri.of(GOBGP_V6));
    }

    /**
     * One way only: GoBGP 3.10 answers ROUTE-REFRESH but never sends one. {@code gobgp neighbor X
     * softresetin} re-runs its import policy over its own Adj-RIB-In (pkg/server softResetIn), and
     * no message reaches Proxima.
     */
    @Test
    @Order(5)
    void routeRefreshMakesGoBgpResendItsTable() throws Exception {
        assertThat(lab.speaker.peer(lab.peerV4).capabilities()).contains("route-refresh");
        long in = lab.speaker.peer(lab.peerV4).updatesIn();
        assertThat(lab.speaker.requestRefresh(lab.peerV4, Family.IPV4_UNICAST).get()).isTrue();
        Await.until(WAIT, () -> lab.speaker.peer(lab.peerV4).updatesIn() > in, "GoBGP re-sends its table");
        assertThat(lab.received(lab.peerV4)).containsOnlyKeys(Nlri.of(GOBGP_V4));
        assertThat(lab.speaker.peer(lab.peerV4).state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    @Order(6)
    void afterGoBgpRestartsTheSessionAndRoutesComeBack() throws Exception {
        lab.announce(lab.routes());
        Await.until(WAIT, () -> !gobgp.routes(V4.toString()).isEmpty(), "route back at GoBGP");
        gobgp.stop();
        Await.until(WAIT, () -> lab.stateOf(lab.peerV4) != State.ESTABLISHED && lab.stateOf(lab.peerV6) != State.ESTABLISHED,
                "Proxima notices GoBGP stopped");
        gobgp = GoBgp.start(lab.ns, "gobgp-again", config);
        lab.awaitEstablished(lab.peerV4);
        lab.awaitEstablished(lab.peerV6);
        Await.until(WAIT, () -> !gobgp.routes(V4.toString()).isEmpty() && !gobgp.routes(V6.toString()).isEmpty(),
                "routes re-announced to the new GoBGP");
    }

    @Test
    @Order(7)
    void aFrozenGoBgpExpiresTheHoldTimer() throws Exception {
        lab.frozenPeerExpiresHoldTimer(gobgp, lab.peer(lab.peerV4));
        Await.until(WAIT, () -> !gobgp.routes(V4.toString()).isEmpty(), "route back at GoBGP after the thaw");
    }
}
