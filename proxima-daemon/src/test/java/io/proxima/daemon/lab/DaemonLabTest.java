package io.proxima.daemon.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.labkit.Await;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.Frr;
import io.proxima.labkit.FrrConfig;
import io.proxima.labkit.HostLink;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Netns;
import io.proxima.labkit.Nsd;
import io.proxima.labkit.Peer;
import io.proxima.labkit.SessionState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #5's end-to-end tests: {@code proxima run} as its own JVM in a server namespace, with a
 * real NSD answering on the anycast address on {@code lo}, peering with an FRR router and a BIRD
 * router in their own namespaces. The routers' kernel FIBs are the evidence. One lab for the
 * class; each test starts a fresh Proxima (and NSD) and stops them.
 *
 * <pre>
 *   rfrr 203.0.113.21 ── .22 srv .26 ── 203.0.113.25 rbird
 *                            │ .30 (API, token)
 *                     this JVM .29
 * </pre>
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class DaemonLabTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ANYCAST = "198.51.100.75/32";
    static final String ANYCAST_IP = "198.51.100.75";
    static final long PROXIMA_AS = 65010, FRR_AS = 65000, BIRD_AS = 65001;
    static final String FRR_ADDR = "203.0.113.21", SRV_TO_FRR = "203.0.113.22";
    static final String BIRD_ADDR = "203.0.113.25", SRV_TO_BIRD = "203.0.113.26";
    static final String HOST_ADDR = "203.0.113.29", SRV_API = "203.0.113.30";
    static final int API_PORT = 9179;
    static final String TOKEN = "lab-token";
    static final Duration INTERVAL = Duration.ofMillis(200), TIMEOUT = Duration.ofMillis(100);
    static final int RISE = 3, FALL = 2;
    static final Duration DRAIN = Duration.ofSeconds(2);
    /**
     * BFD on both sessions, the two sides with different timers. Lenient on purpose: this lab's JVM
     * starts cold on two shared cores (bench/bfd-failover.sh measures 100 ms × 3).
     */
    static final int PROXIMA_BFD_MS = 300, PROXIMA_BFD_MULTIPLIER = 3, ROUTER_BFD_MS = 200, ROUTER_BFD_MULTIPLIER = 4;
    static final Duration HOLD = Duration.ofSeconds(9);
    /** BIRD randomises its hold timer down to 75 % (RFC 4271 §10): anything sooner than this is not the hold timer. */
    static final Duration BEFORE_ANY_HOLD_TIMER = Duration.ofMillis(HOLD.toMillis() * 3 / 4 - 1000);
    static final ObjectMapper JSON = new ObjectMapper();

    static Lab lab;
    static Netns srv, rfrr, rbird;
    static Frr frr;
    static Bird bird;
    static Path dir;

    DaemonProcess proxima;
    DaemonProcess nsd;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void lab() throws IOException {
        LabSupport.assumeLab();
        Assumptions.assumeTrue(Files.isExecutable(Nsd.BINARY), "NSD is not installed (/usr/sbin/nsd); .ci/run installs it");
        lab = Lab.create();
        try {
            srv = lab.netns("srv");
            rfrr = lab.netns("rfrr");
            rbird = lab.netns("rbird");
            lab.link(rfrr, "eth0", srv, "eth1").ipv4(FRR_ADDR + "/30", SRV_TO_FRR + "/30").up();
            lab.link(rbird, "eth0", srv, "eth2").ipv4(BIRD_ADDR + "/30", SRV_TO_BIRD + "/30").up();
            HostLink api = lab.hostLink("s", srv, "eth0").ipv4(HOST_ADDR + "/30", SRV_API + "/30").up();
            assertThat(api).isNotNull();
            frr = Frr.start(rfrr, "frr", FrrConfig.router(FRR_ADDR, FRR_AS).withPeer(Peer.of(SRV_TO_FRR, PROXIMA_AS).withPassive(true).withBfd(true)
                    // with its source address known from the start, bgpd never replaces its BFD session (docs/bfd.md)
                    .withLocalAddress(FRR_ADDR))
                    .withBfd(BfdConfig.timers(ROUTER_BFD_MS, ROUTER_BFD_MS, ROUTER_BFD_MULTIPLIER)));
            bird = Bird.start(rbird, "bird", BirdConfig.router(BIRD_ADDR, BIRD_AS).withPeer(Peer.of(SRV_TO_BIRD, PROXIMA_AS).withPassive(true).withBfd(true))
                    .withBfd(BfdConfig.timers(ROUTER_BFD_MS, ROUTER_BFD_MS, ROUTER_BFD_MULTIPLIER)));
            dir = lab.instanceDir("proxima");
            Files.writeString(dir.resolve("token"), TOKEN + "\n");
        } catch (RuntimeException | IOException e) {
            lab.close();
            throw e;
        }
    }

    @AfterAll
    static void closeLab() {
        if (lab != null) lab.close();
    }

    @BeforeEach
    void startNsd() throws IOException {
        Files.deleteIfExists(dir.resolve("state").resolve("drained")); // each test starts undrained
        nsd = startNsd("nsd");
    }

    @AfterEach
    void stopAll() {
        if (proxima != null && proxima.alive()) proxima.stop();
        if (nsd != null && nsd.alive()) nsd.stop();
    }

    // ---- the scenarios of issue #5 ----

    @Test
    void t1_theRouteReachesBothFibsOnlyAfterTheChecksRise() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        List<JsonNode> log = events();
        int up = first(log, e -> e.path("type").asText().equals("service") && e.path("to").asText().equals("UP"));
        int announced = first(log, e -> e.path("type").asText().equals("route") && e.path("announce").size() > 0);
        assertThat(up).as("service UP in the event log").isNotNegative();
        assertThat(announced).as("the first announcement comes after the service is UP").isGreaterThan(up);
        int passes = 0;
        for (int i = 0; i < up; i++) if (log.get(i).path("type").asText().equals("check")) passes++;
        assertThat(passes).as("the check's UNKNOWN → UP transition precedes the service's").isEqualTo(1);
        assertThat(routes(frr)).isNotEmpty();
    }

    @Test
    void t2_killingTheDnsServiceWithdrawsFromBothFibsInTime() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        long t0 = System.nanoTime();
        nsd.process().destroyForcibly();
        awaitGoneFromBothFibs();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Duration bound = INTERVAL.multipliedBy(FALL).plus(TIMEOUT);
        System.out.printf("DaemonLabTest: NSD killed → route gone from both FIBs in %d ms (fall × interval + timeout = %d ms)%n",
                took.toMillis(), bound.toMillis());
        assertThat(took).as("a generous bound, not a benchmark").isLessThan(bound.plus(Duration.ofSeconds(3)));
        assertThat(events()).anyMatch(e -> e.path("type").asText().equals("failover"));
    }

    @Test
    void t3_drainSendsGracefulShutdownThenWithdrawsAndTheSessionsStayUp() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        long frrUp = frrEstablishedCount();
        assertThat(post("/v1/services/dns/drain").statusCode()).isEqualTo(200);
        Await.until(WAIT, () -> gracefulShutdown(frr), "FRR sees GRACEFUL_SHUTDOWN; routes " + routes(frr));
        Await.until(WAIT, () -> gracefulShutdown(bird), "BIRD sees GRACEFUL_SHUTDOWN; routes " + routes(bird));
        awaitGoneFromBothFibs();
        assertThat(frr.sessionState(SRV_TO_FRR)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(bird.sessionState(SRV_TO_BIRD)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(frrEstablishedCount()).isEqualTo(frrUp);
        assertThat(post("/v1/undrain").statusCode()).isEqualTo(200);
        awaitInBothFibs();
    }

    @Test
    void t4_sigtermWithdrawsBeforeExitAndTheRoutersHearTheShutdownMessage() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        proxima.process().destroy(); // SIGTERM
        Process p = proxima.process();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("exits").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(rfrr.fib(ANYCAST)).as("gone from FRR's FIB before the process exited... and now").isEmpty();
        List<JsonNode> log = events();
        int written = first(log, e -> e.path("type").asText().equals("route") && e.path("reason").asText().contains("every withdraw"));
        int stopped = first(log, e -> e.path("event").asText().equals("stopped"));
        assertThat(written).isNotNegative().isLessThan(stopped);
        // bgpd's log, not its neighbor view: with BFD on, FRR 8.4 overwrites the last reset reason with
        // "BFD down received" when our BFD session goes away after the Cease, AdminDown or not
        Await.until(WAIT, () -> text(frr.log()).contains("proxima stopping (SIGTERM)"),
                () -> "FRR logged the shutdown communication; " + frr.json("show bgp neighbors " + SRV_TO_FRR + " json"));
        Await.until(WAIT, () -> bird.birdc("show protocols all " + BirdConfig.protocolName(SRV_TO_BIRD)).stdout()
                .contains("proxima stopping (SIGTERM)"), "BIRD logged the shutdown communication");
        awaitGoneFromBothFibs();
    }

    @Test
    void t5_killMinus9TheRouteGoesWhenTheSessionCloses() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        proxima.process().destroyForcibly();
        awaitGoneFromBothFibs();
    }

    @Test
    void t6_reloadWithAChangedCheckKeepsTheSessionsAndAnInvalidOneIsRefused() throws Exception {
        Path cfg = config(INTERVAL, "");
        proxima = startProxima(cfg);
        awaitInBothFibs();
        long frrUp = frrEstablishedCount();
        String birdSince = birdSince();
        Files.writeString(cfg, Files.readString(cfg).replace("interval: 200ms", "interval: 300ms"));
        HttpResponse<String> ok = post("/v1/reload");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("checks");
        Files.writeString(cfg, Files.readString(cfg).replace("remote-as: 65000", "remote-as: banana"));
        HttpResponse<String> bad = post("/v1/reload");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("remote-as");
        Await.until(WAIT, () -> events().stream().anyMatch(e -> e.path("type").asText().equals("reload")
                && e.path("event").asText().equals("refused")), "the refusal in the event log");
        assertThat(rfrr.fib(ANYCAST)).isNotEmpty();
        assertThat(rbird.fib(ANYCAST)).isNotEmpty();
        assertThat(frrEstablishedCount()).isEqualTo(frrUp);
        assertThat(birdSince()).isEqualTo(birdSince);
    }

    @Test
    void t7_aStalledEngineLetsTheLeaseWithdrawTheRoute() throws Exception {
        proxima = startProxima(config(INTERVAL, "lease: 1s\n"));
        awaitInBothFibs();
        assertThat(post("/v1/test/stall-engine?ms=5000").statusCode()).isEqualTo(200);
        awaitGoneFromBothFibs();
        assertThat(events()).anyMatch(e -> e.path("type").asText().equals("lease") && e.path("event").asText().equals("expired"));
        awaitInBothFibs(); // the engine resumes and re-asserts
    }

    @Test
    void t8_aDrainedNodeThatRestartsDoesNotAnnounce() throws Exception {
        Path cfg = config(INTERVAL, "");
        proxima = startProxima(cfg);
        awaitInBothFibs();
        assertThat(post("/v1/services/dns/drain").statusCode()).isEqualTo(200);
        awaitGoneFromBothFibs();
        proxima.stop();
        proxima = startProxima(cfg);
        Await.until(WAIT, () -> {
            JsonNode s = status();
            return s != null && s.path("services").get(0).path("state").asText().equals("DRAINED")
                    && allEstablished(s);
        }, "restarted: the service checked UP but DRAINED, both sessions Established");
        assertThat(frr.sessionState(SRV_TO_FRR)).isEqualTo(SessionState.ESTABLISHED);
        assertThat(routes(frr)).isEmpty();
        assertThat(rbird.fib(ANYCAST)).isEmpty();
        assertThat(post("/v1/undrain").statusCode()).isEqualTo(200);
        awaitInBothFibs();
    }

    // ---- the built-in DNS responder (issue #7) ----

    @Test
    void t11_theBuiltInResponderIsTheServiceItsCheckQueriesAndRoutersReachIt() throws Exception {
        nsd.stop(); // this node's DNS service is Proxima's own responder now
        Path cfg = config(INTERVAL, responder("site-a"));
        proxima = startProxima(cfg);
        awaitInBothFibs();
        // a real client behind FRR reaches the anycast address through the route Proxima announced
        assertThat(idServer(rfrr)).isEqualTo("\"site-a\"");
        assertThat(rfrr.exec("dig", "+short", "+time=1", "+tries=3", "@" + ANYCAST_IP, "here.example.net.", "A").stdout().strip())
                .isEqualTo(SRV_TO_FRR);
        assertThat(status().path("dns_responder").path("answered").asLong()).isPositive();
        long frrUp = frrEstablishedCount();
        config(INTERVAL, responder("site-a2")); // rewrites the config file: a new node name
        HttpResponse<String> r = post("/v1/reload");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("dns-responder");
        assertThat(idServer(rfrr)).isEqualTo("\"site-a2\"");
        assertThat(rfrr.fib(ANYCAST)).isNotEmpty();
        assertThat(frrEstablishedCount()).isEqualTo(frrUp);
    }

    static String responder(String nodeName) {
        return """
                dns-responder:
                  listen: [%s]
                  node-name: %s
                  zone:
                    origin: example.net.
                    records:
                      - "@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60"
                      - "@ 3600 NS ns1.example.net."
                      - "www 60 A 198.51.100.80"
                  handoff: { name: here.example.net., address: %s }
                """.formatted(ANYCAST_IP, nodeName, SRV_TO_FRR);
    }

    static String idServer(Netns client) {
        return client.exec("dig", "+short", "+time=1", "+tries=3", "@" + ANYCAST_IP, "id.server", "TXT", "CH").stdout().strip();
    }

    // ---- BFD (issue #6) ----

    @Test
    void t9_aFrozenProximaLeavesBothFibsThroughBfdLongBeforeTheHoldTimer() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        awaitBfdUpEverywhere();
        // negotiated (RFC 5880 §6.8.4): we detect in the router's 4 × max(our 300, its 200) ms
        for (JsonNode p : status().path("peers")) {
            assertThat(p.path("bfd").path("detection_time_ms").asDouble()).as(p.toString())
                    .isEqualTo((double) ROUTER_BFD_MULTIPLIER * Math.max(PROXIMA_BFD_MS, ROUTER_BFD_MS));
        }
        assertThat(bird.bfdSession(SRV_TO_BIRD).orElseThrow().up()).isTrue();
        proxima.freeze();
        try {
            Await.until(BEFORE_ANY_HOLD_TIMER, () -> rfrr.fib(ANYCAST).isEmpty() && rbird.fib(ANYCAST).isEmpty(),
                    "both FIBs drop " + ANYCAST + " before any hold timer could expire");
            assertThat(bird.protocolState(BirdConfig.protocolName(SRV_TO_BIRD)).info()).contains("BFD session down");
            assertThat(frr.bfdPeer(SRV_TO_FRR).orElseThrow().diagnostic()).contains("control detection time expired");
        } finally {
            proxima.thaw();
        }
        awaitInBothFibs(); // thawed: BFD and BGP come back
    }

    @Test
    void t10_aFrozenBirdLosesItsSessionAtOnceAndFrrKeepsTheRoute() throws Exception {
        proxima = startProxima(config(INTERVAL, ""));
        awaitInBothFibs();
        awaitBfdUpEverywhere();
        long frrUp = frrEstablishedCount();
        bird.freeze();
        try {
            Await.until(BEFORE_ANY_HOLD_TIMER, () -> !peer(BIRD_ADDR).path("state").asText().equals("ESTABLISHED"),
                    "Proxima closes its BGP session to the frozen BIRD");
            List<JsonNode> log = events();
            assertThat(log).anyMatch(e -> e.path("type").asText().equals("bfd") && e.path("peer").asText().equals(BIRD_ADDR)
                    && e.path("to").asText().equals("Down") && e.path("failure").asBoolean());
            assertThat(log).anyMatch(e -> e.path("type").asText().equals("peer") && e.path("peer").asText().equals(BIRD_ADDR)
                    && e.path("reason").asText().contains("BFD"));
            // nothing it should keep is withdrawn: FRR's session and route stay
            assertThat(rfrr.fib(ANYCAST)).isNotEmpty();
            assertThat(frrEstablishedCount()).isEqualTo(frrUp);
            assertThat(peer(FRR_ADDR).path("bfd").path("state").asText()).isEqualTo("Up");
        } finally {
            bird.thaw();
        }
        awaitBfdUpEverywhere(); // BFD and BGP to BIRD come back
        awaitInBothFibs();
    }

    void awaitBfdUpEverywhere() {
        Await.until(WAIT, () -> {
            JsonNode s = status();
            return s != null && s.path("peers").size() == 2
                    && allEstablished(s)
                    && peer(FRR_ADDR).path("bfd").path("state").asText().equals("Up")
                    && peer(BIRD_ADDR).path("bfd").path("state").asText().equals("Up")
                    && bird.bfdSession(SRV_TO_BIRD).map(b -> b.up()).orElse(false)
                    && frr.bfdPeer(SRV_TO_FRR).map(b -> b.up()).orElse(false);
        }, () -> "BFD Up on both sessions, both sides; status " + status());
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean allEstablished(JsonNode status) {
        for (JsonNode p : status.path("peers")) if (!p.path("state").asText().equals("ESTABLISHED")) return false;
        return true;
    }

    JsonNode peer(String address) {
        JsonNode s = status();
        if (s != null) for (JsonNode p : s.path("peers")) if (p.path("address").asText().equals(address)) return p;
        return JSON.missingNode();
    }

    // ---- plumbing ----

    Path config(Duration interval, String extra) throws IOException {
        Path state = dir.resolve("state");
        String yaml = """
                router-id: 192.0.2.10
                local-as: %d
                peers:
                  - address: %s
                    remote-as: %d
                    local-address: %s
                    hold-time: 9s
                    bfd: { interval: %dms, multiplier: %d }
                  - address: %s
                    remote-as: %d
                    local-address: %s
                    hold-time: 9s
                    bfd: { interval: %dms, multiplier: %d }
                services:
                  dns:
                    prefixes: [%s]
                    checks:
                      - dns: { server: %s, name: id.server, type: TXT, class: CH }
                        interval: %dms
                        timeout: %dms
                        rise: %d
                        fall: %d
                    drain: { graceful-shutdown: %ds }
                addresses: { interface: lo, manage: true }
                api: { listen: "%s:%d", token-file: %s }
                state-dir: %s
                event-log: { file: %s, stdout: false }
                """.formatted(PROXIMA_AS, FRR_ADDR, FRR_AS, SRV_TO_FRR, PROXIMA_BFD_MS, PROXIMA_BFD_MULTIPLIER, BIRD_ADDR, BIRD_AS, SRV_TO_BIRD,
                PROXIMA_BFD_MS, PROXIMA_BFD_MULTIPLIER, ANYCAST, ANYCAST_IP,
                interval.toMillis(), TIMEOUT.toMillis(), RISE, FALL, DRAIN.toSeconds(), SRV_API, API_PORT, dir.resolve("token"),
                state, dir.resolve("events.jsonl")) + extra;
        return Files.writeString(dir.resolve("proxima.yaml"), yaml);
    }

    DaemonProcess startProxima(Path cfg) throws IOException {
        Files.deleteIfExists(dir.resolve("events.jsonl"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.proxima.cli.Main", "run", "-c", cfg.toString()));
        DaemonProcess p = srv.spawn("proxima", cmd, Map.of("PROXIMA_TEST_HOOKS", "1"), dir, dir.resolve("proxima-" + Instant.now().toEpochMilli() + ".log"));
        p.awaitReady(WAIT, () -> status() != null, "the API answers");
        return p;
    }

    DaemonProcess startNsd(String name) {
        return Nsd.start(srv, dir.resolve(name), ANYCAST_IP, "site-a", true);
    }

    void awaitInBothFibs() {
        Await.until(WAIT, () -> !rfrr.fib(ANYCAST).isEmpty(), "FRR's FIB has " + ANYCAST + "; " + tail());
        Await.until(WAIT, () -> !rbird.fib(ANYCAST).isEmpty(), "BIRD's FIB has " + ANYCAST + "; " + tail());
        assertThat(rfrr.fib(ANYCAST).get(0).gateway()).isEqualTo(SRV_TO_FRR);
        assertThat(rbird.fib(ANYCAST).get(0).gateway()).isEqualTo(SRV_TO_BIRD);
    }

    void awaitGoneFromBothFibs() {
        Await.until(WAIT, () -> rfrr.fib(ANYCAST).isEmpty() && rbird.fib(ANYCAST).isEmpty(),
                () -> "both FIBs drop " + ANYCAST + "; events:\n" + String.join("\n", events().stream().map(Object::toString).toList()));
    }

    String tail() {
        return proxima == null ? "" : "proxima log:\n" + proxima.logTail();
    }

    static List<String> routes(io.proxima.labkit.BgpDaemon router) {
        return router.routes(ANYCAST).stream().map(Object::toString).toList();
    }

    static boolean gracefulShutdown(io.proxima.labkit.BgpDaemon router) {
        return router.routes(ANYCAST).stream().anyMatch(r -> r.communities().contains("65535:0"));
    }

    long frrEstablishedCount() {
        return frr.json("show bgp neighbors " + SRV_TO_FRR + " json").path(SRV_TO_FRR).path("connectionsEstablished").asLong();
    }

    String birdSince() {
        for (String line : bird.birdc("show protocols " + BirdConfig.protocolName(SRV_TO_BIRD)).stdout().split("\n")) {
            if (line.startsWith(BirdConfig.protocolName(SRV_TO_BIRD))) return line;
        }
        return "";
    }

    JsonNode status() {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(api("/v1/status")).GET());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    HttpResponse<String> post(String path) throws IOException {
        return send(HttpRequest.newBuilder(api(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static URI api(String path) {
        return URI.create("http://" + SRV_API + ":" + API_PORT + path);
    }

    static List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        Path f = dir.resolve("events.jsonl");
        try {
            if (!Files.exists(f)) return out;
            for (String line : Files.readAllLines(f)) if (!line.isBlank()) out.add(JSON.readTree(line));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static int first(List<JsonNode> log, java.util.function.Predicate<JsonNode> p) {
        for (int i = 0; i < log.size(); i++) if (p.test(log.get(i))) return i;
        return -1;
    }
}
