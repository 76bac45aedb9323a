package io.proxima.bgp.interop;

import static io.proxima.bgp.interop.InteropLab.COMMUNITY;
import static io.proxima.bgp.interop.InteropLab.MED;
import static io.proxima.bgp.interop.InteropLab.PEER_AS;
import static io.proxima.bgp.interop.InteropLab.PROXIMA_AS;
import static io.proxima.bgp.interop.InteropLab.V4;
import static io.proxima.bgp.interop.InteropLab.V6;
import static io.proxima.bgp.interop.InteropLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Attributes;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.attr.AtomicAggregate;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.labkit.Await;
import io.proxima.labkit.ExaBgp;
import io.proxima.labkit.ExaBgpConfig;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Peer;
import io.proxima.labkit.RawAttribute;
import io.proxima.labkit.Route;
import java.net.InetSocketAddress;
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
 * Proxima's speaker against ExaBGP 4.2 (Debian exabgp) in a namespace, with real packets. ExaBGP
 * never listens (the labkit starts it with {@code exabgp.tcp.bind=}), so Proxima listens on its end
 * of the veth and its peers are passive. ExaBGP is also the attacker: it puts raw, malformed path
 * attributes on the wire ({@link RawAttribute}), one per RFC 7606 category.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ExaBgpInteropTest {

    static InteropLab lab;
    static ExaBgp exa;
    static ExaBgpConfig config;
    /** ExaBGP's own routes, announced to Proxima. */
    static final String EXA_V4 = "192.0.2.128/25";
    static final String EXA_V6 = "2001:db8:200::/48";
    /** A session that has stayed up this long after a reset did not just flap back for a moment. */
    static final Duration STABLE = Duration.ofSeconds(3);

    @BeforeAll
    static void start() throws Exception {
        LabSupport.assumeLab("/usr/bin/python3", "/usr/sbin/exabgp", "mkfifo");
        lab = new InteropLab("exabgp", 4);
        SpeakerConfig listening = new SpeakerConfig(PROXIMA_AS, lab.speakerConfig().routerId(), List.of(
                new InetSocketAddress(lab.hostV4.toInetAddress(), PeerConfig.BGP_PORT),
                new InetSocketAddress(lab.hostV6.toInetAddress(), PeerConfig.BGP_PORT)), lab.speakerConfig().seed());
        // Proxima first: ExaBGP connects at once, and its reconnect back-off grows to 60 s (LAB.md §5).
        lab.startSpeaker(listening, peer(lab.peerV4), peer(lab.peerV6));
        config = ExaBgpConfig.speaker(lab.peerV4.toString(), PEER_AS)
                .withPeer(Peer.of(lab.hostV4.toString(), PROXIMA_AS).withLocalAddress(lab.peerV4.toString()))
                .withPeer(Peer.of(lab.hostV6.toString(), PROXIMA_AS).withLocalAddress(lab.peerV6.toString()));
        exa = ExaBgp.start(lab.ns, "exabgp", config);
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    static PeerConfig peer(IpAddress a) {
        return lab.peer(a).withPassive(true);
    }

    @Test
    @Order(1)
    void sessionsComeUpOverIpv4AndIpv6() {
        lab.expectSessionsUp(exa);
    }

    @Test
    @Order(2)
    void announcedRoutesArriveWithTheirAttributes() throws Exception {
        lab.announce(lab.routes());
        for (var c : List.of(new Object[] {V4, lab.hostV4}, new Object[] {V6, lab.hostV6})) {
            String prefix = c[0].toString();
            Route r = Await.value(WAIT, () -> exa.routes(prefix), l -> !l.isEmpty(), "ExaBGP received " + prefix).get(0);
            assertThat(r.source()).isEqualTo(c[1].toString());
            InteropLab.expectAsPath(r.asPath());
            assertThat(r.origin()).isEqualTo("igp");
            assertThat(r.communities()).containsExactly(Communities.format(COMMUNITY));
            assertThat(r.largeCommunities()).containsExactly("65010:1:2");
            assertThat(r.med()).hasValue(MED);
            if (c[0] == V6) {
                // RFC 2545 §3: a directly connected peer also gets our link-local address; ExaBGP's
                // JSON keys the route by one of the two (the link-local one, in 4.2.21).
                String linkLocal = io.proxima.bgp.speaker.BgpSpeaker.linkLocalBeside(lab.hostV6).toString();
                assertThat(r.nextHops()).isNotEmpty().isSubsetOf(c[1].toString(), linkLocal);
            } else {
                assertThat(r.nextHops()).containsExactly(c[1].toString());
            }
            // ExaBGP always prints an empty confederation path; any other attribute would show here.
            assertThat(r.extra()).as("no attributes beyond those announced").containsExactly(entry("confederation-path", "[]"));
        }
    }

    @Test
    @Order(3)
    void withdrawnRoutesAreWithdrawn() throws Exception {
        lab.announce(List.of());
        for (String prefix : List.of(V4.toString(), V6.toString())) {
            Await.until(WAIT, () -> exa.routes(prefix).isEmpty(), "ExaBGP saw " + prefix + " withdrawn");
        }
    }

    @Test
    @Order(4)
    void routesFromExaBgpReachTheAdjRibIn() {
        exa.announce(EXA_V4);
        exa.announce(EXA_V6);
        lab.expectPeerRoutes(EXA_V4, EXA_V6);
    }

    /** RFC 7606 §7.1: a malformed ORIGIN makes the UPDATE treat-as-withdraw; the session stays. */
    @Test
    @Order(5)
    void badOriginValueIsTreatedAsWithdraw() {
        String prefix = "198.51.100.1/32";
        exa.announce(prefix);
        Await.until(WAIT, () -> lab.received(lab.peerV4).containsKey(Nlri.of(prefix)), "the good " + prefix + " in Adj-RIB-In");
        long ups = lab.speaker.peer(lab.peerV4).establishedTransitions();
        int seen = lab.updateErrors.size();

        exa.announce(prefix, RawAttribute.of(PathAttribute.ORIGIN, RawAttribute.FLAG_TRANSITIVE, "03"));
        MessageError e = awaitUpdateError(seen, "treat-as-withdraw of the bad ORIGIN");
        assertThat(e.disposition()).isEqualTo(Disposition.TREAT_AS_WITHDRAW);
        assertThat(e.code()).isEqualTo(ErrorCode.UPDATE_MESSAGE);
        assertThat(e.subcode()).isEqualTo(ErrorCode.UPDATE_INVALID_ORIGIN);
        Await.until(WAIT, () -> !lab.received(lab.peerV4).containsKey(Nlri.of(prefix)), "the good " + prefix + " withdrawn by the bad one");
        stillUp(ups);
        exa.withdraw(prefix);
    }

    /** RFC 7606 §7.5: ATOMIC_AGGREGATE of the wrong length is discarded; the route stays. */
    @Test
    @Order(6)
    void atomicAggregateOfLengthOneIsDiscarded() {
        String prefix = "198.51.100.2/32";
        long ups = lab.speaker.peer(lab.peerV4).establishedTransitions();
        int seen = lab.updateErrors.size();

        exa.announce(prefix, RawAttribute.of(PathAttribute.ATOMIC_AGGREGATE, RawAttribute.FLAG_TRANSITIVE, "00"));
        MessageError e = awaitUpdateError(seen, "attribute discard of the long ATOMIC_AGGREGATE");
        assertThat(e.disposition()).isEqualTo(Disposition.ATTRIBUTE_DISCARD);
        assertThat(e.code()).isEqualTo(ErrorCode.UPDATE_MESSAGE);
        Attributes a = Await.value(WAIT, () -> lab.received(lab.peerV4).get(Nlri.of(prefix)), x -> x != null, prefix + " in Adj-RIB-In");
        assertThat(a.get(AtomicAggregate.class)).isNull();
        assertThat(a.asPath().firstAs()).isEqualTo(PEER_AS);
        stillUp(ups);
        exa.withdraw(prefix);
        Await.until(WAIT, () -> !lab.received(lab.peerV4).containsKey(Nlri.of(prefix)), prefix + " withdrawn");
    }

    /** RFC 4271 §5 / §9: an unrecognized optional transitive attribute is kept as it came. */
    @Test
    @Order(7)
    void unknownOptionalTransitiveAttributeIsKept() {
        String prefix = "198.51.100.3/32";
        int seen = lab.updateErrors.size();
        int flags = RawAttribute.FLAG_OPTIONAL | RawAttribute.FLAG_TRANSITIVE;

        exa.announce(prefix, RawAttribute.of(0x63, flags, "deadbeef"));
        Attributes a = Await.value(WAIT, () -> lab.received(lab.peerV4).get(Nlri.of(prefix)), x -> x != null, prefix + " in Adj-RIB-In");
        UnknownAttribute u = a.list().stream().filter(x -> x instanceof UnknownAttribute).map(UnknownAttribute.class::cast)
                .filter(x -> x.typeCode() == 0x63).findFirst().orElseThrow(() -> new AssertionError("no attribute 0x63 in " + a));
        assertThat(u.flags() & flags).isEqualTo(flags);
        assertThat(u.value().hex()).isEqualTo("deadbeef");
        assertThat(lab.updateErrors).hasSize(seen);
        assertThat(lab.stateOf(lab.peerV4)).isEqualTo(State.ESTABLISHED);
        exa.withdraw(prefix);
        Await.until(WAIT, () -> !lab.received(lab.peerV4).containsKey(Nlri.of(prefix)), prefix + " withdrawn");
    }

    /**
     * RFC 7606 §7.11 / RFC 4760 §7: MP_REACH_NLRI that cannot be parsed leaves no NLRI to withdraw:
     * session reset. ExaBGP re-sends the route on every reconnect, so it is withdrawn there before
     * the session can stay up.
     */
    @Test
    @Order(8)
    void malformedMpReachNlriResetsTheSession() {
        String prefix = "198.51.100.4/32";
        long ups = lab.speaker.peer(lab.peerV4).establishedTransitions();
        int events = lab.events.size();

        // AFI 2, SAFI 1, next-hop length 16, then only 4 octets of next hop.
        exa.announce(prefix, RawAttribute.of(PathAttribute.MP_REACH_NLRI, RawAttribute.FLAG_OPTIONAL, "0002011020010db8"));
        String sent = Await.value(WAIT, () -> lab.speaker.peer(lab.peerV4).lastNotificationSent(),
                n -> n != null && n.startsWith("UPDATE Message Error"), "Proxima's NOTIFICATION");
        assertThat(sent).contains("(3/");
        // The wire's witness: ExaBGP logged the NOTIFICATION it received.
        Await.until(WAIT, () -> exa.received().stream().anyMatch(m -> m.path("type").asText().equals("notification")
                && m.path("neighbor").path("direction").asText().equals("receive")
                && m.path("neighbor").path("notification").path("code").asInt() == ErrorCode.UPDATE_MESSAGE), "ExaBGP received code 3");
        Await.until(WAIT, () -> lab.events.subList(events, lab.events.size()).stream()
                .anyMatch(x -> x.startsWith(lab.peerV4 + " ESTABLISHED -> ")), "the session to leave Established");

        exa.withdraw(prefix);
        Await.until(WAIT, () -> {
            PeerSnapshot p = lab.speaker.peer(lab.peerV4);
            return p.state() == State.ESTABLISHED && p.uptime().compareTo(STABLE) >= 0;
        }, "the session back and staying up; events " + lab.events);
        assertThat(lab.speaker.peer(lab.peerV4).establishedTransitions()).isGreaterThan(ups);
        Await.until(WAIT, () -> lab.received(lab.peerV4).containsKey(Nlri.of(EXA_V4)), "ExaBGP's routes back in the Adj-RIB-In");
        assertThat(lab.received(lab.peerV4)).doesNotContainKey(Nlri.of(prefix));
    }

    @Test
    @Order(9)
    void afterExaBgpRestartsTheSessionAndRoutesComeBack() throws Exception {
        lab.announce(lab.routes());
        Await.until(WAIT, () -> !exa.routes(V4.toString()).isEmpty(), "route back at ExaBGP");
        exa.stop();
        Await.until(WAIT, () -> lab.stateOf(lab.peerV4) != State.ESTABLISHED && lab.stateOf(lab.peerV6) != State.ESTABLISHED,
                "Proxima notices ExaBGP stopped");
        exa = ExaBgp.start(lab.ns, "exabgp-again", config);
        lab.awaitEstablished(lab.peerV4);
        lab.awaitEstablished(lab.peerV6);
        Await.until(WAIT, () -> !exa.routes(V4.toString()).isEmpty() && !exa.routes(V6.toString()).isEmpty(),
                "routes re-announced to the new ExaBGP");
    }

    @Test
    @Order(10)
    void aFrozenExaBgpExpiresTheHoldTimer() throws Exception {
        lab.frozenPeerExpiresHoldTimer(exa, peer(lab.peerV4));
        Await.until(WAIT, () -> !exa.routes(V4.toString()).isEmpty(), "route back at ExaBGP after the thaw");
    }

    /** The first update error reported after the first {@code seen}. */
    private static MessageError awaitUpdateError(int seen, String what) {
        Await.until(WAIT, () -> lab.updateErrors.size() > seen, what + "; events " + lab.events);
        return lab.updateErrors.get(seen);
    }

    /** The session took the error without a reset. */
    private static void stillUp(long establishedTransitions) {
        PeerSnapshot p = lab.speaker.peer(lab.peerV4);
        assertThat(p.state()).isEqualTo(State.ESTABLISHED);
        assertThat(p.establishedTransitions()).isEqualTo(establishedTransitions);
        assertThat(p.lastNotificationSent()).isNull();
    }
}
