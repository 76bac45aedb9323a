package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BfdLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.Authentication;
import io.proxima.bfd.ControlPacket;
import io.proxima.bfd.ControlPacketEncoder;
import io.proxima.bfd.Counters;
import io.proxima.bfd.Diagnostic;
import io.proxima.bfd.DropReason;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.bfd.StateChange;
import io.proxima.labkit.Await;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdDaemon;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.LabSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Proxima's BFD against a router's static BFD sessions in a namespace, over IPv4 and IPv6, with
 * real packets, TTL 255 and the kernel TTL filter. Every scenario is written once here and runs
 * against each {@link BfdRouter}; a subclass gives the router and its timers, and checks the
 * router's own view where BIRD and FRR show different things. {@code D}, the router's driver, lets
 * a subclass reach what only its router has.
 *
 * <p>Timers differ on purpose, so that each direction negotiates its own interval: Proxima asks
 * for desired tx 100 ms, required rx 300 ms, multiplier 3, and each router has its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
abstract class BfdInteropTest<D extends BfdDaemon> {

    static final Duration OUR_TX = Duration.ofMillis(100);
    static final Duration OUR_RX = Duration.ofMillis(300);
    static final int OUR_MULT = 3;
    /** The timer change: slower than either router's rx, so our transmit interval moves too. */
    static final Duration NEW_TX = Duration.ofMillis(400);
    static final int NEW_MULT = 4;
    /** Added to a Detection Time before a detection counts as late: room for a loaded CI box. */
    static final Duration DETECTION_MARGIN = Duration.ofSeconds(2);
    static final long ROUTER_AS = 65000;

    final BfdRouter<D> router;
    /** The router's timers: its required min rx, desired min tx and multiplier. */
    final BfdConfig timers;
    private final int labIndex;
    BfdLab lab;
    D daemon;

    /** {@code labIndex}: the lab's addresses, one per test class ({@link BfdLab#BfdLab}). */
    BfdInteropTest(BfdRouter<D> router, BfdConfig timers, int labIndex) {
        this.router = router;
        this.timers = timers;
        this.labIndex = labIndex;
    }

    static SessionConfig ours(SessionKey k) {
        return SessionConfig.of(k, OUR_TX, OUR_MULT).withRequiredMinRx(OUR_RX);
    }

    @BeforeAll
    void start() throws Exception {
        List<String> binaries = new ArrayList<>(router.binaries());
        binaries.add("python3");
        LabSupport.assumeLab(binaries.toArray(String[]::new));
        lab = new BfdLab(router.name().toLowerCase(Locale.ROOT), labIndex);
        daemon = router.start(lab.ns, lab.peerV4.getHostAddress(), ROUTER_AS, timers
                .withNeighbor(lab.hostV4.getHostAddress(), lab.peerV4.getHostAddress(), "eth0")
                .withNeighbor(lab.hostV6.getHostAddress(), lab.peerV6.getHostAddress(), "eth0"), List.of());
        lab.startBfd();
        lab.add(ours(lab.v4()));
        lab.add(ours(lab.v6()));
    }

    @AfterAll
    void stop() {
        if (lab != null) lab.close();
    }

    /** The router's view of session {@code k}, waiting up to {@link BfdLab#WAIT} for it to have one. */
    BfdStatus routerSide(SessionKey k) {
        return Await.value(WAIT, () -> daemon.bfdSession(k.local().getHostAddress()), Optional::isPresent,
                router.name() + "'s session with " + k.local()).get();
    }

    /** Whether the router's {@code view} shows that it has {@code ours}: its way of saying a Poll Sequence reached it. */
    abstract boolean routerUses(BfdStatus view, SessionConfig ours);

    /** The router's own figures once both sides use the timers of {@link #ours}. */
    abstract void routerShowsTheNegotiation(BfdStatus view);

    /** What the router says of a session it declared down because Proxima fell silent. */
    abstract void routerShowsDetectionTimeExpired(BfdStatus view);

    /** What the router says of a session that Proxima put in AdminDown. */
    abstract void routerShowsAdminDown(BfdStatus view);

    @Test
    @Order(1)
    void sessionsComeUpOnBothSidesOverIpv4AndIpv6() {
        for (SessionKey k : List.of(lab.v4(), lab.v6())) {
            lab.awaitState(k, SessionState.UP);
            Await.until(WAIT, () -> routerSide(k).up(), router.name() + " shows " + k.local() + " Up");
        }
        assertThat(lab.events).noneMatch(StateChange::signalsFailure);
    }

