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
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdDaemon;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.Peer;
import io.proxima.labkit.Timers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * BGP with BFD beside it: Proxima's speaker and BFD service in this JVM, peering over IPv4 with a
 * router whose BGP session is bound to BFD ({@code bfd on}, {@code neighbor X bfd}), with 100 ms × 3
 * on both sides and hold 9 s. Proxima's
 * side is wired as the daemon will wire it: a {@link BfdBgpBinding} that aborts the BGP session
 * with Cease / BFD Down (RFC 9384).
 */
final class BgpBfdLab<D extends BfdDaemon> implements AutoCloseable {

    static final long PROXIMA_AS = 65010;
    static final long PEER_AS = 65000;
    /** Hold 9 s (LAB.md §5): the time BGP alone would take to notice a silent peer. */
    static final int HOLD = 9;
    /** The router's keepalive and connect-retry timers, s: a quick reconnect after each scenario. */
    static final int KEEPALIVE = 3;
    static final int CONNECT_RETRY = 1;
    static final Duration BFD_INTERVAL = Duration.ofMillis(100);
    static final int BFD_MULT = 3;
    static final Prefix ROUTE = Prefix.parse("198.51.100.76/32");
    /** Far below the hold time: BFD, not BGP, must have acted. */
    static final Duration FAST = Duration.ofSeconds(3);

    final BfdRouter<D> router;
    final BfdLab bfd;
    final IpAddress peer;
    BgpSpeaker speaker;
    D daemon;
    final List<String> bgpEvents = new CopyOnWriteArrayList<>();

    BgpBfdLab(BfdRouter<D> router, int index) {
        this.router = router;
        bfd = new BfdLab("bgp-" + router.name().toLowerCase(Locale.ROOT), index);
        peer = IpAddress.of(bfd.peerV4);
    }

    SessionKey key() {
        return bfd.v4();
    }

    /** Our address on the link: the router's neighbor. */
    String ours() {
        return bfd.hostV4.getHostAddress();
    }

    /** Starts the router, BFD and the speaker, binds them, and announces {@link #ROUTE}. */
    void start() throws Exception {
        Peer proxima = Peer.of(ours(), PROXIMA_AS).withPassive(true).withBfd(true).withTimers(new Timers(HOLD, KEEPALIVE, CONNECT_RETRY));
        int ms = (int) BFD_INTERVAL.toMillis();
        daemon = router.start(bfd.ns, bfd.peerV4.getHostAddress(), PEER_AS, BfdConfig.timers(ms, ms, BFD_MULT), List.of(proxima));
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

    boolean routerBfdUp() {
        return daemon.bfdSession(ours()).map(BfdStatus::up).orElse(false);
    }

    boolean routerEstablished() {
        return daemon.sessionState(ours()) == io.proxima.labkit.SessionState.ESTABLISHED;
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

    /** BGP Established and BFD Up on both sides, and the route in the router's FIB. */
    void expectUp() {
        Await.until(WAIT, this::established, "Proxima's BGP session Established; " + bgpEvents);
        bfd.awaitState(key(), SessionState.UP);
        Await.until(WAIT, this::routerBfdUp, router.name() + "'s BFD session Up");
        Await.until(WAIT, this::routerEstablished, router.name() + "'s BGP session Established");
        Await.until(WAIT, this::routeInFib, ROUTE + " in " + router.name() + "'s FIB");
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
