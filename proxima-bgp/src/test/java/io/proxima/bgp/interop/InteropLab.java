package io.proxima.bgp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.rib.Attributes;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.speaker.SpeakerListener;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.labkit.Await;
import io.proxima.labkit.HostLink;
import io.proxima.labkit.Lab;
import io.proxima.labkit.Netns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One lab for one daemon under test: a namespace holding the daemon, a veth from this JVM's
 * namespace into it, and a Proxima speaker in this JVM peering over IPv4 and IPv6. Each daemon's
 * test class gets its own /30 and /64 so classes never collide.
 */
final class InteropLab implements AutoCloseable {

    static final long PROXIMA_AS = 65010;
    static final long PEER_AS = 65000;
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for several of the speaker's connect attempts (1 s apart, backing off). */
    static final Duration NEGATIVE_WINDOW = Duration.ofSeconds(6);
    /** The routes of the interop acceptance. */
    static final Prefix V4 = Prefix.parse("198.51.100.75/32");
    static final Prefix V6 = Prefix.parse("2001:db8:75::1/128");
    static final long COMMUNITY = Communities.parse("65010:100");
    static final LargeCommunity LARGE = new LargeCommunity(65010, 1, 2);
    static final long MED = 50;
    static final int PREPEND = 2;

    final Lab lab;
    final Netns ns;
    final HostLink link;
    /** This JVM's end (Proxima) and the daemon's end. */
    final IpAddress hostV4, hostV6, peerV4, peerV6;
    BgpSpeaker speaker;
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<MessageError> updateErrors = new CopyOnWriteArrayList<>();

