package io.proxima.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.BfdService;
import io.proxima.bfd.BfdServiceConfig;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.bfd.StateChange;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.nlri.Nlri;
import io.proxima.config.AddressesConfig;
import io.proxima.config.ApiConfig;
import io.proxima.config.CheckConfig;
import io.proxima.config.EventLogConfig;
import io.proxima.config.PeerSpec;
import io.proxima.config.ProximaConfig;
import io.proxima.config.RouteAttributes;
import io.proxima.config.ServiceConfig;
import io.proxima.health.check.TcpCheck;
import io.proxima.health.check.Timing;
import io.proxima.health.engine.Combine;
import io.proxima.health.engine.FlapDamping;
import io.proxima.labkit.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's BFD wiring in one JVM, over real UDP and TCP on loopback: the "router" is Proxima's
 * speaker in router mode on 127.0.0.1 with a {@link BfdService} beside it; the daemon is on
 * 127.0.0.2 with {@code bfd:} on its peer. The BFD port is a per-process high port, not 3784, so
 * parallel builds never collide. The namespace tests (proxima-bfd's interop tests and
 * {@code DaemonLabTest}) show the same against BIRD and FRR.
 */
class DaemonBfdTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final IpAddress ROUTER = IpAddress.parse("127.0.0.1");
    static final IpAddress NODE = IpAddress.parse("127.0.0.2");
    static final SessionKey ROUTER_SIDE = SessionKey.of(NODE.toInetAddress(), ROUTER.toInetAddress());
    static final Prefix ANYCAST = Prefix.parse("198.51.100.77/32");
    /** The router's timers: slower than ours, so the negotiation has something to show. */
    static final Duration ROUTER_INTERVAL = Duration.ofMillis(100);
    static final int ROUTER_MULTIPLIER = 5;

    final int bfdPort = 40_000 + (int) (ProcessHandle.current().pid() % 9_000);
    final List<StateChange> routerBfdEvents = new CopyOnWriteArrayList<>();
    @TempDir Path state;
    BgpSpeaker router;
    int routerPort;
    BfdService routerBfd;
    ServerSocket service;
    Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            routerPort = s.getLocalPort();
        }
        router = BgpSpeaker.startRouter(new SpeakerConfig(65000, IpAddress.parse("192.0.2.1"),
                List.of(new InetSocketAddress(ROUTER.toInetAddress(), routerPort)), 1, true));
        router.addPeer(PeerConfig.of(NODE, 65010).withPassive(true)).get();
        routerBfd = BfdService.start(BfdServiceConfig.defaults().withPort(bfdPort).withSeed(1));
        routerBfd.addListener(routerBfdEvents::add);
        routerBfd.addSession(SessionConfig.of(ROUTER_SIDE, ROUTER_INTERVAL, ROUTER_MULTIPLIER)).get(5, TimeUnit.SECONDS);
        service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!service.isClosed()) {
                try {
                    service.accept().close();
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (daemon != null) daemon.close();
        if (routerBfd != null) routerBfd.close();
        if (router != null) router.close();
        service.close();
    }

    ProximaConfig config(Duration bfdInterval, int multiplier) {
        Timing timing = new Timing(Duration.ofMillis(100), Duration.ofMillis(50), 2, 2, Optional.empty(), Optional.empty());
        CheckConfig check = new CheckConfig("dns/tcp", new TcpCheck("127.0.0.1", service.getLocalPort(), Optional.empty(), Optional.empty(), timing),
                false, FlapDamping.DEFAULTS);
        ServiceConfig svc = new ServiceConfig("dns", List.of(ANYCAST), List.of(check), new Combine.All(), List.of(),
                new RouteAttributes(List.of(), List.of(), OptionalLong.empty(), 0), Optional.empty(), Duration.ZERO, List.of());
        PeerSpec peer = new PeerSpec(ROUTER, 65000, routerPort, Optional.of(NODE), false, Duration.ofSeconds(90), 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), -1, Optional.of(new PeerSpec.BfdSpec(bfdInterval, multiplier)));
        return new ProximaConfig(Path.of("test.yaml"), IpAddress.parse("192.0.2.10"), 65010, List.of(), List.of(peer), List.of(svc),
                AddressesConfig.DEFAULT, new ApiConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()),
                state, new EventLogConfig(Optional.empty(), false), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    void run(ProximaConfig c) throws Exception {
        daemon = Daemon.start(c, new EventLog(Clock.systemUTC(), Optional.empty(), null),
                BfdServiceConfig.defaults().withPort(bfdPort).withSeed(2));
    }

    SessionSnapshot ours() {
        return daemon.bfdSessions().get(ROUTER);
    }

    SessionSnapshot theirs() {
        return routerBfd.session(ROUTER_SIDE).orElseThrow();
    }

    PeerSnapshot routerView() {
        return router.peer(NODE);
    }

    boolean routed() {
        return router.received(NODE).containsKey(Nlri.of(ANYCAST));
    }

    List<String> events(String type) {
        return daemon.events().recent().stream().filter(l -> l.contains("\"type\":\"" + type + "\"")).toList();
    }

    void allUp() throws Exception {
        Await.until(WAIT, () -> ours() != null && ours().state() == SessionState.UP && theirs().state() == SessionState.UP
                && !ours().pollActive() && !theirs().pollActive() && routed(), () -> "BFD Up on both sides and the route at the router; ours: " + ours());
    }

    @Test
    void comesUpWithTheNegotiatedTimersAndShowsInTheApiMetricsAndEventLog() throws Exception {
        run(config(Duration.ofMillis(50), 3));
        allUp();
        // ours: the router's 5 × max(our 50 ms RX, its 100 ms TX); theirs: our 3 × max(its 100 ms RX, our 50 ms TX)
        assertThat(ours().detectionTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(ours().transmitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(theirs().detectionTime()).isEqualTo(Duration.ofMillis(300));
        assertThat(events("bfd")).anyMatch(l -> l.contains("\"to\":\"Up\""));

        try (var api = new io.proxima.api.ApiServer(daemon, daemon.config().api(), () -> daemon.reload(daemon.config()), false)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + api.address().getPort();
            String peers = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/peers")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(peers).contains("\"bfd\" : {", "\"state\" : \"Up\"", "\"detection_time_ms\" : 500.0", "\"remote_multiplier\" : 5");
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("proxima_bfd_up{peer=\"127.0.0.1\"} 1", "proxima_bfd_transitions_total{peer=\"127.0.0.1\",to=\"up\"}");
        }
    }

    @Test
    void aSilentRouterTearsTheBgpSessionDownWithCeaseBfdDownAndItComesBack() throws Exception {
        run(config(Duration.ofMillis(50), 3));
        allUp();
        long before = routerView().establishedTransitions();
        routerBfd.silence(ROUTER_SIDE, true).get(5, TimeUnit.SECONDS); // the router's BFD stops sending: a frozen forwarding path
        Await.until(WAIT, () -> routerView().state() != State.ESTABLISHED, "the BGP session torn down by our BFD");
        // Cease subcode 10, BFD Down (RFC 9384), with a message that says BFD
        assertThat(routerView().lastNotificationReceived()).contains("BFD");
        assertThat(events("bfd")).anyMatch(l -> l.contains("\"to\":\"Down\"") && l.contains("\"failure\":true"));
        routerBfd.silence(ROUTER_SIDE, false).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, () -> routerView().establishedTransitions() > before && routed(), "BGP back and the route announced again");
        Await.until(WAIT, () -> ours().state() == SessionState.UP, "BFD Up again");
    }

    @Test
    void reloadWithNewBfdTimersKeepsTheBgpSessionAndShutdownSendsAdminDown() throws Exception {
        run(config(Duration.ofMillis(50), 3));
        allUp();
        long before = routerView().establishedTransitions();
        Daemon.ReloadResult r = daemon.reload(config(Duration.ofMillis(200), 4)).get(5, TimeUnit.SECONDS);
        assertThat(r.changes()).containsExactly("peer 127.0.0.1 bfd");
        // a Poll Sequence, no reset: the router now detects in 4 × max(100, 200) ms
        Await.until(WAIT, () -> theirs().detectionTime().equals(Duration.ofMillis(800)) && !theirs().pollActive(),
                () -> "the new timers at the router: " + theirs());
        assertThat(ours().state()).isEqualTo(SessionState.UP);
        assertThat(routerView().establishedTransitions()).isEqualTo(before);
        assertThat(routerBfdEvents).noneMatch(StateChange::signalsFailure);

        daemon.shutdown("proxima stopping (SIGTERM)");
        Await.until(WAIT, () -> theirs().remoteState() == SessionState.ADMIN_DOWN, "AdminDown at the router");
        // AdminDown from us is not a path failure for the router (RFC 5882 §3.2)
        assertThat(routerBfdEvents).noneMatch(StateChange::signalsFailure);
        assertThat(routerView().lastNotificationReceived()).contains("proxima stopping (SIGTERM)");
    }
}
