package io.proxima.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.rib.Attributes;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.Communities;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon end to end in one JVM: a real TCP service the test kills and revives, Proxima's own
 * speaker in router mode as the router, over real BGP sessions on loopback. The namespace tests
 * repeat the important parts against BIRD and FRR.
 */
class DaemonInProcessTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final IpAddress ROUTER = IpAddress.parse("127.0.0.1");
    static final IpAddress NODE = IpAddress.parse("127.0.0.2");
    static final long ROUTER_AS = 65000;
    static final long NODE_AS = 65010;
    static final Prefix ANYCAST = Prefix.parse("198.51.100.75/32");
    static final long COMMUNITY = Communities.parse("65010:100");

    @TempDir Path state;
    BgpSpeaker router;
    int routerPort;
    ServerSocket service;
    int servicePort;
    Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            routerPort = s.getLocalPort();
        }
        router = BgpSpeaker.startRouter(new SpeakerConfig(ROUTER_AS, IpAddress.parse("192.0.2.1"),
                List.of(new InetSocketAddress(ROUTER.toInetAddress(), routerPort)), 1, true));
        router.addPeer(PeerConfig.of(NODE, NODE_AS).withPassive(true)).get();
        service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servicePort = service.getLocalPort();
        Thread.ofVirtual().start(this::acceptForever);
    }

    private void acceptForever() {
        ServerSocket s = service;
        while (!s.isClosed()) {
            try {
                s.accept().close();
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (daemon != null) daemon.close();
        if (router != null) router.close();
        service.close();
    }

    ProximaConfig config(Duration interval, Duration drain, Duration lease) {
        Timing timing = new Timing(interval, interval.dividedBy(2), 2, 2, Optional.empty(), Optional.empty());
        CheckConfig check = new CheckConfig("dns/tcp", new TcpCheck("127.0.0.1", servicePort, Optional.empty(), Optional.empty(), timing),
                false, FlapDamping.DEFAULTS);
        ServiceConfig svc = new ServiceConfig("dns", List.of(ANYCAST), List.of(check), new Combine.All(), List.of(),
                new RouteAttributes(List.of(COMMUNITY), List.of(), OptionalLong.empty(), 0), Optional.empty(), drain, List.of());
        PeerSpec peer = new PeerSpec(ROUTER, ROUTER_AS, routerPort, Optional.of(NODE), false, Duration.ofSeconds(9), 0, false,
                Optional.empty(), Optional.empty(), Optional.empty(), -1, Optional.empty());
        return new ProximaConfig(Path.of("test.yaml"), IpAddress.parse("192.0.2.10"), NODE_AS, List.of(), List.of(peer), List.of(svc),
                AddressesConfig.DEFAULT, new ApiConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()),
                state, new EventLogConfig(Optional.empty(), false), lease, Duration.ofSeconds(5));
    }

    ProximaConfig config() {
        return config(Duration.ofMillis(100), Duration.ZERO, Duration.ofSeconds(5));
    }

    Daemon run(ProximaConfig c) throws Exception {
        daemon = Daemon.start(c, new EventLog(Clock.systemUTC(), Optional.empty(), null));
        return daemon;
    }

    Attributes atRouter() {
        return router.received(NODE).get(Nlri.of(ANYCAST));
    }

    PeerSnapshot routerView() {
        return router.peer(NODE);
    }

    List<String> events(String type) {
        return daemon.events().recent().stream().filter(l -> l.contains("\"type\":\"" + type + "\"")).toList();
    }

    @Test
    void announcesOnlyAfterTheChecksRiseAndWithdrawsWhenTheServiceDies() throws Exception {
        run(config());
        Await.until(WAIT, () -> atRouter() != null, "the route at the router");
        assertThat(atRouter().hasCommunity(COMMUNITY)).isTrue();
        // The first route event that announces anything comes after the service went UP.
        List<String> log = daemon.events().recent();
        int up = indexOf(log, "\"to\":\"UP\"", "\"type\":\"service\"");
        int announce = indexOf(log, "\"type\":\"route\"", "\"announce\":[\"198.51.100.75/32\"]");
        assertThat(up).isNotNegative();
        assertThat(announce).isGreaterThan(up);

        service.close();
        Await.until(WAIT, () -> atRouter() == null, "the route withdrawn at the router");
        Await.until(WAIT, () -> !events("failover").isEmpty(), "a failover event");
        assertThat(daemon.metrics().scrape()).contains("proxima_failover_seconds_count 1");
        assertThat(routerView().establishedTransitions()).isEqualTo(1);
    }

    @Test
    void drainAnnouncesGracefulShutdownThenWithdrawsAndKeepsTheSession() throws Exception {
        run(config(Duration.ofMillis(100), Duration.ofMillis(600), Duration.ofSeconds(5)));
        Await.until(WAIT, () -> atRouter() != null, "the route at the router");
        assertThat(daemon.drain(List.of("dns")).get(5, TimeUnit.SECONDS)).containsExactly("dns");
        Await.until(WAIT, () -> atRouter() != null && atRouter().hasCommunity(Communities.GRACEFUL_SHUTDOWN), "GRACEFUL_SHUTDOWN at the router");
        Await.until(WAIT, () -> atRouter() == null, "the drained route withdrawn after the grace period");
        assertThat(Files.readString(new DrainStore(state).file())).contains("dns");
        daemon.undrain(List.of()).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, () -> atRouter() != null && !atRouter().hasCommunity(Communities.GRACEFUL_SHUTDOWN), "announced again");
        assertThat(routerView().establishedTransitions()).isEqualTo(1);
        assertThat(routerView().state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void aDrainedNodeThatRestartsDoesNotAnnounce() throws Exception {
        new DrainStore(state).save(java.util.Set.of("dns"));
        run(config());
        Await.until(WAIT, () -> daemon.status().health().containsKey("dns")
                && daemon.status().health().get("dns").state() == io.proxima.health.engine.ServiceState.UP
                && routerView().state() == State.ESTABLISHED, "the service UP and the session Established");
        assertThat(daemon.status().plan().service("dns").orElseThrow().state()).isEqualTo(io.proxima.policy.Effective.DRAINED);
        assertThat(router.received(NODE)).isEmpty();
        daemon.undrain(List.of("dns")).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, () -> atRouter() != null, "announced after undrain");
    }

    @Test
    void aStalledEngineLetsTheLeaseExpireAndEverythingIsWithdrawn() throws Exception {
        run(config(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(800)));
        Await.until(WAIT, () -> atRouter() != null, "the route at the router");
        daemon.stallEngine(Duration.ofSeconds(4));
        Await.until(WAIT, () -> atRouter() == null, "withdrawn by the lease");
        assertThat(daemon.status().leaseExpired()).isTrue();
        assertThat(events("lease")).anyMatch(l -> l.contains("expired"));
        Await.until(WAIT, () -> atRouter() != null, "announced again once the engine runs");
        assertThat(routerView().establishedTransitions()).isEqualTo(1);
    }

    @Test
    void shutdownWithdrawsFirstThenSendsCeaseWithTheMessage() throws Exception {
        run(config());
        Await.until(WAIT, () -> atRouter() != null, "the route at the router");
        daemon.shutdown("proxima stopping (SIGTERM)");
        Await.until(WAIT, () -> routerView().state() != State.ESTABLISHED, "the session closed");
        assertThat(routerView().lastNotificationReceived()).contains("proxima stopping (SIGTERM)");
        assertThat(atRouter()).isNull();
        List<String> log = daemon.events().recent();
        assertThat(indexOf(log, "\"type\":\"route\"", "every withdraw is on the wire"))
                .isLessThan(indexOf(log, "\"event\":\"stopped\""));
        assertThat(router.peer(NODE).updatesIn()).isGreaterThanOrEqualTo(2); // the announce and the withdraw, before the Cease
    }

    @Test
    void reloadOfACheckKeepsTheSessionAndAPeerChangeResetsOnlyThatPeer() throws Exception {
        ProximaConfig c = config();
        run(c);
        Await.until(WAIT, () -> atRouter() != null, "the route at the router");
        ProximaConfig slower = config(Duration.ofMillis(150), Duration.ZERO, Duration.ofSeconds(5));
        Daemon.ReloadResult r = daemon.reload(slower).get(5, TimeUnit.SECONDS);
        assertThat(r.applied()).isTrue();
        assertThat(r.changes()).contains("checks").noneMatch(s -> s.startsWith("peer"));
        Await.until(WAIT, () -> daemon.status().health().get("dns") != null
                && daemon.status().health().get("dns").state() == io.proxima.health.engine.ServiceState.UP, "UP after reload");
        assertThat(routerView().establishedTransitions()).isEqualTo(1);

        ProximaConfig otherAs = new ProximaConfig(c.source(), c.routerId(), 65011, c.listen(), c.peers(), c.services(), c.addresses(),
                c.api(), c.stateDir(), c.eventLog(), c.lease(), c.shutdownTimeout());
        assertThat(daemon.reload(otherAs).get(5, TimeUnit.SECONDS).applied()).isFalse();
    }

    @Test
    void theApiServesStatusRoutesAndMetricsAndDrainsAndRefusesAWrongToken() throws Exception {
        run(config());
        Await.until(WAIT, () -> atRouter() != null, "the route at the router");
        Path tokenFile = state.resolve("token");
        Files.writeString(tokenFile, "s3cret\n");
        try (var api = new io.proxima.api.ApiServer(daemon,
                new ApiConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(tokenFile)),
                () -> daemon.reload(config()), false)) {
            var http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + api.address().getPort();
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> call = (method, path) -> {
                try {
                    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).header("Authorization", "Bearer s3cret");
                    b = method.equals("POST") ? b.POST(java.net.http.HttpRequest.BodyPublishers.noBody()) : b.GET();
                    return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            var anonymous = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/status")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);

            var status = call.apply("GET", "/v1/status");
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"router_id\" : \"192.0.2.10\"", "\"state\" : \"UP\"", "\"state\" : \"ESTABLISHED\"");
            var routes = call.apply("GET", "/v1/routes");
            assertThat(routes.body()).contains("\"prefix\" : \"198.51.100.75/32\"", "\"sent\" : true", "announced: dns: 1 of 1");
            assertThat(call.apply("GET", "/metrics").body())
                    .contains("proxima_service_state{service=\"dns\",state=\"up\"} 1", "proxima_peer_established{peer=\"127.0.0.1\"} 1");
            assertThat(call.apply("POST", "/v1/services/nosuch/drain").statusCode()).isEqualTo(404);
            assertThat(call.apply("GET", "/v1/reload").statusCode()).isEqualTo(405);
            assertThat(call.apply("POST", "/v1/services/dns/drain").body()).contains("dns");
            Await.until(WAIT, () -> atRouter() == null, "withdrawn by the drain");
            assertThat(call.apply("GET", "/v1/services").body()).contains("\"state\" : \"DRAINED\"", "\"drained\" : true");
            assertThat(call.apply("POST", "/v1/undrain").statusCode()).isEqualTo(200);
            Await.until(WAIT, () -> atRouter() != null, "announced after undrain");
            assertThat(call.apply("POST", "/v1/reload").body()).contains("\"applied\" : true");
            assertThat(call.apply("GET", "/v1/events").body()).contains("\"type\" : \"drain\"");
        }
    }

    private static int indexOf(List<String> log, String... all) {
        for (int i = 0; i < log.size(); i++) {
            String l = log.get(i);
            boolean ok = true;
            for (String s : all) ok &= l.contains(s);
            if (ok) return i;
        }
        return -1;
    }
}
