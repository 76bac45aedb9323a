package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BfdLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.BfdBgpBinding;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionState;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.speaker.SpeakerListener;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Prefix;
import io.proxima.labkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * BGP with BFD beside it: Proxima's speaker and BFD service in this JVM, peering over IPv4 with a
 * daemon whose BGP session is bound to BFD ({@code bfd on}, {@code neighbor X bfd}). Proxima's
 * side is wired as the daemon will wire it: a {@link BfdBgpBinding} that aborts the BGP session
 * with Cease / BFD Down (RFC 9384).
 */
final class BgpBfdLab implements AutoCloseable {

    static final long PROXIMA_AS = 65010;
    static final long PEER_AS = 65000;
    /** Hold 9 s (LAB.md §5): the time BGP alone would take to notice a silent peer. */
    static final int HOLD = 9;
    static final Duration BFD_INTERVAL = Duration.ofMillis(100);
    static final int BFD_MULT = 3;
    static final Prefix ROUTE = Prefix.parse("198.51.100.76/32");
    /** Far below the hold time: BFD, not BGP, must have acted. */
    static final Duration FAST = Duration.ofSeconds(3);

    final BfdLab bfd;
    final IpAddress peer;
    BgpSpeaker speaker;
    final List<String> bgpEvents = new CopyOnWriteArrayList<>();

    BgpBfdLab(String name, int index) {
        bfd = new BfdLab(name, index);
        peer = IpAddress.of(bfd.peerV4);
    }

    SessionKey key() {
        return bfd.v4();
    }

    /** Starts BFD and the speaker, binds them, and announces {@link #ROUTE}. */
    void start() throws Exception {
        bfd.startBfd();
        speaker = BgpSpeaker.start(new SpeakerConfig(PROXIMA_AS, IpAddress.parse("192.0.2.10"), List.of(), 4271));
        speaker.addListener(new SpeakerListener() {
            @Override
            public void peerStateChanged(IpAddress p, State from, State to, String reason) {
                bgpEvents.add(p + " " + from + " -> " + to + ": " + reason);
            }
        });
        bfd.bfd.addListener(new BfdBgpBinding((address, reason) -> speaker.abortPeer(IpAddress.of(address),
                Notification.cease(ErrorCode.CEASE_BFD_DOWN, reason), reason)));
        bfd.add(SessionConfig.of(key(), BFD_INTERVAL, BFD_MULT));
        speaker.addPeer(PeerConfig.of(peer, PEER_AS).withLocalAddress(IpAddress.of(bfd.hostV4)).withHoldTime(HOLD)
                .withFamilies(Set.of(Family.IPV4_UNICAST))).get();
        speaker.announce(List.of(Advertisement.of(ROUTE))).get(30, TimeUnit.SECONDS);
    }

    PeerSnapshot bgp() {
        return speaker.peer(peer);
    }

    boolean established() {
        return bgp().state() == State.ESTABLISHED;
    }

    boolean routeInFib() {
        return !bfd.ns.fib(ROUTE.toString()).isEmpty();
    }

    /**
     * Once up, BGP stays up: no BFD change in the first seconds (FRR replaces its BFD session when
     * BGP comes up; {@link io.proxima.bfd.StateChange#signalsFailure()}) resets it.
     */
    void expectNoResetAfterStartUp() {
        Await.never(Duration.ofSeconds(3), () -> bgp().establishedTransitions() > 1, "a BGP reset after start-up; " + bgpEvents);
        assertThat(bgpEvents).noneMatch(e -> e.contains("ESTABLISHED -> IDLE"));
    }

    /** BGP Established and BFD Up on both sides, and the route in the daemon's FIB. */
    void expectUp(Supplier<Boolean> daemonBfdUp, Supplier<Boolean> daemonEstablished) {
        Await.until(WAIT, this::established, "Proxima's BGP session Established; " + bgpEvents);
        bfd.awaitState(key(), SessionState.UP);
        Await.until(WAIT, daemonBfdUp, "the daemon's BFD session Up");
        Await.until(WAIT, daemonEstablished, "the daemon's BGP session Established");
        Await.until(WAIT, this::routeInFib, ROUTE + " in the daemon's FIB");
    }

    /**
     * Issue #6: the router freezes; Proxima's BFD goes Down within its Detection Time and the BGP
     * session goes at once, with Cease / BFD Down, long before the 9 s hold timer. After the thaw
     * the normal reconnect brings both back.
     */
    Duration frozenRouterTearsBgpDownAtOnce(Runnable freeze, Runnable thaw, Supplier<Boolean> daemonBfdUp,
                                            Supplier<Boolean> daemonEstablished) {
        long t0 = System.nanoTime();
        freeze.run();
        Duration took;
        try {
            Await.until(WAIT, () -> !established(), "Proxima drops the BGP session");
            took = Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            thaw.run();
        }
        PeerSnapshot s = bgp();
        assertThat(s.lastNotificationSent()).contains("BFD Down");
        assertThat(bgpEvents).anyMatch(e -> e.contains("BFD session") && e.contains("Control Detection Time Expired"));
        assertThat(took).isLessThan(FAST);
        expectUp(daemonBfdUp, daemonEstablished);
        return took;
    }

    /**
     * Issue #6, the reverse: Proxima's BFD falls silent (as a frozen Proxima would); the daemon's
     * BFD declares it down, its BGP session goes, and the route leaves its FIB, long before the hold
     * timer. Returns the time to the FIB change.
     */
    Duration silentProximaLosesItsRouteAtOnce(Supplier<Boolean> daemonBfdUp, Supplier<Boolean> daemonEstablished,
                                              Supplier<String> daemonWhy, String expectedWhy) throws Exception {
        long t0 = System.nanoTime();
        bfd.bfd.silence(key(), true).get();
        Duration took;
        try {
            Await.until(WAIT, () -> !routeInFib(), ROUTE + " leaves the daemon's FIB");
            took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(daemonBfdUp.get()).isFalse();
            String why = daemonWhy.get();
            System.out.println("the daemon says: " + why);
            assertThat(why).containsIgnoringCase(expectedWhy);
        } finally {
            bfd.bfd.silence(key(), false).get();
        }
        assertThat(took).isLessThan(FAST);
        expectUp(daemonBfdUp, daemonEstablished);
        return took;
    }

    /**
     * BFD first: its AdminDown is no failure for the peer (RFC 5882 §3.2), and the binding no longer
     * listens when the peer's BFD session goes away with BGP.
     */
    @Override
    public void close() {
        try {
            if (bfd.bfd != null) bfd.bfd.close();
        } finally {
            try {
                if (speaker != null) speaker.close();
            } finally {
                bfd.close();
            }
        }
    }

}
