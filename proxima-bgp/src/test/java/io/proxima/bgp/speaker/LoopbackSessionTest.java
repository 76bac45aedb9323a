package io.proxima.bgp.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.rib.Attributes;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.nlri.Nlri;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Proxima speakers peering over loopback (127.0.0.2 and 127.0.0.3, real TCP): an anycast node
 * announcing to a router-mode speaker. Synchronised on the speakers' own events, never on sleeps.
 */
class LoopbackSessionTest {

    static final IpAddress NODE = IpAddress.parse("127.0.0.2");
    static final IpAddress ROUTER = IpAddress.parse("127.0.0.3");
    static final long NODE_AS = 65101;
    static final long ROUTER_AS = 65000;
    static final long WAIT_SECONDS = 20;

    record StateEvent(IpAddress peer, State to, String reason) { }

    BgpSpeaker node;
    BgpSpeaker router;
    final BlockingQueue<StateEvent> nodeEvents = new LinkedBlockingQueue<>();
    final BlockingQueue<List<RouteChange>> routerRoutes = new LinkedBlockingQueue<>();
    final BlockingQueue<StateEvent> routerEvents = new LinkedBlockingQueue<>();
    int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        router = BgpSpeaker.startRouter(new SpeakerConfig(ROUTER_AS, IpAddress.parse("192.0.2.1"),
                List.of(new InetSocketAddress(ROUTER.toInetAddress(), port)), 1, true));
        node = BgpSpeaker.start(new SpeakerConfig(NODE_AS, IpAddress.parse("192.0.2.2"), List.of(), 2));
        node.addListener(new SpeakerListener() {
            @Override
            public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
                nodeEvents.add(new StateEvent(peer, to, reason));
            }
        });
        router.addListener(new SpeakerListener() {
            @Override
            public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
                routerEvents.add(new StateEvent(peer, to, reason));
            }

            @Override
            public void routesReceived(IpAddress peer, List<RouteChange> changes) {
                routerRoutes.add(changes);
            }
        });
        router.addPeer(PeerConfig.of(NODE, NODE_AS).withPassive(true).withHoldTime(9)).get();
        node.addPeer(PeerConfig.of(ROUTER, ROUTER_AS).withPort(port).withLocalAddress(NODE)
                .withNextHops(null, IpAddress.parse("2001:db8:75::2"))).get();
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
        if (router != null) router.close();
    }

    static <T> T await(BlockingQueue<T> q, Predicate<T> what, String description) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            T t = q.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (t == null) throw new AssertionError("timed out waiting for " + description);
            if (what.test(t)) return t;
        }
    }

    @Test
    void announcesWithdrawsAndShutsDownWithAMessage() throws Exception {
        await(nodeEvents, e -> e.to() == State.ESTABLISHED, "node Established");
        Prefix v4 = Prefix.parse("198.51.100.75/32");
        Prefix v6 = Prefix.parse("2001:db8:75::1/128");
        long community = Communities.parse("65101:100");
        node.announce(List.of(Advertisement.of(v4).withCommunities(List.of(community)).withMed(10).withPrepend(2),
                Advertisement.of(v6))).get(WAIT_SECONDS, TimeUnit.SECONDS);

        await(routerRoutes, c -> router.received(NODE).size() == 2, "both routes at the router");
        Map<Nlri, Attributes> in = router.received(NODE);
        Attributes a4 = in.get(Nlri.of(v4));
        assertThat(a4.toString()).contains("65101 65101 65101");
        assertThat(a4.nextHop()).isEqualTo(NODE);
        assertThat(in.get(Nlri.of(v6)).nextHop()).isEqualTo(IpAddress.parse("2001:db8:75::2"));
        assertThat(router.bestPaths()).containsEntry(v4, NODE);

        node.announce(List.of(Advertisement.of(v6))).get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(routerRoutes, c -> router.received(NODE).size() == 1, "the IPv4 route withdrawn");
        assertThat(router.bestPaths()).doesNotContainKey(v4);

        node.shutdown("maintenance window").get();
        StateEvent down = await(routerEvents, e -> e.to() == State.IDLE, "router sees the node go");
        assertThat(down.reason()).contains("Administrative Shutdown", "maintenance window");
        assertThat(router.received(NODE)).isEmpty();
    }

    @Test
    void aResetComesBackAndResendsTheTable() throws Exception {
        await(nodeEvents, e -> e.to() == State.ESTABLISHED, "node Established");
        node.announce(List.of(Advertisement.of(Prefix.parse("198.51.100.75/32")))).get();
        await(routerRoutes, c -> router.received(NODE).size() == 1, "route at the router");
        node.resetPeer(ROUTER, "testing reset").get();
        StateEvent e = await(routerEvents, x -> x.to() == State.IDLE, "router sees the reset");
        assertThat(e.reason()).contains("Administrative Reset");
        await(routerEvents, x -> x.to() == State.ESTABLISHED, "session back");
        await(routerRoutes, c -> router.received(NODE).size() == 1, "route re-announced");
        assertThat(node.peer(ROUTER).establishedTransitions()).isEqualTo(2);
        assertThat(node.peer(ROUTER).lastNotificationSent()).contains(ErrorCode.subcodeName(ErrorCode.CEASE, ErrorCode.CEASE_ADMINISTRATIVE_RESET));
    }
}
