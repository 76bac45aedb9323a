package io.proxima.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.ExaBgp;
import io.proxima.labkit.ExaBgpConfig;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Netns;
import io.proxima.labkit.Peer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #5's failover benchmark: the time from killing a DNS service (NSD, SIGKILL to all its
 * processes) to the route leaving a BIRD router's FIB, for Proxima and for ExaBGP's healthcheck
 * (Debian {@code exabgp}, {@code --withdraw-on-down}, checking the same NSD with {@code dig}), at
 * three settings, in the same run. The FIB change is seen by {@code ip monitor route} in BIRD's
 * namespace, timestamped as each line arrives. For Proxima the event log also gives the moment its
 * withdraw was written to the socket, and its own first-failing-probe-to-written figure.
 *
 * <p>Then the footprint: Proxima with 10 DNS services, its RSS after {@link #IDLE} idle, and the
 * time from process start to the first route in BIRD's FIB, beside the time its checks need to
 * rise. Proxima runs with the JVM options and environment of {@code packaging/proxima.service}
 * ({@link DaemonJvm}), then those of {@value JavaChild#EXTRA_OPTIONS_ENV}; run it from the
 * repository's root.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.proxima.bench.FailoverBenchmark [RUNS] [footprint]
 * </pre>
 */
public final class FailoverBenchmark {

    static final String BIRD_ADDR = "203.0.113.1", SRV = "203.0.113.2";
    static final long BIRD_AS = 65000, SRV_AS = 65010;
    static final String ANYCAST_IP = "198.51.100.75", ANYCAST = ANYCAST_IP + "/32";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration IDLE = Duration.ofSeconds(30);
    /** A kill whose route is still in the FIB after this counts as a failed repetition. */
    static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(20);
    static final int FOOTPRINT_SERVICES = 10;
    /** Events of the daemon's log quoted in a failed repetition's reason. */
    static final int FAILURE_EVENTS = 8;
    static final String DIG = "dig +time=1 +tries=1 @" + ANYCAST_IP + " id.server CH TXT";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row: Proxima's check timing (YAML lines under a check) and ExaBGP healthcheck's options.
     *
     * @param riseSeconds how long the checks take to rise, for the footprint's start figure
     */
    record Setting(String name, String proximaTiming, String exabgpOptions, String goal) { }

    static final List<Setting> SETTINGS = List.of(
            new Setting("defaults", "", "", "≤ 1.5 s; ExaBGP ≈ 4.5 s"),
            new Setting("interval 100 ms, fall 2", "interval: 100ms\n        timeout: 50ms\n        rise: 2\n        fall: 2\n",
                    "--interval 0.1 --fast-interval 0.1 --timeout 1 --rise 2 --fall 2", "≤ 200 ms and ≤ 0.75× ExaBGP"),
            new Setting("fast: 20 ms, re-check at once", "interval: 20ms\n        timeout: 10ms\n        fast-interval: 1ms\n        rise: 2\n        fall: 2\n",
                    "--interval 0.02 --fast-interval 0.001 --timeout 1 --rise 2 --fall 2", "≤ 60 ms"));

    private FailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean footprintOnly = args.length > 1 && args[1].equals("footprint");
        Optional<String> missing = LabSupport.unavailable("bird", "exabgp", "nsd", "dig");
        if (missing.isPresent()) {
            System.err.println("failover benchmark: " + missing.get());
            System.exit(2);
        }
        Map<String, Samples> proximaFib = new LinkedHashMap<>(), proximaWire = new LinkedHashMap<>(),
                proximaOwn = new LinkedHashMap<>(), exaFib = new LinkedHashMap<>();
        Footprint footprint;
        try (Lab lab = Lab.create()) {
            Netns srv = lab.netns("srv");
            Netns rtr = lab.netns("bird");
            lab.link(srv, "eth-b", rtr, "eth-s").ipv4(SRV + "/30", BIRD_ADDR + "/30").up();
            srv.addAddress("lo", ANYCAST);
            Bird.start(rtr, "bird", BirdConfig.router(BIRD_ADDR, BIRD_AS).withPeer(Peer.of(SRV, SRV_AS).withPassive(true)));
            Path dir = lab.instanceDir("bench");
            try (RouteMonitor fib = RouteMonitor.start(rtr, ANYCAST_IP)) {
                for (Setting s : footprintOnly ? List.<Setting>of() : SETTINGS) {
                    Samples pf = new Samples(), pw = new Samples(), po = new Samples(), ef = new Samples();
                    proximaFib.put(s.name(), pf);
                    proximaWire.put(s.name(), pw);
                    proximaOwn.put(s.name(), po);
                    exaFib.put(s.name(), ef);
                    log("setting %s: Proxima", s.name());
                    DaemonProcess nsd = Nsd.start(srv, dir.resolve("nsd"), ANYCAST_IP);
                    Path events = dir.resolve("events-" + SETTINGS.indexOf(s) + ".jsonl");
                    DaemonProcess proxima = startProxima(srv, dir, config(dir, s.proximaTiming(), events, 1));
                    for (int run = 1; run <= runs; run++) {
                        fib.awaitPresent(WAIT);
                        Trial t;
                        try {
                            t = trial(srv, fib, nsd, s);
                        } catch (IllegalStateException e) {
                            pf.fail("run " + run + ": " + e.getMessage() + "; FIB " + rtr.fib(ANYCAST) + "; NSD left: " + Nsd.pids(srv)
                                    + "; Proxima's last events: " + lastEvents(events, FAILURE_EVENTS));
                            log("  run %d FAILED: %s", run, pf.failures().get(pf.failures().size() - 1));
                            Nsd.killAll(srv);
                            nsd = Nsd.start(srv, dir.resolve("nsd"), ANYCAST_IP);
                            continue;
                        }
                        nsd = Nsd.start(srv, dir.resolve("nsd"), ANYCAST_IP);
                        pf.add(t.fibSeconds());
                        Instant written = lastWithdrawWritten(events);
                        if (written != null) pw.add(Duration.between(t.killed(), written).toNanos() / 1e9);
                        if (written != null && written.isBefore(t.killed())) {
                            log("  run %d: withdrawn before the kill (a healthy service failed its checks): %s", run,
                                    lastEvents(events, FAILURE_EVENTS));
                        }
                        Double own = lastFailover(events);
                        if (own != null) po.add(own);
                        log("  run %d: FIB %.3f s, wire %s, first failing probe → written %s", run, t.fibSeconds(),
                                written == null ? "?" : String.format(Locale.ROOT, "%.3f s", Duration.between(t.killed(), written).toNanos() / 1e9),
                                own == null ? "?" : String.format(Locale.ROOT, "%.3f s", own));
                    }
                    proxima.stop();
                    fib.awaitAbsent(WAIT);

                    log("setting %s: ExaBGP healthcheck", s.name());
                    String run = "/usr/bin/python3 -m exabgp healthcheck --no-syslog --withdraw-on-down --no-ip-setup --ip " + ANYCAST
                            + " " + s.exabgpOptions() + " --cmd \"" + DIG + "\"";
                    ExaBgp exa = ExaBgp.start(srv, "exabgp" + SETTINGS.indexOf(s), ExaBgpConfig.speaker(SRV, SRV_AS)
                            .withPeer(Peer.of(BIRD_ADDR, BIRD_AS).withLocalAddress(SRV)).withProcess("watch-dns", run));
                    for (int r = 1; r <= runs; r++) {
                        fib.awaitPresent(WAIT);
                        Trial t;
                        try {
                            t = trial(srv, fib, nsd, s);
                        } catch (IllegalStateException e) {
                            ef.fail("run " + r + ": " + e.getMessage());
                            log("  run %d FAILED: %s", r, e.getMessage());
                            Nsd.killAll(srv);
                            nsd = Nsd.start(srv, dir.resolve("nsd"), ANYCAST_IP);
                            continue;
                        }
                        nsd = Nsd.start(srv, dir.resolve("nsd"), ANYCAST_IP);
                        ef.add(t.fibSeconds());
                        log("  run %d: FIB %.3f s", r, t.fibSeconds());
                    }
                    exa.stop();
                    Nsd.killAll(srv);
                    fib.awaitAbsent(WAIT);
                }
                footprint = footprint(srv, dir, fib);
            }
        }
        print(runs, proximaFib, proximaWire, proximaOwn, exaFib, footprint);
    }

    record Trial(Instant killed, double fibSeconds) { }

    /** Waits a random part of the check interval (so kills land at every phase), kills NSD, waits for the FIB. */
    static Trial trial(Netns srv, RouteMonitor fib, DaemonProcess nsd, Setting s) throws Exception {
        Thread.sleep(ThreadLocalRandom.current().nextLong(200, 700));
        fib.arm();
        Instant killed = Instant.now();
        long t0 = System.nanoTime();
        Nsd.killAll(srv);
        long gone = fib.awaitDeleted(TRIAL_TIMEOUT);
        return new Trial(killed, (gone - t0) / 1e9);
    }

    // ---- footprint ----

    record Footprint(double startToFib, double startToUp, double upToFib, long rssKb, long heapUsedKb) { }

    static Footprint footprint(Netns srv, Path dir, RouteMonitor fib) throws Exception {
        log("footprint: Proxima with %d services at default timings", FOOTPRINT_SERVICES);
        DaemonProcess nsd = Nsd.start(srv, dir.resolve("nsd"), ANYCAST_IP);
        Path events = dir.resolve("events-footprint.jsonl");
        fib.arm();
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        DaemonProcess proxima = startProxima(srv, dir, config(dir, "", events, FOOTPRINT_SERVICES));
        long present = fib.awaitAdded(WAIT);
        Instant up = firstServiceUp(events);
        Thread.sleep(IDLE.toMillis());
        ProcStats stats = ProcStats.of(proxima.pid());
        proxima.stop();
        nsd.stop();
        double startToUp = up == null ? Double.NaN : Duration.between(started, up).toNanos() / 1e9;
        double startToFib = (present - t0) / 1e9;
        return new Footprint(startToFib, startToUp, startToFib - startToUp, stats.rssKb(), 0);
    }

    // ---- Proxima ----

    static Path config(Path dir, String timing, Path events, int services) throws IOException {
        StringBuilder svc = new StringBuilder();
        for (int i = 0; i < services; i++) {
            String prefix = i == 0 ? ANYCAST : "198.51.100." + (100 + i) + "/32";
            svc.append("  svc").append(i).append(":\n    prefixes: [").append(prefix).append("]\n    checks:\n")
                    .append("      - dns: { server: ").append(ANYCAST_IP).append(", name: id.server, type: TXT, class: CH }\n");
            // The benchmark kills the same service every few seconds: with the default hold-down that
            // is a flapping service, held DOWN after the second kill (as it should be). A 1 s half-life
            // lets each repetition start from a clean record.
            svc.append("        damping: { half-life: 1s }\n");
            if (!timing.isEmpty()) svc.append("        ").append(timing);
        }
        String yaml = """
                router-id: 192.0.2.10
                local-as: %d
                peers:
                  - address: %s
                    remote-as: %d
                    local-address: %s
                    hold-time: 9s
                services:
                %s
                api: { listen: "127.0.0.1:0" }
                state-dir: %s
                event-log: { file: %s, stdout: false }
                """.formatted(SRV_AS, BIRD_ADDR, BIRD_AS, SRV, svc.toString().stripTrailing(), dir.resolve("state"), events);
        return Files.writeString(dir.resolve("proxima-" + services + ".yaml"), yaml);
    }

    /** The daemon's JVM as packaging/proxima.service runs it (the launcher's `run` has the same). */
    static final DaemonJvm DAEMON = DaemonJvm.fromUnit(DaemonJvm.UNIT);

    static DaemonProcess startProxima(Netns srv, Path dir, Path config) {
        List<String> cmd = List.of(JavaChild.commandWith(io.proxima.cli.Main.class, DAEMON.options(), "run", "-c", config.toString()));
        Path events = eventFile(config);
        DaemonProcess p = srv.spawn("proxima", cmd, DAEMON.environment(), dir, dir.resolve("proxima.log"));
        p.awaitReady(WAIT, () -> {
            try {
                return Files.exists(events) && Files.readString(events).contains("\"event\":\"started\"");
            } catch (IOException e) {
                return false;
            }
        }, "proxima started");
        return p;
    }

    private static Path eventFile(Path config) {
        try {
            for (String line : Files.readAllLines(config)) {
                int i = line.indexOf("file: ");
                if (line.contains("event-log") && i >= 0) return Path.of(line.substring(i + 6, line.indexOf(',', i)).strip());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no event-log file in " + config);
    }

    static List<JsonNode> events(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file)) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }

    static Instant lastWithdrawWritten(Path file) throws IOException {
        Instant t = null;
        for (JsonNode e : events(file)) {
            if (e.path("type").asText().equals("route") && e.path("event").asText().equals("written")
                    && e.path("withdraw").toString().contains(ANYCAST)) t = Instant.parse(e.path("ts").asText());
        }
        return t;
    }

    /** The last {@code n} service and route events, compact, for a failed repetition's reason. */
    static List<String> lastEvents(Path file, int n) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events(file)) {
            String type = e.path("type").asText();
            if (!type.equals("service") && !type.equals("check") && !type.equals("route")) continue;
            out.add(e.path("ts").asText().substring(11) + " " + type + " " + e.path("event").asText(e.path("to").asText())
                    + " " + e.path("reason").asText());
        }
        return out.subList(Math.max(0, out.size() - n), out.size());
    }

    static Double lastFailover(Path file) throws IOException {
        Double d = null;
        for (JsonNode e : events(file)) if (e.path("type").asText().equals("failover")) d = e.path("seconds").asDouble();
        return d;
    }

    static Instant firstServiceUp(Path file) throws IOException {
        for (JsonNode e : events(file)) {
            if (e.path("type").asText().equals("service") && e.path("to").asText().equals("UP")) return Instant.parse(e.path("ts").asText());
        }
        return null;
    }

    // ---- output ----

    static void print(int runs, Map<String, Samples> fib, Map<String, Samples> wire, Map<String, Samples> own,
                      Map<String, Samples> exa, Footprint f) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Failover: NSD on %s killed (SIGKILL) → the route leaves BIRD %s's FIB (ip monitor route); Proxima (JDK %s, %s)"
                + " and ExaBGP %s healthcheck (dig), the same NSD and BIRD; %d kills each, median (min–max), seconds.%n",
                ANYCAST_IP, Versions.bird(), Versions.java(), daemonJvm(), Versions.exabgp(), runs);
        System.out.println();
        System.out.println("| setting | Proxima: kill → FIB | Proxima: kill → withdraw written | Proxima: first failing probe → written | ExaBGP: kill → FIB | ratio (medians) | goal |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Setting s : SETTINGS) {
            if (!fib.containsKey(s.name())) continue;
            Samples p = fib.get(s.name()), e = exa.get(s.name());
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f× | %s |%n", s.name(), p.format(3), wire.get(s.name()).format(3),
                    own.get(s.name()).format(3), e.format(3), p.median() / e.median(), s.goal());
        }
        for (Setting s : SETTINGS) {
            if (!fib.containsKey(s.name())) continue;
            for (String why : fib.get(s.name()).failures()) System.out.println("- Proxima, " + s.name() + ", failed " + why);
            for (String why : exa.get(s.name()).failures()) System.out.println("- ExaBGP, " + s.name() + ", failed " + why);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Footprint: Proxima with %d DNS services at default timings (%s), 1 BGP peer.%n", FOOTPRINT_SERVICES,
                daemonJvm());
        System.out.println();
        System.out.println("| figure | value | goal |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| RSS after %d s idle | %.1f MB | ≤ 64 MB |%n", IDLE.toSeconds(), f.rssKb() / 1024.0);
        System.out.printf(Locale.ROOT, "| process start → first service UP (the checks' rise) | %.3f s | |%n", f.startToUp());
        System.out.printf(Locale.ROOT, "| process start → route in BIRD's FIB | %.3f s | |%n", f.startToFib());
        System.out.printf(Locale.ROOT, "| service UP → route in BIRD's FIB | %.3f s | ≤ 1 s |%n", f.upToFib());
    }

    /** What the daemon ran with: packaging/proxima.service's environment and options, then any extra. */
    static String daemonJvm() {
        List<String> all = new ArrayList<>();
        DAEMON.environment().forEach((k, v) -> all.add(k + "=" + v));
        all.addAll(DAEMON.options());
        all.addAll(JavaChild.extraOptions());
        return String.join(" ", all);
    }

    static void log(String fmt, Object... args) {
        System.err.printf(Locale.ROOT, fmt + "%n", args);
    }

    /**
     * {@code ip -n NS monitor route}, read on a thread of its own: each line about the watched
     * address is stamped with {@link System#nanoTime()} as it arrives.
     */
    static final class RouteMonitor implements AutoCloseable {
        private final Process process;
        private final Netns ns;
        private final String prefix;
        private final AtomicLong deleted = new AtomicLong();
        private final AtomicLong added = new AtomicLong();

        private RouteMonitor(Netns ns, String address, Process process) {
            this.ns = ns;
            this.prefix = ANYCAST;
            this.process = process;
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        long now = System.nanoTime();
                        if (!line.contains(address)) continue;
                        if (line.startsWith("Deleted")) deleted.set(now);
                        else added.set(now);
                    }
                } catch (IOException e) {
                    // monitor stopped
                }
            }, "route-monitor");
            t.setDaemon(true);
            t.start();
        }

        static RouteMonitor start(Netns ns, String address) throws IOException {
            Process p = new ProcessBuilder("ip", "-n", ns.name(), "monitor", "route").redirectErrorStream(true).start();
            return new RouteMonitor(ns, address, p);
        }

        void arm() {
            deleted.set(0);
            added.set(0);
        }

        long awaitDeleted(Duration timeout) throws InterruptedException {
            return await(deleted, timeout, "deleted");
        }

        long awaitAdded(Duration timeout) throws InterruptedException {
            return await(added, timeout, "added");
        }

        private long await(AtomicLong at, Duration timeout, String what) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (at.get() == 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(prefix + " not " + what + " in " + timeout);
                Thread.sleep(1);
            }
            return at.get();
        }

        void awaitPresent(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ns.fib(prefix).isEmpty()) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(prefix + " not in the FIB after " + timeout);
                Thread.sleep(20);
            }
        }

        void awaitAbsent(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ns.fib(prefix).isEmpty()) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(prefix + " still in the FIB after " + timeout);
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** NSD on the anycast address (labkit's), started and waited for until it answers id.server. */
    static final class Nsd {
        static DaemonProcess start(Netns ns, Path d, String address) {
            DaemonProcess p = io.proxima.labkit.Nsd.start(ns, d, address, "site-a", false);
            p.awaitReady(WAIT, () -> ns.exec("dig", "+time=1", "+tries=1", "@" + address, "id.server", "CH", "TXT").stdout().contains("site-a"),
                    "NSD answers");
            return p;
        }

        static List<Long> pids(Netns ns) {
            return io.proxima.labkit.Nsd.pids(ns);
        }

        static void killAll(Netns ns) {
            io.proxima.labkit.Nsd.killAll(ns);
        }
    }
}
