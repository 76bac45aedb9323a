package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BfdLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.Authentication;
import io.proxima.bfd.AuthenticationKey;
import io.proxima.bfd.Diagnostic;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.bfd.StateChange;
import io.proxima.labkit.Await;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.LabSupport;
import java.nio.charset.StandardCharsets;
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
 * Proxima's BFD against BIRD 2's {@code protocol bfd} (static neighbors) in a namespace, over IPv4
 * and IPv6, with real packets, TTL 255 and the kernel TTL filter.
 *
 * <p>Timers differ on purpose. BIRD: min rx 200 ms, min tx 150 ms, multiplier 4. Proxima: desired
 * tx 100 ms, required rx 300 ms, multiplier 3.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class BfdBirdInteropTest {

    static final BfdConfig BIRD_TIMERS = BfdConfig.timers(200, 150, 4);
    static BfdLab lab;
    static Bird bird;
    static BirdConfig config;

    static SessionConfig ours(SessionKey k) {
        return SessionConfig.of(k, Duration.ofMillis(100), 3).withRequiredMinRx(Duration.ofMillis(300));
    }

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("bird", "birdc", "python3");
        lab = new BfdLab("bird", 0);
        config = BirdConfig.router(lab.peerV4.getHostAddress(), 65000).withKernelExport(false).withBfd(BIRD_TIMERS
                .withNeighbor(lab.hostV4.getHostAddress(), lab.peerV4.getHostAddress(), "eth0")
                .withNeighbor(lab.hostV6.getHostAddress(), lab.peerV6.getHostAddress(), "eth0"));
        bird = Bird.start(lab.ns, "bird", config);
        lab.startBfd();
        lab.add(ours(lab.v4()));
        lab.add(ours(lab.v6()));
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static BfdStatus birdSide(SessionKey k) {
        return Await.value(WAIT, () -> bird.bfdSession(k.local().getHostAddress()), o -> o.isPresent(), "BIRD's session with " + k.local()).get();
    }

    static final BfdScenarios.Router ROUTER =
            new BfdScenarios.Router("BIRD", BfdBirdInteropTest::birdSide, () -> bird.freeze(), () -> bird.thaw());

    @Test
    @Order(1)
    void sessionsComeUpOnBothSidesOverIpv4AndIpv6() {
        BfdScenarios.sessionsComeUpOnBothSidesOverIpv4AndIpv6(lab, ROUTER);
    }

    @Test
    @Order(2)
    void bothSidesNegotiateTheSlowerIntervalOfEachDirection() {
        for (SessionKey k : List.of(lab.v4(), lab.v6())) {
            Await.until(WAIT, () -> !lab.snapshot(k).pollActive() && birdSide(k).intervalMs() == 300, "Poll Sequences over");
            SessionSnapshot s = lab.snapshot(k);
            assertThat(s.remoteDesiredMinTx()).isEqualTo(Duration.ofMillis(150));
            assertThat(s.remoteRequiredMinRx()).isEqualTo(Duration.ofMillis(200));
            assertThat(s.remoteDetectMultiplier()).isEqualTo(4);
            assertThat(s.transmitInterval()).isEqualTo(Duration.ofMillis(200));  // max(our 100, BIRD's rx 200)
            assertThat(s.detectionTime()).isEqualTo(Duration.ofMillis(1200));    // BIRD's 4 × max(our rx 300, its tx 150)
            BfdStatus b = birdSide(k);
            assertThat(b.intervalMs()).isEqualTo(300);                           // max(its tx 150, our rx 300)
            assertThat(b.timeoutMs()).isEqualTo(600);                            // our 3 × max(its rx 200, our tx 100)
        }
    }

    @Test
    @Order(3)
    void malformedPacketsAreDroppedAndCounted() {
        BfdScenarios.malformedPacketsAreDroppedAndCountedAndChangeNothing(lab, lab.v4());
        BfdScenarios.malformedPacketsAreDroppedAndCountedAndChangeNothing(lab, lab.v6());
        assertThat(birdSide(lab.v4()).up()).isTrue();
    }

    @Test
    @Order(4)
    void newTimersTakeEffectThroughAPollSequenceWithoutAFlap() throws Exception {
        int events = lab.events.size();
        lab.bfd.updateSession(ours(lab.v4()).withDesiredMinTx(Duration.ofMillis(250)).withDetectMultiplier(5)).get();
        // BIRD's Detection Time for us: our 5 × max(its rx 200, our tx 250).
        Await.until(WAIT, () -> birdSide(lab.v4()).timeoutMs() == 1250, "BIRD uses 5 × 250 ms");
        assertThat(lab.snapshot(lab.v4()).transmitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(lab.events).hasSize(events);
        lab.bfd.updateSession(ours(lab.v4())).get();
        Await.until(WAIT, () -> birdSide(lab.v4()).timeoutMs() == 600, "BIRD back at 3 × 200 ms");
    }

    @Test
    @Order(5)
    void aFrozenBirdIsDetectedWithinTheDetectionTime() {
        BfdScenarios.aFrozenRouterIsDetectedWithinTheDetectionTime(lab, ROUTER);
    }

    @Test
    @Order(6)
    void birdDetectsASilentProxima() throws Exception {
        // BIRD's Detection Time for us: our 3 × max(its rx 200, our tx 100).
        BfdScenarios.theRouterDetectsASilentProxima(lab, ROUTER, Duration.ofMillis(600), down -> { });
    }

    @Test
    @Order(7)
    void adminDownIsSeenByBirdAndIsNoFailureHere() throws Exception {
        BfdScenarios.adminDownIsSeenByTheRouterAndIsNoFailureHere(lab, ROUTER, down -> { });
    }

    @Test
    @Order(8)
    void meticulousKeyedSha1WithBird() throws Exception {
        byte[] secret = "proxima-bfd-key".getBytes(StandardCharsets.US_ASCII);
        config = config.withBfd(config.bfd().withAuthentication("meticulous keyed sha1", "proxima-bfd-key", 7));
        bird.reconfigure(config);
        lab.bfd.removeSession(lab.v4()).get(15, java.util.concurrent.TimeUnit.SECONDS);
        lab.add(ours(lab.v4()).withAuthentication(new AuthenticationKey(Authentication.METICULOUS_KEYED_SHA1, 7, secret)));
        lab.awaitState(lab.v4(), SessionState.UP);
        Await.until(WAIT, () -> birdSide(lab.v4()).up(), "BIRD Up with authentication");
        assertThat(lab.snapshot(lab.v4()).authenticated()).isTrue();
        assertThat(lab.snapshot(lab.v4()).counters().dropped(io.proxima.bfd.DropReason.AUTH_FAILED)).isZero();
        // The IPv6 session has no key: BIRD now refuses it, and it refuses BIRD's signed packets.
        Await.until(WAIT, () -> lab.snapshot(lab.v6()).counters().dropped(io.proxima.bfd.DropReason.AUTH_UNEXPECTED) > 0,
                "Proxima drops BIRD's signed packets on the unkeyed session");
    }
}
