package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BfdLab.WAIT;
import static io.proxima.bfd.interop.BgpBfdLab.FAST;
import static io.proxima.bfd.interop.BgpBfdLab.HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.labkit.Await;
import io.proxima.labkit.BfdDaemon;
import io.proxima.labkit.LabSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * BGP + BFD against a router ({@link BgpBfdLab}): every scenario written once, run against each
 * {@link BfdRouter}; a subclass gives the router and checks what it alone shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
abstract class BgpBfdInteropTest<D extends BfdDaemon> {

    final BfdRouter<D> router;
    private final int labIndex;
    /** What the router's reason for dropping a silent Proxima contains, in any case. */
    private final String expectedWhy;
    BgpBfdLab<D> lab;

    /** {@code labIndex}: the lab's addresses, one per test class ({@link BfdLab#BfdLab}). */
    BgpBfdInteropTest(BfdRouter<D> router, int labIndex, String expectedWhy) {
        this.router = router;
        this.labIndex = labIndex;
        this.expectedWhy = expectedWhy;
    }

    @BeforeAll
    void start() throws Exception {
        LabSupport.assumeLab(router.binaries().toArray(String[]::new));
        lab = new BgpBfdLab<>(router, labIndex);
        lab.start();
    }

    @AfterAll
    void stop() {
        if (lab != null) lab.close();
    }

    /** The router's own word that its BGP session is bound to an Up BFD session, where it gives one. */
    abstract void routerShowsBgpBoundToBfd();

    /** Why the router says it dropped Proxima's BGP session (asked while Proxima is silent). */
    abstract String routerSaysWhy();

    @Test
    @Order(1)
    void bgpAndBfdComeUpAndTheRouteReachesTheFib() {
        lab.expectUp();
        lab.expectNoResetAfterStartUp();
        routerShowsBgpBoundToBfd();
    }

    /**
     * Issue #6: the router's BFD freezes; Proxima's BFD goes Down within its Detection Time and the
     * BGP session goes at once, with Cease / BFD Down, long before the 9 s hold timer. After the thaw
     * the normal reconnect brings both back.
     */
    @Test
    @Order(2)
    void aFrozenRouterLosesItsBgpSessionAtOnceWithCeaseBfdDown() {
        long t0 = System.nanoTime();
        lab.daemon.freezeBfd();
        Duration took;
        try {
            Await.until(WAIT, () -> !lab.established(), "Proxima drops the BGP session");
            took = Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            lab.daemon.thawBfd();
        }
        System.out.println(router.name() + " frozen: Proxima's BGP session closed after " + took.toMillis() + " ms (hold time " + HOLD + " s)");
        PeerSnapshot s = lab.bgp();
        assertThat(s.lastNotificationSent()).contains("BFD Down");
        assertThat(lab.bgpEvents).anyMatch(e -> e.contains("BFD session") && e.contains("Control Detection Time Expired"));
        assertThat(took).isLessThan(FAST);
        lab.expectUp();
    }

    /**
     * Issue #6, the reverse: Proxima's BFD falls silent (as a frozen Proxima would); the router's
     * BFD declares it down, its BGP session goes, and the route leaves its FIB, long before the hold
     * timer.
     */
    @Test
    @Order(3)
    void aSilentProximaLeavesTheRoutersFibLongBeforeTheHoldTimer() throws Exception {
        long t0 = System.nanoTime();
        lab.bfd.bfd.silence(lab.key(), true).get();
        Duration took;
        try {
            Await.until(WAIT, () -> !lab.routeInFib(), BgpBfdLab.ROUTE + " leaves " + router.name() + "'s FIB");
            took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(lab.routerBfdUp()).isFalse();
            String why = routerSaysWhy();
            System.out.println(router.name() + " says: " + why);
            assertThat(why).containsIgnoringCase(expectedWhy);
        } finally {
            lab.bfd.bfd.silence(lab.key(), false).get();
        }
        System.out.println("Proxima's BFD silent: route gone from " + router.name() + "'s FIB after " + took.toMillis()
                + " ms (hold time " + HOLD + " s)");
        assertThat(took).isLessThan(FAST);
        lab.expectUp();
    }
}
