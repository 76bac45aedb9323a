package io.proxima.bench;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.labkit.GoBgp;
import io.proxima.labkit.GoBgpConfig;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Netns;
import io.proxima.labkit.Peer;
import io.proxima.labkit.Timers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark 2 (bench/receive-full-table.sh): a real full table, replayed by {@link FeederSession}
 * from this JVM as the dump's own UPDATEs ({@link FullTableFeed}), received in turn by Proxima (a
 * JVM of its own, {@link ProximaReceiver}, in speaker and in router mode), BIRD 2, FRR 8.4 and GoBGP
 * 3.10, each in a fresh namespace per repetition. Figures per receiver: time from Established
 * (the feeder's handshake) until it holds every prefix, its CPU seconds over that time (and until it
 * goes idle), and its peak RSS (VmHWM) once idle.
 *
 * <p>Topology: this JVM (the feeder, 203.0.113.249, AS 64500) — host veth — namespace {@code rcv}
 * (the receiver, 203.0.113.250, AS 64510, exporting nothing back).
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.proxima.bench.ReceiveBenchmark DUMP [RUNS] [RECEIVERS]
 * </pre>
 * RECEIVERS is a comma-separated subset of {@code proxima,proxima-router,bird,frr,gobgp} (default: all).
 */
public final class ReceiveBenchmark {

