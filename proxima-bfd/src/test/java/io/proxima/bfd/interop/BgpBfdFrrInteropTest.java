package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BgpBfdLab.PEER_AS;
import static io.proxima.bfd.interop.BgpBfdLab.PROXIMA_AS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.Frr;
import io.proxima.labkit.FrrConfig;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Peer;
import io.proxima.labkit.SessionState;
import io.proxima.labkit.Timers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** BGP + BFD against FRR 8.4: {@code neighbor X bfd} with a 100 ms × 3 profile on both sides, hold 9 s. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class BgpBfdFrrInteropTest {

    static BgpBfdLab lab;
    static Frr frr;

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("vtysh", "/usr/lib/frr/zebra", "/usr/lib/frr/bfdd", "/usr/lib/frr/bgpd");
        lab = new BgpBfdLab("bgp-frr", 3);
        String ours = lab.bfd.hostV4.getHostAddress();
        frr = Frr.start(lab.bfd.ns, "frr", FrrConfig.router(lab.bfd.peerV4.getHostAddress(), PEER_AS)
                .withPeer(Peer.of(ours, PROXIMA_AS).withPassive(true).withBfd(true).withTimers(new Timers(BgpBfdLab.HOLD, 3, 1)))
                .withBfd(BfdConfig.timers(100, 100, 3)));
        lab.start();
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static boolean frrBfdUp() {
        return frr.bfdPeer(lab.bfd.hostV4.getHostAddress()).map(s -> s.up()).orElse(false);
    }

    static boolean frrEstablished() {
        return frr.sessionState(lab.bfd.hostV4.getHostAddress()) == SessionState.ESTABLISHED;
    }

    static JsonNode neighbor() {
        String ours = lab.bfd.hostV4.getHostAddress();
        return frr.json("show bgp neighbors " + ours + " json").path(ours);
    }

    @Test
    @Order(1)
    void bgpAndBfdComeUpAndTheRouteReachesTheFib() {
        lab.expectUp(BgpBfdFrrInteropTest::frrBfdUp, BgpBfdFrrInteropTest::frrEstablished);
        lab.expectNoResetAfterStartUp();
        assertThat(neighbor().path("peerBfdInfo").path("status").asText()).isEqualTo("Up");
    }

    @Test
    @Order(2)
    void aFrozenBfddLosesItsBgpSessionAtOnceWithCeaseBfdDown() {
        Duration took = lab.frozenRouterTearsBgpDownAtOnce(frr::freezeBfd, frr::thawBfd, BgpBfdFrrInteropTest::frrBfdUp,
                BgpBfdFrrInteropTest::frrEstablished);
        System.out.println("bfdd frozen: Proxima's BGP session closed after " + took.toMillis() + " ms (hold time " + BgpBfdLab.HOLD + " s)");
    }

    @Test
    @Order(3)
    void aSilentProximaLeavesFrrsFibLongBeforeTheHoldTimer() throws Exception {
        Duration took = lab.silentProximaLosesItsRouteAtOnce(BgpBfdFrrInteropTest::frrBfdUp, BgpBfdFrrInteropTest::frrEstablished,
                () -> frr.bfdPeer(lab.bfd.hostV4.getHostAddress()).map(s -> s.diagnostic()).orElse(""), "control detection time expired");
        System.out.println("Proxima's BFD silent: route gone from FRR's FIB after " + took.toMillis() + " ms (hold time " + BgpBfdLab.HOLD + " s)");
    }
}
