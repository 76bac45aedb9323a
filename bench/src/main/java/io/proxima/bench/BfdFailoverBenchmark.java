package io.proxima.bench;

import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Netns;
import io.proxima.labkit.Peer;
import io.proxima.labkit.Timers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/bfd-failover.sh. Two measurements, each with fresh namespaces and processes per run:
 *
 * <ol>
 *   <li><b>Silent death.</b> Proxima ({@link BfdNode}, its own JVM in namespace {@code spk},
 *       203.0.113.34, AS 64500) announces 198.51.100.76/32 to BIRD (namespace {@code bird},
 *       203.0.113.33, AS 64510, kernel export on). Once all is up and steady, Proxima gets SIGSTOP.
 *       The figure is the time from the signal to the kernel deleting the route from BIRD's FIB,
 *       by {@code ip -ts monitor route}'s own timestamp in BIRD's namespace. With BFD (100 ms × 3
 *       both sides, {@code bfd on}) and without (hold 9 s, keepalive 3 s).</li>
 *   <li><b>False downs under load.</b> The same pair with BFD at 100 ms × 3 and at 50 ms × 3, for
 *       LOAD_SECONDS with one busy loop per CPU in a third namespace and the Proxima JVM making
 *       garbage: a ring of live 1 KB arrays overwritten at a fixed rate, so that objects live long
 *       enough to be copied and promoted. Three {@link #PRESSURES}: the launcher's Serial collector
 *       with a daemon-sized live set, the same with a large one, and ZGC with the large one. Every
 *       Down of the session counts, whether Proxima detected it (diagnostic 1) or BIRD did
 *       (Proxima hears of it, diagnostic 3).</li>
 * </ol>
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.proxima.bench.BfdFailoverBenchmark [RUNS] [LOAD_SECONDS] [SCENARIOS]
 * </pre>
 * SCENARIOS: {@code failover}, {@code load}, or both (default), comma-separated.
 */
public final class BfdFailoverBenchmark {

    static final String PROXIMA = "203.0.113.34";
    static final String BIRD = "203.0.113.33";
    static final long PROXIMA_AS = 64500;
    static final long BIRD_AS = 64510;
    static final String ROUTE = "198.51.100.76/32";
    static final int HOLD = 9;
    static final int KEEPALIVE = 3;
    static final int MULT = 3;
    static final Duration UP_TIMEOUT = Duration.ofSeconds(60);
    /** Let BFD leave its slow start and BGP exchange a keepalive before anything is measured. */
    static final Duration STEADY = Duration.ofSeconds(4);
    static final Duration GONE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofMillis(10);
    /**
     * How the Proxima JVM runs and how much garbage it makes, for the load scenario: the launcher's
     * collector with little and with much live data, and a concurrent collector with much.
     *
     * @param gc         the JVM's collector option ({@code ./proxima} uses Serial)
     * @param liveMb     live data in the garbage ring, MB
     * @param allocMbPerS how fast the ring is overwritten, MB/s
     */
    record Pressure(String gc, int liveMb, int allocMbPerS) {
        String describe() {
            return gc.replace("-XX:+Use", "") + ", " + liveMb + " MB live, " + allocMbPerS + " MB/s";
        }
    }

    static final List<Pressure> PRESSURES = List.of(
            new Pressure("-XX:+UseSerialGC", 16, 200),
            new Pressure("-XX:+UseSerialGC", 128, 400),
            new Pressure("-XX:+UseZGC", 128, 400));

    private BfdFailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int loadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<String> scenarios = List.of((args.length > 2 ? args[2] : "failover,load").split(","));
        LabSupport.unavailable("bird", "birdc").ifPresent(why -> {
            throw new IllegalStateException("cannot run: " + why);
        });
        String machine = String.format(Locale.ROOT, "BIRD %s, JDK %s, %d CPUs", Versions.bird(), Versions.java(),
                Runtime.getRuntime().availableProcessors());
        if (scenarios.contains("failover")) failover(runs, machine);
        if (scenarios.contains("load")) load(loadSeconds, machine);
    }

    // ---- 1: silent death ----

    static void failover(int runs, String machine) throws Exception {
        Samples bfd = new Samples();
        Samples hold = new Samples();
        for (int run = 1; run <= runs; run++) {
            for (boolean withBfd : new boolean[] {true, false}) {
                Samples s = withBfd ? bfd : hold;
                try {
                    double seconds = silentDeath(withBfd);
                    s.add(seconds);
                    log("run %d, %s: route gone from BIRD's FIB %.3f s after SIGSTOP", run, withBfd ? "BFD 100 ms × 3" : "hold 9 s", seconds);
                } catch (Exception e) {
                    s.fail("run " + run + ": " + e.getMessage());
                    log("run %d, %s FAILED: %s", run, withBfd ? "BFD" : "hold", e);
                }
            }
        }
        System.out.println();
        System.out.println("Silent death: Proxima (BGP + BFD in one JVM, " + JavaChild.LAUNCHER_OPTIONS.get(0)
                + ") gets SIGSTOP; time until the kernel deletes its route from BIRD's FIB");
        System.out.println("(`ip -ts monitor route` in BIRD's namespace). " + machine + "; " + runs + " runs each, interleaved.");
        System.out.println();
        System.out.println("| detection | time to FIB removal, s: median (min–max) | raw, run order |");
        System.out.println("|---|---|---|");
        System.out.println("| BFD 100 ms × 3 (both sides), hold 9 s | " + bfd.format(3) + " | " + bfd.raw(3) + " |");
        System.out.println("| no BFD, hold 9 s, keepalive 3 s | " + hold.format(3) + " | " + hold.raw(3) + " |");
        for (String f : bfd.failures()) System.out.println("BFD failure: " + f);
        for (String f : hold.failures()) System.out.println("hold failure: " + f);
    }

    static double silentDeath(boolean withBfd) throws Exception {
        try (Lab lab = Lab.create()) {
            Netns spk = lab.netns("spk");
            Netns rtr = lab.netns("bird");
            lab.link(spk, "eth-b", rtr, "eth-s").ipv4(PROXIMA + "/30", BIRD + "/30").up();
            Bird bird = startBird(rtr, withBfd);
            Path monitor = lab.instanceDir("monitor").resolve("routes.log");
            rtr.spawn(monitor, "ip", "-ts", "monitor", "route");
            DaemonProcess node = startNode(lab, spk, withBfd ? 100 : 0, JavaChild.LAUNCHER_OPTIONS.get(0), 0, 0, 0);
            awaitUp(rtr, bird, withBfd, node);
            Thread.sleep(STEADY.toMillis());
            long t0 = Clock.epochMicros();
            node.freeze();
            long deadline = System.nanoTime() + GONE_TIMEOUT.toNanos();
            while (!rtr.fib(ROUTE).isEmpty()) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the route stayed in BIRD's FIB for " + GONE_TIMEOUT);
                Thread.sleep(POLL.toMillis());
            }
            Long deleted = deletedAt(monitor);
            if (deleted == null) throw new IllegalStateException("ip monitor saw no deletion of " + ROUTE);
            return (deleted - t0) / 1e6;
        }
    }

    // ---- 2: false downs under load ----

    static void load(int seconds, String machine) throws Exception {
        List<String> rows = new ArrayList<>();
        for (Pressure p : PRESSURES) {
            for (int ms : new int[] {100, 50}) {
                try {
                    rows.add(underLoad(ms, seconds, p));
                } catch (Exception e) {
                    rows.add("| " + ms + " ms × 3 | " + p.describe() + " | FAILED: " + e.getMessage() + " | | | | |");
                    log("%d ms FAILED: %s", ms, e);
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "False downs under load: %d s with %d busy loops (one per CPU) and, in the Proxima JVM, a ring of live"
                + " 1 KB arrays overwritten at a fixed rate. %s.%n", seconds, Runtime.getRuntime().availableProcessors(), machine);
        System.out.println();
        System.out.println("| BFD | Proxima JVM: collector, garbage | false Downs (Proxima detected / BIRD detected) | BGP resets | collections | longest pause, ms | pauses ≥ 100 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static String underLoad(int ms, int seconds, Pressure p) throws Exception {
        try (Lab lab = Lab.create()) {
            Netns spk = lab.netns("spk");
            Netns rtr = lab.netns("bird");
            Netns burn = lab.netns("load");
            lab.link(spk, "eth-b", rtr, "eth-s").ipv4(PROXIMA + "/30", BIRD + "/30").up();
            Bird bird = startBird(rtr, true, ms);
            int pressureAfter = (int) STEADY.toSeconds();
            DaemonProcess node = startNode(lab, spk, ms, p.gc(), p.liveMb(), p.allocMbPerS(), pressureAfter);
            awaitUp(rtr, bird, true, node);
            Long pressure = awaitValue(node.log(), "PRESSURE", Duration.ofSeconds(pressureAfter + 30));
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                burn.spawn(lab.instanceDir("burn" + i).resolve("out.log"), "sh", "-c", "while :; do :; done");
            }
            long start = Clock.epochMicros();
            log("%d ms × 3, %s: load on (garbage since %+.1f s); %d s", ms, p.describe(), (pressure - start) / 1e6, seconds);
            Thread.sleep(seconds * 1000L);
            long end = Clock.epochMicros();
            List<String> lines = Files.readAllLines(node.log());
            int ours = 0, theirs = 0, resets = 0, gcs = 0, longPauses = 0;
            long longest = 0;
            for (String l : lines) {
                String[] f = l.split(" ");
                if (f.length < 3 || !f[1].matches("\\d+")) continue;
                long at = Long.parseLong(f[1]);
                if (at < start || at > end) continue;
                switch (f[0]) {
                    case "BFD" -> {
                        if (f[2].equals("Up") && f[3].equals("Down")) {
                            if (f[4].equals("1")) ours++;
                            else theirs++;
                            log("  %s", l);
                        }
                    }
                    case "BGP_DOWN" -> resets++;
                    case "GC" -> {
                        // ZGC reports its concurrent cycles too: only its "Pauses" stop the threads.
                        if (f[2].contains("Cycles")) continue;
                        gcs++;
                        long pause = Long.parseLong(f[3]);
                        longest = Math.max(longest, pause);
                        if (pause >= 100) longPauses++;
                    }
                    default -> { }
                }
            }
            return String.format(Locale.ROOT, "| %d ms × 3 | %s | %d (%d / %d) | %d | %d | %d | %d |", ms, p.describe(), ours + theirs, ours, theirs,
                    resets, gcs, longest, longPauses);
        }
    }

    // ---- shared ----

    static Bird startBird(Netns rtr, boolean withBfd) {
        return startBird(rtr, withBfd, 100);
    }

    static Bird startBird(Netns rtr, boolean withBfd, int bfdMs) {
        BirdConfig c = BirdConfig.router(BIRD, BIRD_AS)
                .withPeer(Peer.of(PROXIMA, PROXIMA_AS).withPassive(true).withBfd(withBfd).withTimers(new Timers(HOLD, KEEPALIVE, 1)));
        if (withBfd) c = c.withBfd(BfdConfig.timers(bfdMs, bfdMs, MULT));
        return Bird.start(rtr, "bird", c);
    }

    /**
     * The Proxima JVM, with {@code gc} as its collector: like {@link JavaChild#command} (same JDK and
     * class path), but the collector is the benchmark's choice, which JavaChild's fixed launcher
     * options would contradict.
     */
    static DaemonProcess startNode(Lab lab, Netns spk, int bfdMs, String gc, int liveMb, int allocMbPerS, int pressureAfter) {
        Path log = lab.instanceDir("proxima").resolve("proxima.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), gc,
                "-cp", System.getProperty("java.class.path"), BfdNode.class.getName(), PROXIMA, BIRD, Long.toString(PROXIMA_AS),
                Long.toString(BIRD_AS), Integer.toString(HOLD), ROUTE, Integer.toString(bfdMs), Integer.toString(MULT),
                Integer.toString(liveMb), Integer.toString(allocMbPerS), Integer.toString(pressureAfter)));
        return spk.spawn("spk:proxima", cmd, Map.of(), null, log);
    }

    static void awaitUp(Netns rtr, Bird bird, boolean withBfd, DaemonProcess node) throws InterruptedException {
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (rtr.fib(ROUTE).isEmpty() || (withBfd && !bird.bfdSession(PROXIMA).map(s -> s.up()).orElse(false))) {
            if (!node.alive()) throw new IllegalStateException("Proxima exited: " + node.logTail());
            if (System.nanoTime() > deadline) throw new IllegalStateException("not up within " + UP_TIMEOUT + ": " + node.logTail());
            Thread.sleep(POLL.toMillis());
        }
    }

    static Long awaitValue(Path log, String keyword, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Long v;
        while ((v = ChildLog.firstValue(log, keyword)) == null) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no " + keyword + " line in " + log);
            Thread.sleep(POLL.toMillis());
        }
        return v;
    }

    /** The epoch µs of the first {@code Deleted ROUTE} line of {@code ip -ts monitor route}: {@code [2026-11-26T14:09:34.307294] Deleted …}. */
    static Long deletedAt(Path monitor) throws IOException {
        String host = ROUTE.substring(0, ROUTE.indexOf('/'));
        for (String l : Files.readAllLines(monitor)) {
            if (!l.contains("Deleted " + host) || !l.startsWith("[")) continue;
            LocalDateTime t = LocalDateTime.parse(l.substring(1, l.indexOf(']')));
            return Clock.epochMicros(t.atZone(ZoneId.systemDefault()).toInstant());
        }
        return null;
    }

    static void log(String format, Object... args) {
        AnnounceBenchmark.log(format, args);
    }
}
