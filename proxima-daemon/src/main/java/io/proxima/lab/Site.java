package io.proxima.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.ExecResult;
import io.proxima.labkit.Lab;
import io.proxima.labkit.Netns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One site: a namespace running {@code proxima run} as its own JVM, with the built-in DNS responder
 * on the anycast address, one dns check on it, and one eBGP session with BFD to its router. The same
 * again over IPv6: the responder also listens on the IPv6 anycast address, which is a second service,
 * {@code dns6}, with its own check on that address and its own IPv6 session with BFD, so that the two
 * families fail and are withdrawn independently, as an operator expects. The IPv4 service keeps its
 * name, {@code dns} (the drain scenarios use it in the API path). The lab reaches its API with curl
 * inside the namespace (the API listens on the namespace's loopback), so the host namespace gets no
 * addresses.
 */
final class Site {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The lab flaps sites on purpose, one scenario after another, and its JVMs start on two busy cores
     * (a check may time out while they compile): the default half-life (1m) would hold a site down
     * for minutes after two scenarios. The suppress and reuse thresholds stay the defaults.
     */
    static final String DAMPING_HALF_LIFE = "1s";
    static final Duration GRACEFUL_SHUTDOWN = Duration.ofSeconds(1);
    static final int API_PORT = 9179;
    static final String API = "http://127.0.0.1:" + API_PORT;
    /** Policy-routing rule priorities: the blackhole goes before the local table, which moves from 0 to here. */
    static final int BLACKHOLE_PREF = 10;
    static final int LOCAL_PREF = 100;
    /**
     * The launcher's collector; C1 only, because four daemons compiling with C2 at once is most of the
     * CPU a lab start costs on two cores, and the checks and BFD of a small daemon do not need C2.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED");
    private static final ObjectMapper JSON = new ObjectMapper();

    final int index;
    final Netns netns;
    final Topology.Router router;
    private final Path dir;
    private final Path config;
    private final Path events;
    private DaemonProcess process;
    private boolean serviceBroken;
    private boolean service6Broken;
    /** The check timings now in its config: the lab's {@code --profile} until {@link #useProfile}. */
    private Profile profile;

    Site(int index, Netns netns, Topology.Router router, Lab lab, Profile profile) {
        this.index = index;
        this.profile = profile;
        this.netns = netns;
        this.router = router;
        this.dir = lab.instanceDir("proxima" + index);
        this.config = dir.resolve("proxima.yaml");
        this.events = dir.resolve("events.jsonl");
        write(config, config());
        // the local table moves from priority 0 to LOCAL_PREF now, so that breaking the service later
        // is one command whose end is the moment of death
        netns.ip("rule", "add", "pref", Integer.toString(LOCAL_PREF), "lookup", "local");
        netns.ip("rule", "del", "pref", "0");
        netns.ip("-6", "rule", "add", "pref", Integer.toString(LOCAL_PREF), "lookup", "local");
        netns.ip("-6", "rule", "del", "pref", "0");
    }

    String name() {
        return "site-" + index;
    }

    DaemonProcess process() {
        return process;
    }

    Profile profile() {
        return profile;
    }

    /**
     * Rewrites the config with {@code p}'s check timings and reloads it ({@code POST /v1/reload}). A
     * healthy service stays announced through the edit (daemon.md, rule 6).
     */
    void useProfile(Profile p) {
        if (p == profile) return;
        profile = p;
        write(config, config());
        if (!api("POST", "/v1/reload")) throw new IllegalStateException(name() + ": the API refused the reload to profile " + p);
    }

    /** Starts the JVM and returns once its API answers (the route follows when its check rises). */
    void start() {
        if (process != null && process.alive()) process.stop(); // a SIGTERMed node finishing its withdraw
        List<String> cmd = Jvm.proxima(JVM_OPTIONS, "run", "-c", config.toString());
        process = netns.spawn(name(), cmd, Map.of(), dir, dir.resolve("proxima-" + Instant.now().toEpochMilli() + ".log"));
    }

    void awaitApi() {
        process.awaitReady(START_TIMEOUT, () -> api("GET", "/v1/status"), "its API answers");
    }

    /** curl inside the namespace; true on HTTP 2xx. */
    boolean api(String method, String path) {
        ExecResult r = netns.exec("curl", "-sf", "-o", "/dev/null", "--max-time", "5", "-X", method, API + path);
        return r.ok();
    }

    /**
     * The service stops answering while the node lives on: a policy-routing blackhole for UDP port
     * 53 to the anycast address, ahead of the local table. Clients' queries and the node's own check
     * both fail, as if the responder had died; BGP, BFD and the API are untouched.
     */
    void breakService() {
        netns.ip("rule", "add", "pref", Integer.toString(BLACKHOLE_PREF), "to", Topology.ANYCAST_IP,
                "ipproto", "udp", "dport", "53", "blackhole");
        serviceBroken = true;
    }

    void repairService() {
        if (!serviceBroken) return;
        netns.ip("rule", "del", "pref", Integer.toString(BLACKHOLE_PREF));
        serviceBroken = false;
    }

    /**
     * The service stops answering over IPv6 only: the same blackhole as {@link #breakService}, for
     * UDP 53 to the IPv6 anycast address. The IPv4 service and its check are untouched.
     */
    void breakService6() {
        netns.ip("-6", "rule", "add", "pref", Integer.toString(BLACKHOLE_PREF), "to", Topology.ANYCAST6_IP,
                "ipproto", "udp", "dport", "53", "blackhole");
        service6Broken = true;
    }

    void repairService6() {
        if (!service6Broken) return;
        netns.ip("-6", "rule", "del", "pref", Integer.toString(BLACKHOLE_PREF));
        service6Broken = false;
    }

    /** Takes the link to the router down (the router's end loses carrier at once). */
    void linkDown() {
        netns.setLink(Topology.UPLINK, false);
    }

    /** Up again; the kernel dropped the default routes with the link, so they are added back. */
    void linkUp() {
        netns.setLink(Topology.UPLINK, true);
        netns.ip("route", "replace", "default", "via", Topology.routerSiteAddress(index));
        netns.ip("-6", "route", "replace", "default", "via", Topology.routerSiteAddress6(index));
    }

    /** Every line of the event log (across restarts: the daemon appends). */
    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(events)) return out;
        try {
            for (String line : Files.readAllLines(events)) {
                if (!line.isBlank()) out.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whether an UPDATE announcing the anycast prefix has been on the wire (since the start of the log). */
    boolean announced() {
        return announced(Topology.ANYCAST);
    }

    /** Whether an UPDATE announcing {@code prefix} has been on the wire (since the start of the log). */
    boolean announced(String prefix) {
        for (JsonNode e : events()) {
            if (!e.path("type").asText().equals("route") || !e.path("event").asText().equals("written")) continue;
            for (JsonNode p : e.path("announce")) if (p.asText().contains(prefix)) return true;
        }
        return false;
    }

    /** When the first UPDATE announcing the anycast prefix at or after {@code after} was on every socket. */
    Optional<Instant> announceWritten(Instant after) {
        for (JsonNode e : events()) {
            if (!e.path("type").asText().equals("route") || !e.path("event").asText().equals("written")) continue;
            boolean announces = false;
            for (JsonNode p : e.path("announce")) announces |= p.asText().contains(Topology.ANYCAST);
            Instant ts = Instant.parse(e.path("ts").asText());
            if (announces && !ts.isBefore(after)) return Optional.of(ts);
        }
        return Optional.empty();
    }

    /** How many withdraws of the anycast prefix went on the wire in [from, to). */
    long withdrawsWritten(Instant from, Instant to) {
        return withdrawsWritten(Topology.ANYCAST, from, to);
    }

    /** How many withdraws of {@code prefix} went on the wire in [from, to). */
    long withdrawsWritten(String prefix, Instant from, Instant to) {
        long n = 0;
        for (JsonNode e : events()) {
            if (!e.path("type").asText().equals("route") || !e.path("event").asText().equals("written")) continue;
            Instant ts = Instant.parse(e.path("ts").asText());
            if (ts.isBefore(from) || !ts.isBefore(to)) continue;
            for (JsonNode p : e.path("withdraw")) if (p.asText().equals(prefix)) n++;
        }
        return n;
    }

    /** When the first UPDATE withdrawing the anycast prefix at or after {@code after} was on every socket. */
    Optional<Instant> withdrawWritten(Instant after) {
        return withdrawWritten(Topology.ANYCAST, after);
    }

    /** When the first UPDATE withdrawing {@code prefix} at or after {@code after} was on every socket. */
    Optional<Instant> withdrawWritten(String prefix, Instant after) {
        for (JsonNode e : events()) {
            if (!e.path("type").asText().equals("route") || !e.path("event").asText().equals("written")) continue;
            boolean withdraws = false;
            for (JsonNode p : e.path("withdraw")) withdraws |= p.asText().equals(prefix);
            Instant ts = Instant.parse(e.path("ts").asText());
            if (withdraws && !ts.isBefore(after)) return Optional.of(ts);
        }
        return Optional.empty();
    }

    private String config() {
        return config(index, profile, name(), dir.resolve("state"), events);
    }

    /** Site {@code i}'s config: one eBGP session with BFD per family, and the services dns and dns6. */
    static String config(int i, Profile profile, String name, Path stateDir, Path eventLog) {
        String z = """
                router-id: %s
                local-as: %d
                peers:
                %s%s\
                services:
                %s%s\
                addresses: { interface: lo, manage: true }
                dns-responder:
                  listen: [%s, "[%s]:53", %s]
                  node-name: %s
                  zone:
                    origin: example.net.
                    records:
                      - "@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60"
                      - "@ 3600 NS ns1.example.net."
                      - "www 60 A 198.51.100.80"
                  handoff: { name: here.example.net., address: %s }
                api: { listen: "127.0.0.1:%d" }
                state-dir: %s
                event-log: { file: %s, stdout: false }
                """;
        return z.formatted(Topology.siteAddress(i), Topology.SITE_AS,
                peer(Topology.routerSiteAddress(i), Topology.routerAs(i), Topology.siteAddress(i)),
                peer(Topology.routerSiteAddress6(i), Topology.routerAs(i), Topology.siteAddress6(i)),
                service("dns", Topology.ANYCAST, Topology.routerSiteAddress(i), Topology.ANYCAST_IP, profile),
                service("dns6", Topology.ANYCAST6, Topology.routerSiteAddress6(i), "[" + Topology.ANYCAST6_IP + "]:53", profile),
                Topology.ANYCAST_IP, Topology.ANYCAST6_IP, Topology.siteAddress(i), name, Topology.siteAddress(i), API_PORT, stateDir, eventLog);
    }

    /** One entry of {@code peers:}: the router, with BFD. */
    private static String peer(String address, long as, String localAddress) {
        return """
                  - address: "%s"
                    remote-as: %d
                    local-address: "%s"
                    hold-time: 9s
                    bfd: { interval: %dms, multiplier: %d }
                """.formatted(address, as, localAddress, Topology.BFD_MS, Topology.BFD_MULTIPLIER);
    }

    /** One entry of {@code services:}: the anycast prefix, announced to one peer while a dns check of {@code server} passes. */
    private static String service(String name, String prefix, String peer, String server, Profile profile) {
        return """
                  %s:
                    prefixes: ["%s"]
                    peers: ["%s"]
                    checks:
                      - dns: { server: "%s", name: id.server, type: TXT, class: CH }
                %s        damping: { half-life: %s }
                    drain: { graceful-shutdown: %dms }
                """.formatted(name, prefix, peer, server, profile.checkYaml(" ".repeat(8)), DAMPING_HALF_LIFE, GRACEFUL_SHUTDOWN.toMillis());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
