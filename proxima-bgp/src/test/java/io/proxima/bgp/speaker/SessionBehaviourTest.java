package io.proxima.bgp.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.proxima.labkit.Await;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session rules over real TCP on loopback: who may connect, max-prefix, collisions, GTSM. */
@Timeout(60)
class SessionBehaviourTest {

    static final IpAddress NODE = IpAddress.parse("127.0.0.2");
    static final IpAddress ROUTER = IpAddress.parse("127.0.0.3");
    static final Duration WAIT = Duration.ofSeconds(20);

    final List<BgpSpeaker> speakers = new ArrayList<>();

    @AfterEach
    void close() {
        speakers.forEach(BgpSpeaker::close);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    BgpSpeaker speaker(long as, String id, IpAddress listen, int port) throws Exception {
        BgpSpeaker s = BgpSpeaker.start(new SpeakerConfig(as, IpAddress.parse(id),
                listen == null ? List.of() : List.of(new InetSocketAddress(listen.toInetAddress(), port)), as, true));
        speakers.add(s);
        return s;
    }

    static void await(Supplier<Boolean> condition, String what) {
        Await.until(WAIT, condition, what);
    }

    @Test
    void anUnconfiguredPeerIsRefused() throws Exception {
        int port = freePort();
        speaker(65000, "192.0.2.1", ROUTER, port).addPeer(PeerConfig.of(NODE, 65101).withPassive(true)).get();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(IpAddress.parse("127.0.0.9").toInetAddress(), 0));
            s.connect(new InetSocketAddress(ROUTER.toInetAddress(), port), 5_000);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            assertThat(in.read()).as("closed without a word").isEqualTo(-1);
        }
    }

    @Test
    void tooManyPrefixesCeaseTheSession() throws Exception {
        int port = freePort();
        BgpSpeaker router = speaker(65000, "192.0.2.1", ROUTER, port);
        router.addPeer(PeerConfig.of(NODE, 65101).withPassive(true).withMaxPrefixes(1)).get();
        BgpSpeaker node = speaker(65101, "192.0.2.2", null, 0);
        node.addPeer(PeerConfig.of(ROUTER, 65000).withPort(port).withLocalAddress(NODE)).get();
        await(() -> node.peer(ROUTER).state() == State.ESTABLISHED, "session up");
        node.announce(List.of(Advertisement.of(Prefix.parse("198.51.100.75/32")), Advertisement.of(Prefix.parse("198.51.100.76/32")))).get();
        await(() -> node.peer(ROUTER).lastNotificationReceived() != null, "the router's NOTIFICATION");
        assertThat(node.peer(ROUTER).lastNotificationReceived()).contains("Maximum Number of Prefixes Reached");
        assertThat(router.peer(NODE).lastNotificationSent()).contains("Maximum Number of Prefixes Reached");
    }

    @Test
    void bothSidesConnectingAtOnceConvergeOnOneSession() throws Exception {
        int routerPort = freePort();
        int nodePort = freePort();
        BgpSpeaker router = speaker(65000, "192.0.2.1", ROUTER, routerPort);
        BgpSpeaker node = speaker(65101, "192.0.2.2", NODE, nodePort);
        router.addPeer(PeerConfig.of(NODE, 65101).withPort(nodePort).withLocalAddress(ROUTER)).get();
        node.addPeer(PeerConfig.of(ROUTER, 65000).withPort(routerPort).withLocalAddress(NODE)).get();
        await(() -> node.peer(ROUTER).state() == State.ESTABLISHED && router.peer(NODE).state() == State.ESTABLISHED,
                "one session, Established on both sides");
        node.announce(List.of(Advertisement.of(Prefix.parse("198.51.100.75/32")))).get();
        await(() -> router.received(NODE).size() == 1, "the route over the surviving connection");
    }

    @Test
    void gtsmRefusesAPeerThatDoesNotSendTtl255() throws Exception {
        int port = freePort();
        BgpSpeaker router = speaker(65000, "192.0.2.1", ROUTER, port);
        router.addPeer(PeerConfig.of(NODE, 65101).withPassive(true)).get(); // sends TTL 1: eBGP default
        BgpSpeaker node = speaker(65101, "192.0.2.2", null, 0);
        node.addPeer(PeerConfig.of(ROUTER, 65000).withPort(port).withLocalAddress(NODE).withGtsm(true)).get();
        Await.never(Duration.ofSeconds(4), () -> node.peer(ROUTER).state() == State.ESTABLISHED, "a session without GTSM on the router");
        router.removePeer(NODE, "now with GTSM").get();
        router.addPeer(PeerConfig.of(NODE, 65101).withPassive(true).withGtsm(true)).get();
        // The node never heard the router's TTL-1 packets, not even its FIN: it waits in OpenSent
        // for the 240 s hold timer. An operator fixing the peer resets the session too.
        node.resetPeer(ROUTER, "GTSM fixed on the router").get();
        await(() -> node.peer(ROUTER).state() == State.ESTABLISHED, "session with GTSM on both sides");
    }
}