    /** Each direction runs at the slower of its sender's tx and its receiver's rx (RFC 5880 §6.8.2, §6.8.4). */
    @Test
    @Order(2)
    void bothSidesNegotiateTheSlowerIntervalOfEachDirection() {
        Duration routerRx = Duration.ofMillis(timers.minRxMs()), routerTx = Duration.ofMillis(timers.minTxMs());
        for (SessionKey k : List.of(lab.v4(), lab.v6())) {
            Await.until(WAIT, () -> !lab.snapshot(k).pollActive() && routerUses(routerSide(k), ours(k)), "Poll Sequences over");
            SessionSnapshot s = lab.snapshot(k);
            assertThat(s.remoteDesiredMinTx()).isEqualTo(routerTx);
            assertThat(s.remoteRequiredMinRx()).isEqualTo(routerRx);
            assertThat(s.remoteDetectMultiplier()).isEqualTo(timers.multiplier());
            assertThat(s.transmitInterval()).isEqualTo(max(OUR_TX, routerRx));
            assertThat(s.receiveInterval()).isEqualTo(max(OUR_RX, routerTx));
            assertThat(s.detectionTime()).isEqualTo(max(OUR_RX, routerTx).multipliedBy(timers.multiplier()));
            routerShowsTheNegotiation(routerSide(k));
        }
    }

    @Test
    @Order(3)
    void malformedPacketsAreDroppedAndCounted() {
        malformedPacketsAreDroppedAndCountedAndChangeNothing(lab.v4());
        malformedPacketsAreDroppedAndCountedAndChangeNothing(lab.v6());
        assertThat(routerSide(lab.v4()).up()).isTrue();
    }

    /** RFC 5880 §6.8.3: a timer change goes through a Poll Sequence, and the session stays Up throughout. */
    @Test
    @Order(4)
    void newTimersTakeEffectThroughAPollSequenceWithoutAFlap() throws Exception {
        SessionKey k = lab.v4();
        int events = lab.events.size();
        SessionConfig slower = ours(k).withDesiredMinTx(NEW_TX).withDetectMultiplier(NEW_MULT);
        lab.bfd.updateSession(slower).get();
        Await.until(WAIT, () -> routerUses(routerSide(k), slower), router.name() + " uses " + NEW_MULT + " × " + NEW_TX);
        Await.until(WAIT, () -> !lab.snapshot(k).pollActive(), "the Poll Sequence ends with " + router.name() + "'s Final");
        assertThat(lab.snapshot(k).transmitInterval()).isEqualTo(NEW_TX);  // max(our new tx, the router's rx)
        assertThat(routerSide(k).up()).isTrue();
        lab.bfd.updateSession(ours(k)).get();
        Await.until(WAIT, () -> routerUses(routerSide(k), ours(k)), router.name() + " back at " + OUR_MULT + " × " + OUR_TX);
        assertThat(lab.events).hasSize(events);
    }

    /**
     * A frozen router: Proxima's IPv4 session goes Down by its Detection Time (diagnostic 1), and
     * comes back once the router is thawed. The last packet left the router up to one interval
     * before the freeze.
     */
    @Test
    @Order(5)
    void aFrozenRouterIsDetectedWithinTheDetectionTime() {
        SessionKey k = lab.v4();
        Duration detection = lab.snapshot(k).detectionTime();
        long t0 = System.nanoTime();
        daemon.freezeBfd();
        Duration took;
        try {
            took = lab.timeTo(k, SessionState.DOWN, t0);
        } finally {
            daemon.thawBfd();
        }
        StateChange down = lab.events(k).stream().filter(c -> c.to() == SessionState.DOWN).reduce((x, y) -> y).orElseThrow();
        System.out.println(router.name() + " frozen: Proxima's session Down after " + took.toMillis() + " ms (Detection Time "
                + detection.toMillis() + " ms)");
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(down.signalsFailure()).isTrue();
        assertThat(took).isLessThan(detection.plus(DETECTION_MARGIN));
        lab.awaitState(k, SessionState.UP);
    }

    /**
     * Proxima stops sending on its IPv4 session: the router declares it down within its Detection
     * Time for us, our multiplier × max(its rx, our tx); then both come back Up.
     */
    @Test
    @Order(6)
    void theRouterDetectsASilentProxima() throws Exception {
        SessionKey k = lab.v4();
        Duration routerDetection = max(Duration.ofMillis(timers.minRxMs()), OUR_TX).multipliedBy(OUR_MULT);
        Await.until(WAIT, () -> routerSide(k).up(), router.name() + " Up");
        long t0 = System.nanoTime();
        lab.bfd.silence(k, true).get();
        try {
            Await.until(WAIT, () -> !routerSide(k).up(), router.name() + " declares Proxima down");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("Proxima silent: " + router.name() + "'s session Down after " + took.toMillis()
                    + " ms (its Detection Time " + routerDetection.toMillis() + " ms)");
            assertThat(took).isLessThan(routerDetection.plus(DETECTION_MARGIN));
            routerShowsDetectionTimeExpired(routerSide(k));
        } finally {
            lab.bfd.silence(k, false).get();
        }
        Await.until(WAIT, () -> routerSide(k).up(), router.name() + " Up again");
        lab.awaitState(k, SessionState.UP);
    }