    static final long FEEDER_AS = 64500;
    static final long RECEIVER_AS = 64510;
    static final String FEEDER = "203.0.113.249";
    static final String RECEIVER = "203.0.113.250";
    static final int HOLD = 90;
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(60);
    static final Duration FILL_TIMEOUT = Duration.ofSeconds(180);
    /** LAB.md §7: GoBGP took 51–113 s here. */
    static final Duration GOBGP_FILL_TIMEOUT = Duration.ofMinutes(10);
    /** A receiver whose count has not moved for this long after the feed was written, while idle, has stopped short. */
    static final Duration STALL = Duration.ofSeconds(15);
    static final Duration IDLE_WINDOW = Duration.ofMillis(500);
    static final double IDLE_SHARE = 0.05;
    static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("proxima", "Proxima (speaker: Adj-RIB-In)");
        NAMES.put("proxima-router", "Proxima (router: + Loc-RIB)");
        NAMES.put("bird", "BIRD " + Versions.bird());
        NAMES.put("frr", "FRR " + Versions.frr() + " (bgpd -n)");
        NAMES.put("gobgp", "GoBGP " + Versions.gobgp());
    }

    /** A receiver under test, started in its namespace and passive towards the feeder. */
    interface Receiver extends AutoCloseable {
        long pid();

        /** Routes held now. */
        long held();

        /** The moment the receiver itself reported holding all routes, if it reports that. */
        default Instant reportedAll() {
            return null;
        }

        Duration poll();

        @Override
        void close();
    }

    /**
     * @param seconds     Established to all prefixes held
     * @param cpuLoad     receiver CPU seconds over that interval
     * @param cpuToIdle   receiver CPU seconds from Established until it went idle
     * @param peakRssMb   VmHWM once idle
     * @param held        prefixes held once idle
     * @param feedSeconds how long the feeder took to write the whole table
     */
    record Trial(double seconds, double cpuLoad, double cpuToIdle, double peakRssMb, long held, double feedSeconds) { }

    private ReceiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReceiveBenchmark DUMP [RUNS] [proxima,proxima-router,bird,frr,gobgp]");
            System.exit(2);
        }
        Path dump = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> receivers = args.length > 2 ? List.of(args[2].split(",")) : List.copyOf(NAMES.keySet());
        for (String r : receivers) if (!NAMES.containsKey(r)) throw new IllegalArgumentException("unknown receiver " + r);
        Optional<String> missing = LabSupport.unavailable("bird", "/usr/lib/frr/bgpd", "/usr/lib/frr/zebra", "gobgpd", "gobgp");
        if (missing.isPresent()) {
            System.err.println("receive benchmark: " + missing.get());
            System.exit(2);
        }
        long t = System.nanoTime();
        FullTableFeed feed = FullTableFeed.load(dump, FEEDER_AS, IpAddress.parse(FEEDER));
        AnnounceBenchmark.log("feed: %,d UPDATEs from %s -> %,d messages, %,d octets (%d split to fit 4,096 octets, %d unusable) in %.1f s",
                feed.dumpUpdates(), dump.getFileName(), feed.messages(), feed.wire().length, feed.splitUpdates(), feed.skippedUpdates(),
                (System.nanoTime() - t) / 1e9);
        AnnounceBenchmark.log("expected: %,d prefixes; %,d treating %d routes as withdrawn (%s)", feed.allPrefixes(),
                feed.rfc7607Prefixes(), feed.treatAsWithdrawRoutes(), String.join("; ", feed.treatAsWithdrawReasons()));

        Map<String, Samples[]> figures = new LinkedHashMap<>();
        Map<String, List<Long>> held = new LinkedHashMap<>();
        for (String r : receivers) {
            figures.put(r, new Samples[] {new Samples(), new Samples(), new Samples(), new Samples()});
            held.put(r, new ArrayList<>());
        }
        for (int run = 1; run <= runs; run++) {
            for (String r : receivers) {
                AnnounceBenchmark.log("run %d/%d: %s receives the table", run, runs, NAMES.get(r));
                Samples[] f = figures.get(r);
                try {
                    Trial x = trial(r, feed);
                    f[0].add(x.seconds());
                    f[1].add(x.cpuLoad());
                    f[2].add(x.cpuToIdle());
                    f[3].add(x.peakRssMb());
                    held.get(r).add(x.held());
                    AnnounceBenchmark.log("  %s: %.2f s, CPU %.2f s (%.2f s until idle), peak RSS %.0f MB, holds %,d; feeder wrote the table in %.2f s",
                            r, x.seconds(), x.cpuLoad(), x.cpuToIdle(), x.peakRssMb(), x.held(), x.feedSeconds());
                } catch (Exception e) {
                    f[0].fail("run " + run + ": " + e.getMessage());
                    AnnounceBenchmark.log("  %s FAILED: %s", r, e);
                }
            }
        }
        print(feed, runs, figures, held);
    }

    /** What a receiver must end up holding: FRR and Proxima treat AS 0 in AS_PATH as withdrawn (RFC 7607). */
    static long expected(String receiver, FullTableFeed feed) {
        return receiver.startsWith("proxima") || receiver.equals("frr") ? feed.rfc7607Prefixes() : feed.allPrefixes();
    }

    static Trial trial(String name, FullTableFeed feed) throws Exception {
        long expected = expected(name, feed);
        try (Lab lab = Lab.create()) {
            Netns ns = lab.netns("rcv");
            lab.hostLink("f", ns, "eth0").ipv4(FEEDER + "/30", RECEIVER + "/30").up();
            try (Receiver r = start(name, ns, expected)) {
                try (FeederSession f = FeederSession.open(IpAddress.parse(FEEDER), IpAddress.parse(RECEIVER), FEEDER_AS, RECEIVER_AS, HOLD, SESSION_TIMEOUT)) {
                    Instant t0 = f.established();
                    ProcStats base = ProcStats.of(r.pid());
                    AnnounceBenchmark.log("  Established; %s has used %.2f s CPU so far, RSS %.0f MB", name, base.cpuSeconds(), base.rssKb() / 1024.0);
                    long[] fedAt = {0};
                    Exception[] sendError = {null};
                    Thread sender = new Thread(() -> {
                        try {
                            f.send(feed.wire(), feed.messageEnds());
                            fedAt[0] = Clock.epochMicros();
                        } catch (Exception e) {
                            sendError[0] = e;
                        }
                    }, "feeder-send");
                    sender.setDaemon(true);  // closing the session ends a write that is stuck
                    sender.start();
                    Instant tAll = awaitAll(name, r, expected, f, sender);
                    ProcStats atAll = ProcStats.of(r.pid());
                    sender.join();
                    if (sendError[0] != null) throw sendError[0];
                    ProcStats idle = ProcStats.whenIdle(r.pid(), IDLE_WINDOW, IDLE_SHARE, IDLE_LIMIT);
                    long held = r.held();
                    if (held != expected) AnnounceBenchmark.log("  note: %s holds %,d once idle, expected %,d", name, held, expected);
                    return new Trial(seconds(t0, tAll), atAll.cpuSeconds() - base.cpuSeconds(), idle.cpuSeconds() - base.cpuSeconds(),
                            idle.peakRssMb(), held, (fedAt[0] - Clock.epochMicros(t0)) / 1e6);
                }
            }
        }
    }

    private static Instant awaitAll(String name, Receiver r, long expected, FeederSession f, Thread sender) throws InterruptedException {
        long deadline = System.nanoTime() + (name.equals("gobgp") ? GOBGP_FILL_TIMEOUT : FILL_TIMEOUT).toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        double lastCpu = ProcStats.of(r.pid()).cpuSeconds();
        while (true) {
            Instant reported = r.reportedAll();
            if (reported != null) return reported;
            long n = r.held();
            if (n >= expected) return Instant.now();
            long now = System.nanoTime();
            if (n != last) {
                last = n;
                lastChange = now;
                lastCpu = ProcStats.of(r.pid()).cpuSeconds();
            }
            if (f.peerNotification() != null) throw new IllegalStateException("receiver sent " + f.peerNotification() + " at " + n + " prefixes");
            if (now > deadline) throw new IllegalStateException("held " + n + " of " + expected + " prefixes at the timeout");
            if (!sender.isAlive() && now - lastChange > STALL.toNanos()) {
                double cpu = ProcStats.of(r.pid()).cpuSeconds() - lastCpu;
                if (cpu < IDLE_SHARE * STALL.toSeconds()) {
                    throw new IllegalStateException("stopped at " + n + " of " + expected + " prefixes (no change and idle for " + STALL.toSeconds() + " s)");
                }
            }
            Thread.sleep(r.poll());
        }
    }

    static Receiver start(String name, Netns ns, long expected) {
        Timers timers = new Timers(HOLD, HOLD / 3, 1);
        return switch (name) {
            case "proxima", "proxima-router" -> {
                Path log = ns.lab().instanceDir("proxima").resolve("proxima.log");
                Process p = ns.spawn(log, JavaChild.command(ProximaReceiver.class, List.of(), Long.toString(RECEIVER_AS), RECEIVER, RECEIVER,
                        FEEDER, Long.toString(FEEDER_AS), Integer.toString(HOLD), Long.toString(expected),
                        name.equals("proxima") ? "speaker" : "router"));
                io.proxima.labkit.Await.until(SESSION_TIMEOUT, () -> {
                    if (!p.isAlive()) throw new IllegalStateException("ProximaReceiver exited " + p.exitValue() + ", see " + log);
                    return ChildLog.firstValue(log, "LISTENING") != null;
                }, "ProximaReceiver listening");
                yield new Receiver() {
                    @Override public long pid() { return p.pid(); }
                    @Override public Duration poll() { return Duration.ofMillis(10); }

                    /** The newest count the receiver printed: its ALL line, or a later COUNT line. */
                    @Override
                    public long held() {
                        String line = ChildLog.lastLine(log, "ALL", "COUNT");
                        if (line == null) return 0;
                        String[] f = line.split(" ");
                        return Long.parseLong(line.startsWith("ALL") ? f[2] : f[1]);
                    }

                    @Override
                    public Instant reportedAll() {
                        Long us = ChildLog.firstValue(log, "ALL");
                        return us == null ? null : Instant.EPOCH.plusNanos(us * 1000);
                    }

                    @Override public void close() { }
                };
            }
            case "bird" -> {
                BirdSink b = BirdSink.start(ns, "bird", RECEIVER, RECEIVER_AS, FEEDER, FEEDER_AS, HOLD, true);
                yield new Receiver() {
                    @Override public long pid() { return b.pid(); }
                    @Override public long held() { return b.protocol().imported(); }
                    @Override public Duration poll() { return Duration.ofMillis(20); }
                    @Override public void close() { b.close(); }
                };
            }
            case "frr" -> {
                FrrSink s = FrrSink.start(ns, "frr", RECEIVER, RECEIVER_AS, FEEDER, FEEDER_AS, HOLD);
                yield new Receiver() {
                    @Override public long pid() { return s.pid(); }
                    @Override public long held() { return s.summary().prefixesReceived(); }
                    @Override public Duration poll() { return Duration.ofMillis(20); }
                    @Override public void close() { s.close(); }
                };
            }
            case "gobgp" -> {
                GoBgp g = GoBgp.start(ns, "gobgp", GoBgpConfig.speaker(RECEIVER, RECEIVER_AS)
                        .withPeer(Peer.of(FEEDER, FEEDER_AS).withPassive(true).withExport(false).withTimers(timers)));
                yield new Receiver() {
                    @Override public long pid() { return g.pid(); }
                    @Override public long held() { return GoBgpRib.accepted(g, FEEDER).accepted(); }
                    // Each poll forks the gobgp CLI (~50 ms of CPU): once a second, against a minute or two of loading.
                    @Override public Duration poll() { return Duration.ofSeconds(1); }
                    @Override public void close() { }
                };
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double seconds(Instant from, Instant to) {
        return (Clock.epochMicros(to) - Clock.epochMicros(from)) / 1e6;
    }

    private static void print(FullTableFeed feed, int runs, Map<String, Samples[]> figures, Map<String, List<Long>> held) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Receive a full table: %,d UPDATEs (%,d messages, %.1f MB after the eBGP rewrite) replayed over one eBGP session;"
                + " %d runs each, receivers interleaved, fresh namespaces and processes per run; Proxima on JDK %s (%s).%n",
                feed.dumpUpdates(), feed.messages(), feed.wire().length / 1e6, runs, Versions.java(),
                String.join(" ", JavaChild.options()));
        System.out.printf(Locale.ROOT, "Expected: %,d prefixes (BIRD, GoBGP), %,d with the %d AS-0 routes treated as withdrawn (FRR, Proxima). Median (min–max).%n%n",
                feed.allPrefixes(), feed.rfc7607Prefixes(), feed.treatAsWithdrawRoutes());
        Samples[] base = figures.containsKey("proxima") ? figures.get("proxima") : null;
        System.out.println("| receiver | time to all prefixes, s | time vs Proxima | CPU s, Established → all held | CPU s, until idle | peak RSS, MB | RSS vs Proxima | prefixes held |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Samples[]> e : figures.entrySet()) {
            Samples[] f = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", NAMES.get(e.getKey()), f[0].format(2),
                    base == null ? "—" : f[0].ratioTo(base[0]), f[1].format(2), f[2].format(2), f[3].format(0),
                    base == null ? "—" : f[3].ratioTo(base[3]), heldText(held.get(e.getKey())));
        }
        System.out.println();
        for (Map.Entry<String, Samples[]> e : figures.entrySet()) {
            Samples[] f = e.getValue();
            System.out.printf("raw %s: time %s s; CPU %s s; CPU to idle %s s; peak RSS %s MB%n", e.getKey(), f[0].raw(2), f[1].raw(2), f[2].raw(2), f[3].raw(0));
            for (String x : f[0].failures()) System.out.println("FAILED " + e.getKey() + " " + x);
        }
        goals(figures);
    }

    private static String heldText(List<Long> held) {
        if (held.isEmpty()) return "—";
        long min = held.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = held.stream().mapToLong(Long::longValue).max().orElse(0);
        return min == max ? String.format(Locale.ROOT, "%,d", min) : String.format(Locale.ROOT, "%,d–%,d", min, max);
    }

    private static void goals(Map<String, Samples[]> figures) {
        Samples[] p = figures.get("proxima"), bird = figures.get("bird"), frr = figures.get("frr");
        if (p == null || p[0].isEmpty()) return;
        System.out.println();
        if (frr != null && !frr[0].isEmpty()) {
            System.out.printf(Locale.ROOT, "Goal: faster than FRR: %s (Proxima %.2f s, FRR %.2f s, ratio %.2f).%n",
                    p[0].median() < frr[0].median() ? "met" : "NOT met", p[0].median(), frr[0].median(), p[0].median() / frr[0].median());
        }
        if (bird != null && !bird[0].isEmpty()) {
            System.out.printf(Locale.ROOT, "Aim: BIRD's rate: %s (Proxima %.2f s, BIRD %.2f s, ratio %.2f).%n",
                    p[0].median() <= bird[0].median() ? "reached" : "not reached", p[0].median(), bird[0].median(), p[0].median() / bird[0].median());
            System.out.printf(Locale.ROOT, "Goal: memory at most 2x BIRD's: %s (Proxima %.0f MB, BIRD %.0f MB, ratio %.2f).%n",
                    p[3].median() <= 2 * bird[3].median() ? "met" : "NOT met", p[3].median(), bird[3].median(), p[3].median() / bird[3].median());
        }
    }
}
