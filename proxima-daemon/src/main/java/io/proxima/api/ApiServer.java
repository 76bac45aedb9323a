package io.proxima.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bgp.rib.Attributes;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.config.ApiConfig;
import io.proxima.config.PeerSpec;
import io.proxima.config.ServiceConfig;
import io.proxima.daemon.Daemon;
import io.proxima.health.engine.CheckSnapshot;
import io.proxima.policy.ServicePlan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP API, on the JDK's built-in server: a handful of small JSON endpoints do not need a
 * framework. Every response is JSON except {@code /metrics} (Prometheus text). Requests are
 * served on virtual threads; reads come from the daemon's immutable snapshots.
 *
 * <p>Bound to loopback by default. With a token file, every request must carry
 * {@code Authorization: Bearer <token>}, or gets 401; the config refuses a non-loopback listener
 * without one.
 */
public final class ApiServer implements AutoCloseable {

    /** How long a drain, undrain or reload may take before the request gets 503. */
    public static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);
    /** The longest engine stall the test hook accepts. */
    public static final Duration MAX_TEST_STALL = Duration.ofMinutes(5);
    /** Environment variable that enables {@code POST /v1/test/stall-engine}; never set in production. */
    public static final String TEST_HOOKS_ENV = "PROXIMA_TEST_HOOKS";

    // In a holder, so Jackson's databind loads on the first request, not at the daemon's start.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Daemon daemon;
    private final Supplier<CompletableFuture<Daemon.ReloadResult>> reload;
    private final byte[] token;
    private final boolean testHooks;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param reload re-reads the config file and applies it (or reports why not)
     */
    public ApiServer(Daemon daemon, ApiConfig config, Supplier<CompletableFuture<Daemon.ReloadResult>> reload,
                     boolean testHooks) throws IOException {
        this.daemon = daemon;
        this.reload = reload;
        this.testHooks = testHooks;
        if (config.tokenFile().isPresent()) {
            this.token = Daemon.readSecret(config.tokenFile().get()).getBytes(StandardCharsets.UTF_8);
        } else if (!config.listen().getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the API listens on " + config.listen() + ", not loopback: a token-file is required");
        } else {
            this.token = null;
        }
        this.server = HttpServer.create(config.listen(), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (token != null && !authorised(x)) {
                send(x, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            String method = x.getRequestMethod();
            String path = x.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
            try {
                route(x, method, path);
            } catch (IllegalArgumentException e) {
                send(x, 404, Map.of("error", e.getMessage()));
            } catch (java.util.concurrent.TimeoutException e) {
                send(x, 503, Map.of("error", "the daemon did not answer within " + ACTION_TIMEOUT.toSeconds() + " s"));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                send(x, c instanceof IllegalArgumentException ? 404 : 500, Map.of("error", String.valueOf(c.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(x, 503, Map.of("error", "interrupted"));
            } catch (Exception e) {
                send(x, 500, Map.of("error", String.valueOf(e)));
            }
        }
    }

    private void route(HttpExchange x, String method, String path) throws Exception {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        switch (path) {
            case "/v1/status" -> { if (get) { send(x, 200, status()); return; } }
            case "/v1/services" -> { if (get) { send(x, 200, services()); return; } }
            case "/v1/peers" -> { if (get) { send(x, 200, peers()); return; } }
            case "/v1/routes" -> { if (get) { send(x, 200, routes()); return; } }
            case "/v1/events" -> { if (get) { send(x, 200, daemon.events().recent().stream().map(ApiServer::parse).toList()); return; } }
            case "/metrics" -> {
                if (get) {
                    byte[] body = daemon.metrics().scrape().getBytes(StandardCharsets.UTF_8);
                    x.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    x.sendResponseHeaders(200, body.length);
                    try (OutputStream o = x.getResponseBody()) {
                        o.write(body);
                    }
                    return;
                }
            }
            case "/v1/drain" -> { if (post) { send(x, 200, Map.of("drained", await(daemon.drain(List.of())))); return; } }
            case "/v1/undrain" -> { if (post) { send(x, 200, Map.of("undrained", await(daemon.undrain(List.of())))); return; } }
            case "/v1/reload" -> {
                if (post) {
                    Daemon.ReloadResult r = await(reload.get());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("applied", r.applied());
                    body.put("changes", r.changes());
                    body.put("errors", r.errors());
                    send(x, r.applied() ? 200 : 400, body);
                    return;
                }
            }
            case "/v1/test/stall-engine" -> {
                if (post && testHooks) {
                    Duration d = Duration.ofMillis(Long.parseLong(query(x, "ms").orElse("0")));
                    if (d.isNegative() || d.compareTo(MAX_TEST_STALL) > 0) throw new IllegalArgumentException("ms out of range");
                    daemon.stallEngine(d);
                    send(x, 200, Map.of("stalled_ms", d.toMillis()));
                    return;
                }
            }
            default -> {
                String[] parts = path.split("/");
                // /v1/services/{name}/drain | undrain
                if (post && parts.length == 5 && parts[1].equals("v1") && parts[2].equals("services")) {
                    List<String> one = List.of(parts[3]);
                    switch (parts[4]) {
                        case "drain" -> { send(x, 200, Map.of("drained", await(daemon.drain(one)))); return; }
                        case "undrain" -> { send(x, 200, Map.of("undrained", await(daemon.undrain(one)))); return; }
                        default -> { }
                    }
                }
                send(x, 404, Map.of("error", "no such endpoint: " + method + " " + path));
                return;
            }
        }
        send(x, 405, Map.of("error", method + " is not allowed on " + path));
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- bodies ----

    private Map<String, Object> status() {
        Daemon.DaemonStatus s = daemon.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("router_id", s.config().routerId().toString());
        m.put("local_as", s.config().localAs());
        m.put("lease_ok", !s.leaseExpired());
        m.put("stopping", s.stopping());
        m.put("services", services());
        m.put("peers", peers());
        daemon.dnsCounters().ifPresent(c -> m.put("dns_responder", c.asMap()));
        return m;
    }

    private List<Map<String, Object>> services() {
        Daemon.DaemonStatus s = daemon.status();
        Map<String, CheckSnapshot> checks = daemon.checks();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ServiceConfig sc : s.config().services()) {
            ServicePlan p = s.plan().service(sc.name()).orElse(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", sc.name());
            m.put("state", p == null ? "UNKNOWN" : p.state().name());
            m.put("announced", p != null && p.announced());
            m.put("why", p == null ? "starting" : p.why());
            m.put("drained", s.drained().contains(sc.name()));
            m.put("prefixes", sc.prefixes().stream().map(Prefix::toString).toList());
            List<Map<String, Object>> cs = new ArrayList<>();
            for (var cc : sc.checks()) {
                CheckSnapshot snap = checks.get(cc.name());
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", cc.name());
                c.put("kind", cc.spec().getClass().getSimpleName().replace("Check", "").toLowerCase());
                c.put("optional", cc.optional());
                c.put("state", snap == null ? "UNKNOWN" : snap.state().name());
                c.put("reason", snap == null ? "" : snap.reason());
                cs.add(c);
            }
            m.put("checks", cs);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> peers() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<IpAddress, SessionSnapshot> bfd = daemon.bfdSessions();
        for (PeerSnapshot p : daemon.peers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", p.address().toString());
            m.put("remote_as", p.remoteAs());
            m.put("state", p.state().name());
            m.put("uptime_seconds", p.uptime().toMillis() / 1000.0);
            m.put("hold_time", p.holdTime());
            m.put("families", p.families().stream().map(Object::toString).sorted().toList());
            m.put("updates_in", p.updatesIn());
            m.put("updates_out", p.updatesOut());
            m.put("routes_sent", p.routesSent());
            m.put("established_transitions", p.establishedTransitions());
            m.put("last_error", p.lastError());
            SessionSnapshot b = bfd.get(p.address());
            if (b != null) m.put("bfd", bfd(b));
            out.add(m);
        }
        return out;
    }

    /** A BFD session: states, the agreed timers (RFC 5880 §6.8.2–§6.8.4) and the counters. */
    private static Map<String, Object> bfd(SessionSnapshot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", b.state().rfcName());
        m.put("remote_state", b.remoteState().rfcName());
        m.put("local", b.key().local().getHostAddress());
        m.put("diagnostic", b.localDiagnostic().describe());
        m.put("remote_diagnostic", b.remoteDiagnostic().describe());
        m.put("since", b.since().toString());
        m.put("desired_min_tx_ms", b.desiredMinTx().toNanos() / 1e6);
        m.put("required_min_rx_ms", b.requiredMinRx().toNanos() / 1e6);
        m.put("multiplier", b.detectMultiplier());
        m.put("remote_min_tx_ms", b.remoteDesiredMinTx().toNanos() / 1e6);
        m.put("remote_min_rx_ms", b.remoteRequiredMinRx().toNanos() / 1e6);
        m.put("remote_multiplier", b.remoteDetectMultiplier());
        m.put("tx_interval_ms", b.transmitInterval().toNanos() / 1e6);
        m.put("rx_interval_ms", b.receiveInterval().toNanos() / 1e6);
        m.put("detection_time_ms", b.detectionTime().toNanos() / 1e6);
        m.put("packets_in", b.counters().packetsReceived());
        m.put("packets_out", b.counters().packetsSent());
        m.put("up_transitions", b.counters().upTransitions());
        m.put("failures", b.counters().failures());
        m.put("malformed_dropped", b.counters().malformedDropped());
        return m;
    }

    /** Every service prefix, per peer: sent or not, with what, and why. */
    private List<Map<String, Object>> routes() {
        Daemon.DaemonStatus s = daemon.status();
        List<Map<String, Object>> out = new ArrayList<>();
        for (PeerSpec peer : s.config().peers()) {
            Map<Prefix, Attributes> sent = daemon.sent(peer.address());
            for (ServiceConfig sc : s.config().services()) {
                ServicePlan p = s.plan().service(sc.name()).orElse(null);
                boolean selected = sc.peers().isEmpty() || sc.peers().contains(peer.address());
                for (Prefix prefix : sc.prefixes()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("peer", peer.address().toString());
                    m.put("prefix", prefix.toString());
                    m.put("service", sc.name());
                    Attributes a = sent.get(prefix);
                    m.put("sent", a != null);
                    if (a != null) m.put("attributes", a.toString());
                    String why = !selected ? "not sent: the service names other peers"
                            : p == null ? "starting" : p.why();
                    if (a == null && selected && p != null && p.announced()) why += " (not yet on this session: it is not Established)";
                    if (s.leaseExpired()) why = "withdrawn: the lease expired (the health engine stalled)";
                    m.put("why", why);
                    out.add(m);
                }
            }
        }
        return out;
    }

    // ---- plumbing ----

    private boolean authorised(HttpExchange x) {
        String h = x.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) return false;
        return MessageDigest.isEqual(h.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8), token);
    }

    private static Optional<String> query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) return Optional.empty();
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) return Optional.of(kv.substring(eq + 1));
        }
        return Optional.empty();
    }

    private static Object parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return json;
        }
    }

    private static void send(HttpExchange x, int code, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(code, bytes.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(bytes);
        }
    }
}