    /** {@code index} picks the subnets: 203.0.113.(4i)/30 and 2001:db8:10i::/64. */
    InteropLab(String name, int index) {
        lab = Lab.create();
        try {
            ns = lab.netns(name);
            String h4 = "203.0.113." + (4 * index + 2), p4 = "203.0.113." + (4 * index + 1);
            String net6 = "2001:db8:" + Integer.toHexString(0x100 + index);
            String h6 = net6 + "::2", p6 = net6 + "::1";
            link = lab.hostLink(name.substring(0, 1), ns, "eth0").ipv4(h4 + "/30", p4 + "/30").ipv6(h6 + "/64", p6 + "/64").up();
            hostV4 = IpAddress.parse(h4);
            hostV6 = IpAddress.parse(h6);
            peerV4 = IpAddress.parse(p4);
            peerV6 = IpAddress.parse(p6);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Starts Proxima with one peer per address family of transport. */
    void startSpeaker(SpeakerConfig cfg, PeerConfig v4, PeerConfig v6) throws Exception {
        speaker = BgpSpeaker.start(cfg);
        speaker.addListener(new SpeakerListener() {
            @Override
            public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
                events.add(peer + " " + from + " -> " + to + ": " + reason);
            }

            @Override
            public void routesReceived(IpAddress peer, List<RouteChange> changes) {
                events.add(peer + " routes " + changes.size());
            }

            @Override
            public void updateError(IpAddress peer, MessageError error) {
                updateErrors.add(error);
            }
        });
        if (v4 != null) speaker.addPeer(v4).get();
        if (v6 != null) speaker.addPeer(v6).get();
    }

    SpeakerConfig speakerConfig() {
        return new SpeakerConfig(PROXIMA_AS, IpAddress.parse("192.0.2.10"), List.of(), 4271);
    }

    /** Proxima's peer towards the daemon: active, bound to our end, hold 9 s, the other family's next hop given. */
    PeerConfig peer(IpAddress address) {
        PeerConfig p = PeerConfig.of(address, PEER_AS).withLocalAddress(address.v6() ? hostV6 : hostV4);
        return p.withNextHops(hostV4, hostV6);
    }

    List<Advertisement> routes() {
        return List.of(
                Advertisement.of(V4).withCommunities(List.of(COMMUNITY)).withLargeCommunities(List.of(LARGE)).withMed(MED).withPrepend(PREPEND),
                Advertisement.of(V6).withCommunities(List.of(COMMUNITY)).withLargeCommunities(List.of(LARGE)).withMed(MED).withPrepend(PREPEND));
    }

    void awaitEstablished(IpAddress peer) {
        Await.until(WAIT, () -> stateOf(peer) == State.ESTABLISHED, "Proxima's session to " + peer + " Established; events " + events);
    }

    State stateOf(IpAddress peer) {
        PeerSnapshot s = speaker.peer(peer);
        return s == null ? null : s.state();
    }

    Map<Nlri, Attributes> received(IpAddress peer) {
        return speaker.received(peer);
    }

    void announce(List<Advertisement> routes) throws Exception {
        speaker.announce(routes).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Issue scenario 7: re-adds the IPv4 peer with a 3 s hold time, freezes the daemon (SIGSTOP),
     * checks that Proxima sends Hold Timer Expired, thaws it and waits for the session to return.
     */
    void frozenPeerExpiresHoldTimer(io.proxima.labkit.Daemon daemon, PeerConfig peer) throws Exception {
        speaker.removePeer(peer.address(), "hold 3 s for this test").get();
        speaker.addPeer(peer.withHoldTime(3)).get();
        awaitEstablished(peer.address());
        assertThat(speaker.peer(peer.address()).holdTime()).isEqualTo(3);
        daemon.freeze();
        try {
            Await.until(WAIT, () -> stateOf(peer.address()) != State.ESTABLISHED, "hold timer expiry");
            assertThat(speaker.peer(peer.address()).lastNotificationSent()).contains("Hold Timer Expired");
        } finally {
            daemon.thaw();
        }
        awaitEstablished(peer.address());
    }

    /** Issue scenario 1: both sessions Established on both sides, each with its own family only. */
    void expectSessionsUp(io.proxima.labkit.BgpDaemon daemon) {
        awaitEstablished(peerV4);
        awaitEstablished(peerV6);
        for (IpAddress ours : List.of(hostV4, hostV6)) {
            Await.until(WAIT, () -> daemon.sessionState(ours.toString()) == io.proxima.labkit.SessionState.ESTABLISHED,
                    daemon + " Established with " + ours);
        }
        assertThat(speaker.peer(peerV4).families()).containsExactly(io.proxima.bgp.wire.Family.IPV4_UNICAST);
        assertThat(speaker.peer(peerV6).families()).containsExactly(io.proxima.bgp.wire.Family.IPV6_UNICAST);
    }

    /** Issue scenario 4: the daemon's routes are in Proxima's Adj-RIB-In with its next hop and AS. */
    void expectPeerRoutes(String v4, String v6) {
        for (var c : List.of(Map.entry(peerV4, v4), Map.entry(peerV6, v6))) {
            Attributes a = Await.value(WAIT, () -> received(c.getKey()).get(Nlri.of(c.getValue())), x -> x != null,
                    c.getValue() + " in the Adj-RIB-In");
            assertThat(a.nextHop()).isEqualTo(c.getKey());
            assertThat(a.asPath().firstAs()).isEqualTo(PEER_AS);
        }
    }

    /**
     * Issue scenario 2 for a router with a FIB (BIRD, FRR): each of our routes is in its RIB with
     * exactly our attributes and our next hop, and in its kernel FIB via our address (for IPv6 the
     * global or our link-local one, RFC 2545 §3).
     */
    void expectAnnouncedIntoRibAndFib(io.proxima.labkit.BgpDaemon router) {
        for (Prefix p : List.of(V4, V6)) {
            IpAddress ours = p.isV6() ? hostV6 : hostV4;
            io.proxima.labkit.Route r = Await.value(WAIT, () -> router.routes(p.toString()), l -> !l.isEmpty(), router + " has " + p).get(0);
            expectAsPath(r.asPath());
            assertThat(r.communities()).contains(Communities.format(COMMUNITY));
            assertThat(r.largeCommunities()).contains(LARGE.toString());
            assertThat(r.med()).hasValue(MED);
            assertThat(r.nextHops()).contains(ours.toString());
            var fib = Await.value(WAIT, () -> ns.fib(p.toString()), l -> !l.isEmpty(), "FIB has " + p);
            IpAddress linkLocal = ours.v6() ? BgpSpeaker.linkLocalBeside(ours) : null;
            assertThat(IpAddress.parse(fib.get(0).gateway())).isIn(ours, linkLocal);
        }
    }

    /** Issue scenario 3 for a router with a FIB: withdrawn, our routes leave its RIB and its FIB. */
    void expectWithdrawnFromRibAndFib(io.proxima.labkit.BgpDaemon router) {
        for (Prefix p : List.of(V4, V6)) {
            Await.until(WAIT, () -> router.routes(p.toString()).isEmpty(), router + " drops " + p);
            Await.until(WAIT, () -> ns.fib(p.toString()).isEmpty(), "FIB drops " + p);
        }
    }

    static void expectAsPath(List<Long> asPath) {
        assertThat(asPath).containsExactly(PROXIMA_AS, PROXIMA_AS, PROXIMA_AS);
    }

    @Override
    public void close() {
        try {
            if (speaker != null) speaker.close();
        } finally {
            lab.close();
        }
    }
}
