package io.proxima.bfd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.Authentication;
import io.proxima.bfd.ControlPacket;
import io.proxima.bfd.ControlPacketEncoder;
import io.proxima.bfd.Counters;
import io.proxima.bfd.Diagnostic;
import io.proxima.bfd.DropReason;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.bfd.StateChange;
import io.proxima.labkit.Await;
import io.proxima.labkit.BfdStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Scenarios that read the same for BIRD and FRR, written once; each test class supplies its {@link Router}. */
final class BfdScenarios {

    private BfdScenarios() {
    }

    /**
     * The daemon on the other end, as the scenarios see it: its name for messages ("BIRD", "FRR"),
     * its view of a session (waiting up to {@link BfdLab#WAIT} for it to have one), and how to stop
     * its BFD packets (SIGSTOP) and resume them.
     */
    record Router(String name, Function<SessionKey, BfdStatus> view, Runnable freeze, Runnable thaw) {

        BfdStatus side(SessionKey k) {
            return view.apply(k);
        }
    }

    static void sessionsComeUpOnBothSidesOverIpv4AndIpv6(BfdLab lab, Router router) {
        for (SessionKey k : List.of(lab.v4(), lab.v6())) {
            lab.awaitState(k, SessionState.UP);
            Await.until(BfdLab.WAIT, () -> router.side(k).up(), router.name() + " shows " + k.local() + " Up");
        }
        assertThat(lab.events).noneMatch(StateChange::signalsFailure);
    }

    /**
     * A frozen router: Proxima's IPv4 session goes Down by its Detection Time (diagnostic 1), and
     * comes back once the router is thawed. The last packet left the router up to one interval
     * before the freeze; the bound is generous for a loaded CI box.
     */
    static void aFrozenRouterIsDetectedWithinTheDetectionTime(BfdLab lab, Router router) {
        SessionKey k = lab.v4();
        Duration detection = lab.snapshot(k).detectionTime();
        long t0 = System.nanoTime();
        router.freeze().run();
        Duration took;
        try {
            took = lab.timeTo(k, SessionState.DOWN, t0);
        } finally {
            router.thaw().run();
        }
        StateChange down = lab.events(k).stream().filter(c -> c.to() == SessionState.DOWN).reduce((x, y) -> y).orElseThrow();
        System.out.println(router.name() + " frozen: Proxima's session Down after " + took.toMillis() + " ms (Detection Time "
                + detection.toMillis() + " ms)");
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(down.signalsFailure()).isTrue();
        assertThat(took).isLessThan(detection.plusSeconds(2));
        lab.awaitState(k, SessionState.UP);
    }

    /**
     * Proxima stops sending on its IPv4 session: the router declares it down within its Detection
     * Time for us ({@code routerDetection}, plus a margin for a loaded box), and {@code whenDown}
     * checks the router's view at that moment; then both come back Up.
     */
    static void theRouterDetectsASilentProxima(BfdLab lab, Router router, Duration routerDetection, Consumer<BfdStatus> whenDown)
            throws Exception {
        SessionKey k = lab.v4();
        Await.until(BfdLab.WAIT, () -> router.side(k).up(), router.name() + " Up");
        long t0 = System.nanoTime();
        lab.bfd.silence(k, true).get();
        try {
            Await.until(BfdLab.WAIT, () -> !router.side(k).up(), router.name() + " declares Proxima down");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("Proxima silent: " + router.name() + "'s session Down after " + ms + " ms (its Detection Time "
                    + routerDetection.toMillis() + " ms)");
            assertThat(ms).isLessThan(routerDetection.toMillis() + 2000);
            whenDown.accept(router.side(k));
        } finally {
            lab.bfd.silence(k, false).get();
        }
        Await.until(BfdLab.WAIT, () -> router.side(k).up(), router.name() + " Up again");
        lab.awaitState(k, SessionState.UP);
    }

    /**
     * AdminDown on the IPv6 session: the router sees the session go down ({@code whenDown} checks its
     * view then), and nothing on Proxima's side signals a failure, before or after AdminUp.
     */
    static void adminDownIsSeenByTheRouterAndIsNoFailureHere(BfdLab lab, Router router, Consumer<BfdStatus> whenDown) throws Exception {
        SessionKey k = lab.v6();
        lab.awaitState(k, SessionState.UP);
        int before = lab.events(k).size();
        lab.bfd.adminDown(k, Diagnostic.ADMINISTRATIVELY_DOWN).get();
        Await.until(BfdLab.WAIT, () -> !router.side(k).up(), router.name() + " sees AdminDown");
        whenDown.accept(router.side(k));
        lab.bfd.adminUp(k).get();
        lab.awaitState(k, SessionState.UP);
        Await.until(BfdLab.WAIT, () -> router.side(k).up(), router.name() + " Up again");
        List<StateChange> since = lab.events(k).subList(before, lab.events(k).size());
        assertThat(since).extracting(StateChange::to).startsWith(SessionState.ADMIN_DOWN, SessionState.DOWN).endsWith(SessionState.UP);
        assertThat(since).noneMatch(StateChange::signalsFailure);
    }

    /**
     * Issue #6: malformed packets, sent from the daemon's address on the link, are dropped and
     * counted by rule, and change nothing: the session stays Up and no listener hears of them.
     */
    static void malformedPacketsAreDroppedAndCountedAndChangeNothing(BfdLab lab, SessionKey k) {
        SessionSnapshot before = lab.snapshot(k);
        assertThat(before.state()).isEqualTo(SessionState.UP);
        int events = lab.events.size();
        ControlPacket valid = new ControlPacket(Diagnostic.NONE, SessionState.UP, false, false, false, false, 3,
                (int) before.remoteDiscriminator(), (int) before.localDiscriminator(), 100_000, 100_000, 0, Optional.empty());
        byte[] wire = ControlPacketEncoder.toBytes(valid);
        lab.sendRaw(k.peer(), k.local(), 255,
                with(wire, 0, 0x40),           // version 2
                with(wire, 3, 20),             // Length 20
                java.util.Arrays.copyOf(wire, 20), // a datagram shorter than its Length
                with(wire, 2, 0),              // Detect Mult 0
                with(wire, 1, 0xC1),           // Multipoint
                with(wire, 4, 0, 5, 0, 6, 0, 7, 0),       // My Discriminator 0
                with(wire, 8, 0, 9, 0, 10, 0, 11, 0),     // Your Discriminator 0 in Up
                ControlPacketEncoder.toBytes(valid.withAuthentication(Optional.of(
                        new Authentication.SimplePassword(1, "x".getBytes())))));  // A bit, no authentication in use
        lab.sendRaw(k.peer(), k.local(), 254, wire);  // RFC 5881 §5: one hop too far
        Await.until(BfdLab.WAIT, () -> lab.snapshot(k).counters().dropped(DropReason.TTL) > before.counters().dropped(DropReason.TTL),
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
    static byte[] with(byte[] b, int... pairs) {
        byte[] c = b.clone();
        for (int i = 0; i < pairs.length; i += 2) c[pairs[i]] = (byte) pairs[i + 1];
        return c;
    }
}
