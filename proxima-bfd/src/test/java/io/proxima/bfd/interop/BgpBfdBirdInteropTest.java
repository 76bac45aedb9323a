package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BgpBfdLab.PEER_AS;
import static io.proxima.bfd.interop.BgpBfdLab.PROXIMA_AS;

import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Peer;
import io.proxima.labkit.SessionState;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** BGP + BFD against BIRD 2: {@code bfd on} in its {@code protocol bgp}, 100 ms × 3 on both sides, hold 9 s. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class BgpBfdBirdInteropTest {

    static BgpBfdLab lab;
    static Bird bird;

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("bird", "birdc");
        lab = new BgpBfdLab("bgp-bird", 2);
        String ours = lab.bfd.hostV4.getHostAddress();
        bird = Bird.start(lab.bfd.ns, "bird", BirdConfig.router(lab.bfd.peerV4.getHostAddress(), PEER_AS)
                .withPeer(Peer.of(ours, PROXIMA_AS).withPassive(true).withBfd(true).withTimers(new io.proxima.labkit.Timers(BgpBfdLab.HOLD, 3, 1)))
                .withBfd(BfdConfig.timers(100, 100, 3)));
        lab.start();
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static boolean birdBfdUp() {
        return bird.bfdSession(lab.bfd.hostV4.getHostAddress()).map(s -> s.up()).orElse(false);
    }

    static boolean birdEstablished() {
        return bird.sessionState(lab.bfd.hostV4.getHostAddress()) == SessionState.ESTABLISHED;
    }

    @Test
    @Order(1)
    void bgpAndBfdComeUpAndTheRouteReachesTheFib() {
        lab.expectUp(BgpBfdBirdInteropTest::birdBfdUp, BgpBfdBirdInteropTest::birdEstablished);
        lab.expectNoResetAfterStartUp();
    }

    @Test
    @Order(2)
    void aFrozenBirdLosesItsBgpSessionAtOnceWithCeaseBfdDown() {
        Duration took = lab.frozenRouterTearsBgpDownAtOnce(bird::freeze, bird::thaw, BgpBfdBirdInteropTest::birdBfdUp,
                BgpBfdBirdInteropTest::birdEstablished);
        System.out.println("BIRD frozen: Proxima's BGP session closed after " + took.toMillis() + " ms (hold time " + BgpBfdLab.HOLD + " s)");
    }

    @Test
    @Order(3)
    void aSilentProximaLeavesBirdsFibLongBeforeTheHoldTimer() throws Exception {
        Duration took = lab.silentProximaLosesItsRouteAtOnce(BgpBfdBirdInteropTest::birdBfdUp, BgpBfdBirdInteropTest::birdEstablished,
                () -> bird.protocolState(BirdConfig.protocolName(lab.bfd.hostV4.getHostAddress())).info(), "BFD session down");
        System.out.println("Proxima's BFD silent: route gone from BIRD's FIB after " + took.toMillis() + " ms (hold time " + BgpBfdLab.HOLD + " s)");
    }
}