    /**
     * AdminDown on the IPv6 session: the router sees the session go down, and nothing on Proxima's
     * side signals a failure, before or after AdminUp (RFC 5882 §3.2).
     */
    @Test
    @Order(7)
    void adminDownIsSeenByTheRouterAndIsNoFailureHere() throws Exception {
        SessionKey k = lab.v6();
        lab.awaitState(k, SessionState.UP);
        int before = lab.events(k).size();
        lab.bfd.adminDown(k, Diagnostic.ADMINISTRATIVELY_DOWN).get();
        Await.until(WAIT, () -> !routerSide(k).up(), router.name() + " sees AdminDown");
        routerShowsAdminDown(routerSide(k));
        lab.bfd.adminUp(k).get();
        lab.awaitState(k, SessionState.UP);
        Await.until(WAIT, () -> routerSide(k).up(), router.name() + " Up again");
        List<StateChange> since = lab.events(k).subList(before, lab.events(k).size());
        assertThat(since).extracting(StateChange::to).startsWith(SessionState.ADMIN_DOWN, SessionState.DOWN).endsWith(SessionState.UP);
        assertThat(since).noneMatch(StateChange::signalsFailure);
    }

    /**
     * Issue #6: malformed packets, sent from the router's address on the link, are dropped and
     * counted by rule, and change nothing: the session stays Up and no listener hears of them.
     */
    private void malformedPacketsAreDroppedAndCountedAndChangeNothing(SessionKey k) {
        SessionSnapshot before = lab.snapshot(k);
        assertThat(before.state()).isEqualTo(SessionState.UP);
        int events = lab.events.size();
        ControlPacket valid = new ControlPacket(Diagnostic.NONE, SessionState.UP, false, false, false, false, 3,
                (int) before.remoteDiscriminator(), (int) before.localDiscriminator(), 100_000, 100_000, 0, Optional.empty());
        byte[] wire = ControlPacketEncoder.toBytes(valid);
        lab.sendRaw(k.peer(), k.local(), 255,
                with(wire, 0, 0x40),           // version 2
                with(wire, 3, 20),             // Length 20
                Arrays.copyOf(wire, 20),       // a datagram shorter than its Length
                with(wire, 2, 0),              // Detect Mult 0
                with(wire, 1, 0xC1),           // Multipoint
                with(wire, 4, 0, 5, 0, 6, 0, 7, 0),       // My Discriminator 0
                with(wire, 8, 0, 9, 0, 10, 0, 11, 0),     // Your Discriminator 0 in Up
                ControlPacketEncoder.toBytes(valid.withAuthentication(Optional.of(
                        new Authentication.SimplePassword(1, "x".getBytes())))));  // A bit, no authentication in use
        lab.sendRaw(k.peer(), k.local(), 254, wire);  // RFC 5881 §5: one hop too far
        Await.until(WAIT, () -> lab.snapshot(k).counters().dropped(DropReason.TTL) > before.counters().dropped(DropReason.TTL),
                "the TTL 254 packet counted");
        Counters after = lab.snapshot(k).counters();
        for (DropReason r : new DropReason[] {DropReason.VERSION, DropReason.LENGTH_TOO_SMALL, DropReason.DETECT_MULT_ZERO,
                DropReason.MULTIPOINT, DropReason.MY_DISCRIMINATOR_ZERO, DropReason.YOUR_DISCRIMINATOR_ZERO,
                DropReason.AUTH_UNEXPECTED, DropReason.TTL, DropReason.LENGTH_BEYOND_PAYLOAD}) {
            assertThat(after.dropped(r) - before.counters().dropped(r)).as(r.name()).isEqualTo(1);
        }
        assertThat(after.malformedDropped() - before.counters().malformedDropped()).isEqualTo(9);
        assertThat(lab.snapshot(k).state()).isEqualTo(SessionState.UP);
        assertThat(lab.events).hasSize(events);
        // Still Up a few Detection Times later: nothing above disturbed the real packets.
        Await.never(Duration.ofMillis(3 * before.detectionTime().toMillis() + 500), () -> lab.state(k) != SessionState.UP,
                "the session left Up after malformed packets");
    }

    /** A copy of {@code b} with (index, value) pairs set. */
    private static byte[] with(byte[] b, int... pairs) {
        byte[] c = b.clone();
        for (int i = 0; i < pairs.length; i += 2) c[pairs[i]] = (byte) pairs[i + 1];
        return c;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
