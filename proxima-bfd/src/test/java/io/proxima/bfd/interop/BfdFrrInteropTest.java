package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BfdLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.Diagnostic;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.bfd.StateChange;
import io.proxima.labkit.Await;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.Frr;
import io.proxima.labkit.FrrConfig;
import io.proxima.labkit.LabSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Proxima's BFD against FRR 8.4's bfdd (static {@code peer}s in a profile) in a namespace, over
 * IPv4 and IPv6, queried with {@code vtysh -c 'show bfd peers json'}.
 *
 * <p>Timers differ on purpose. FRR: receive 250 ms, transmit 200 ms, multiplier 5. Proxima:
 * desired tx 100 ms, required rx 300 ms, multiplier 3.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class BfdFrrInteropTest {

    static final BfdConfig FRR_TIMERS = BfdConfig.timers(250, 200, 5);
    static BfdLab lab;
    static Frr frr;

    static SessionConfig ours(SessionKey k) {
        return SessionConfig.of(k, Duration.ofMillis(100), 3).withRequiredMinRx(Duration.ofMillis(300));
    }

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("vtysh", "/usr/lib/frr/zebra", "/usr/lib/frr/bfdd", "/usr/lib/frr/bgpd", "python3");
        lab = new BfdLab("frr", 1);
        FrrConfig config = FrrConfig.router(lab.peerV4.getHostAddress(), 65000).withBfd(FRR_TIMERS
                .withNeighbor(lab.hostV4.getHostAddress(), lab.peerV4.getHostAddress(), "eth0")
                .withNeighbor(lab.hostV6.getHostAddress(), lab.peerV6.getHostAddress(), "eth0"));
        frr = Frr.start(lab.ns, "frr", config);
        lab.startBfd();
        lab.add(ours(lab.v4()));
        lab.add(ours(lab.v6()));
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static BfdStatus frrSide(SessionKey k) {
        return Await.value(WAIT, () -> frr.bfdPeer(k.local().getHostAddress()), o -> o.isPresent(), "FRR's peer " + k.local()).get();
    }

    /** FRR's BFD daemon alone freezes: zebra and bgpd go on. */
    static final BfdScenarios.Router ROUTER =
            new BfdScenarios.Router("FRR", BfdFrrInteropTest::frrSide, () -> frr.freezeBfd(), () -> frr.thawBfd());

    @Test
    @Order(1)
    void sessionsComeUpOnBothSidesOverIpv4AndIpv6() {
        BfdScenarios.sessionsComeUpOnBothSidesOverIpv4AndIpv6(lab, ROUTER);
    }

    @Test
    @Order(2)
    void bothSidesSeeTheOthersTimersAndNegotiate() {
        for (SessionKey k : List.of(lab.v4(), lab.v6())) {
            Await.until(WAIT, () -> !lab.snapshot(k).pollActive() && frrSide(k).remoteTransmitMs() == 100, "Poll Sequences over");
            BfdStatus f = frrSide(k);
            // What FRR received from us, and its own configuration.
            assertThat(f.remoteReceiveMs()).isEqualTo(300);
            assertThat(f.remoteTransmitMs()).isEqualTo(100);
            assertThat(f.remoteMultiplier()).isEqualTo(3);
            assertThat(f.receiveMs()).isEqualTo(250);
            assertThat(f.transmitMs()).isEqualTo(200);
            assertThat(f.multiplier()).isEqualTo(5);
            SessionSnapshot s = lab.snapshot(k);
            assertThat(s.remoteDesiredMinTx()).isEqualTo(Duration.ofMillis(200));
            assertThat(s.remoteRequiredMinRx()).isEqualTo(Duration.ofMillis(250));
            assertThat(s.transmitInterval()).isEqualTo(Duration.ofMillis(250));  // max(our 100, FRR's rx 250)
            assertThat(s.receiveInterval()).isEqualTo(Duration.ofMillis(300));   // max(our rx 300, FRR's tx 200)
            assertThat(s.detectionTime()).isEqualTo(Duration.ofMillis(1500));    // FRR's 5 × 300
        }
    }

    @Test
    @Order(3)
    void malformedPacketsAreDroppedAndCounted() {
        BfdScenarios.malformedPacketsAreDroppedAndCountedAndChangeNothing(lab, lab.v4());
        BfdScenarios.malformedPacketsAreDroppedAndCountedAndChangeNothing(lab, lab.v6());
        assertThat(frrSide(lab.v4()).up()).isTrue();
    }

    @Test
    @Order(4)
    void newTimersTakeEffectThroughAPollSequenceWithoutAFlap() throws Exception {
        int events = lab.events.size();
        lab.bfd.updateSession(ours(lab.v4()).withDesiredMinTx(Duration.ofMillis(400)).withDetectMultiplier(4)).get();
        Await.until(WAIT, () -> frrSide(lab.v4()).remoteTransmitMs() == 400 && frrSide(lab.v4()).remoteMultiplier() == 4, "FRR sees 4 × 400 ms");
        Await.until(WAIT, () -> !lab.snapshot(lab.v4()).pollActive(), "the Poll Sequence ends with FRR's Final");
        assertThat(lab.snapshot(lab.v4()).transmitInterval()).isEqualTo(Duration.ofMillis(400));
        assertThat(frrSide(lab.v4()).up()).isTrue();
        lab.bfd.updateSession(ours(lab.v4())).get();
        Await.until(WAIT, () -> frrSide(lab.v4()).remoteTransmitMs() == 100, "FRR sees 100 ms again");
        assertThat(lab.events).hasSize(events);
    }

    @Test
    @Order(5)
    void aFrozenBfddIsDetectedWithinTheDetectionTime() {
        BfdScenarios.aFrozenRouterIsDetectedWithinTheDetectionTime(lab, ROUTER);
    }

    @Test
    @Order(6)
    void frrDetectsASilentProxima() throws Exception {
        // FRR's Detection Time for us: our 3 × max(its rx 250, our tx 100) = 750 ms.
        BfdScenarios.theRouterDetectsASilentProxima(lab, ROUTER, Duration.ofMillis(750),
                down -> assertThat(down.diagnostic()).contains("detection time"));
    }

    @Test
    @Order(7)
    void adminDownIsSeenByFrrAndIsNoFailureHere() throws Exception {
        BfdScenarios.adminDownIsSeenByTheRouterAndIsNoFailureHere(lab, ROUTER, down -> assertThat(down.diagnostic()).contains("down"));
    }
}
