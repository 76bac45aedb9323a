package io.proxima.bench;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.labkit.ExaBgp;
import io.proxima.labkit.ExaBgpConfig;
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
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark 1 (bench/announce-100k.sh): 100,000 distinct /32s from 198.18.0.0/15 announced over one
 * eBGP session to BIRD 2, by Proxima, GoBGP and ExaBGP in turn, each repetition with fresh
 * namespaces and processes. The figure is the time from the session reaching Established (BIRD's
 * own timestamp) to the first poll at which BIRD holds all 100,000 routes; BIRD's newest route
 * timestamp gives the same interval without the 10 ms polling step.
 *
 * <p>Topology: namespace {@code spk} (the speaker, 203.0.113.2, AS 64500) — veth — namespace
 * {@code bird} (203.0.113.1, AS 64510, {@code import all; export none}, no kernel protocol).
 * How each speaker holds the routes before the session: Proxima is given them before the peer is
 * added (a fresh JVM per repetition, as a daemon starts); GoBGP gets them by {@code gobgp mrt inject
 * global} of a TABLE_DUMP_V2 file written by {@link TableDumpV2Writer}, and BIRD is started only
 * once GoBGP's RIB holds them all; ExaBGP has them as {@code static} routes in its config.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.proxima.bench.AnnounceBenchmark [RUNS] [ROUTES] [SPEAKERS]
 * </pre>
 * SPEAKERS is a comma-separated subset of {@code proxima,gobgp,exabgp} (default: all).
 */
public final class AnnounceBenchmark {

    static final long SPEAKER_AS = 64500;
    static final long BIRD_AS = 64510;
    static final String SPEAKER = "203.0.113.2";
    static final String BIRD = "203.0.113.1";
    /** Long enough that no keepalive matters during a run; the session never waits on it. */
    static final int HOLD = 90;
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(60);
    static final Duration FILL_TIMEOUT = Duration.ofSeconds(120);
    static final Duration INJECT_TIMEOUT = Duration.ofMinutes(5);
    static final List<String> SPEAKERS = List.of("Proxima", "GoBGP", "ExaBGP");

    /**
     * One repetition's figures for one speaker.
     *
     * @param seconds          Established to the first poll that saw every route
     * @param birdClockSeconds Established to the newest route's import time (BIRD's clock)
     * @param firstRouteSeconds Established to the oldest route's import time: the speaker's lead time
     * @param speakerSeesEstablishedOffset Proxima only: its own Established log line minus BIRD's
     * @param loopFreeSeconds   Proxima only: Established (BIRD's) to the moment Proxima's event loop
     *                          had encoded the whole table and was free again
     */
    record Trial(double seconds, double birdClockSeconds, double firstRouteSeconds, Double speakerSeesEstablishedOffset,
                 Double loopFreeSeconds) { }

    private AnnounceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int routes = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<String> speakers = new ArrayList<>();
        for (String s : SPEAKERS) {
            if (args.length <= 2 || List.of(args[2].toLowerCase(Locale.ROOT).split(",")).contains(s.toLowerCase(Locale.ROOT))) speakers.add(s);
        }
        if (speakers.isEmpty()) throw new IllegalArgumentException("no known speaker in " + args[2] + "; use proxima,gobgp,exabgp");
        Optional<String> missing = LabSupport.unavailable("bird", "gobgpd", "gobgp", "exabgp");
        if (missing.isPresent()) {
            System.err.println("announce benchmark: " + missing.get());
            System.exit(2);
        }
        List<Prefix> prefixes = BenchPrefixes.hosts(routes);
        Map<String, Samples> times = new LinkedHashMap<>();
        Map<String, Samples> birdClock = new LinkedHashMap<>();
        Map<String, Samples> firstRoute = new LinkedHashMap<>();
        Samples loopFree = new Samples();
        for (String s : speakers) {
            times.put(s, new Samples());
            birdClock.put(s, new Samples());
            firstRoute.put(s, new Samples());
        }
        for (int run = 1; run <= runs; run++) {
            for (String speaker : speakers) {
                log("run %d/%d: %s announces %,d routes", run, runs, speaker, routes);
                try {
                    Trial t = trial(speaker, prefixes);
                    times.get(speaker).add(t.seconds());
                    birdClock.get(speaker).add(t.birdClockSeconds());
                    firstRoute.get(speaker).add(t.firstRouteSeconds());
                    if (t.loopFreeSeconds() != null) loopFree.add(t.loopFreeSeconds());
                    log("  %s: %.3f s (BIRD's clock %.3f s, first route after %.3f s)%s", speaker, t.seconds(), t.birdClockSeconds(), t.firstRouteSeconds(),
                            t.speakerSeesEstablishedOffset() == null ? ""
                                    : String.format(Locale.ROOT, "; Proxima logged Established %+.1f ms from BIRD", t.speakerSeesEstablishedOffset() * 1000));
                } catch (Exception e) {
                    times.get(speaker).fail("run " + run + ": " + e.getMessage());
                    log("  %s FAILED: %s", speaker, e);
                }
            }
        }
        print(routes, runs, times, birdClock, firstRoute);
        if (!loopFree.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nProxima's event loop had encoded and queued the whole table %s s after Established (median (min–max)):"
                    + " it computes the whole table (export and diff) first, then encodes the UPDATEs and flushes every 16 of them.%n", loopFree.format(3));
        }
    }

    static Trial trial(String speaker, List<Prefix> prefixes) throws Exception {
        try (Lab lab = Lab.create()) {
            Netns spk = lab.netns("spk");
            Netns rtr = lab.netns("bird");
            lab.link(spk, "eth-b", rtr, "eth-s").ipv4(SPEAKER + "/30", BIRD + "/30").up();
            Path proximaLog = null;
            BirdSink bird;
            CompletableFuture<BirdWatch.Fill> watch;
            switch (speaker) {
                case "Proxima" -> {
                    bird = BirdSink.start(rtr, "bird", BIRD, BIRD_AS, SPEAKER, SPEAKER_AS, HOLD, true);
                    watch = BirdWatch.watch(bird, prefixes.size(), SESSION_TIMEOUT, FILL_TIMEOUT);
                    proximaLog = lab.instanceDir("proxima").resolve("proxima.log");
                    spk.spawn(proximaLog, JavaChild.command(ProximaAnnouncer.class, List.of(),
                            Long.toString(SPEAKER_AS), SPEAKER, SPEAKER, BIRD, Long.toString(BIRD_AS),
                            Integer.toString(HOLD), Integer.toString(prefixes.size())));
                }
                case "GoBGP" -> {
                    GoBgp g = GoBgp.start(spk, "gobgp", GoBgpConfig.speaker(SPEAKER, SPEAKER_AS)
                            .withPeer(Peer.of(BIRD, BIRD_AS).withPassive(true).withTimers(new Timers(HOLD, HOLD / 3, 1))));
                    Path mrt = g.dir().resolve("routes.mrt");
                    TableDumpV2Writer.write(mrt, IpAddress.parse(SPEAKER), SPEAKER_AS, IpAddress.parse(SPEAKER), prefixes,
                            GoBgpRib.injectPadding(prefixes.size()));
                    GoBgpRib.inject(g, mrt, prefixes.size(), INJECT_TIMEOUT);
                    // Only now may BIRD connect: GoBGP announces from its RIB at Established.
                    bird = BirdSink.start(rtr, "bird", BIRD, BIRD_AS, SPEAKER, SPEAKER_AS, HOLD, false);
                    watch = BirdWatch.watch(bird, prefixes.size(), SESSION_TIMEOUT, FILL_TIMEOUT);
                }
                case "ExaBGP" -> {
                    bird = BirdSink.start(rtr, "bird", BIRD, BIRD_AS, SPEAKER, SPEAKER_AS, HOLD, true);
                    // Watch from now: ExaBgp.start returns only once its API answers, which can be after Established.
                    watch = BirdWatch.watch(bird, prefixes.size(), SESSION_TIMEOUT, FILL_TIMEOUT);
                    List<String> statics = new ArrayList<>(prefixes.size());
                    for (Prefix p : prefixes) statics.add(p + " next-hop self");
                    // The record's constructor takes the list at once; withStaticRoute copies it per route.
                    ExaBgpConfig cfg = new ExaBgpConfig(SPEAKER, SPEAKER_AS,
                            List.of(Peer.of(BIRD, BIRD_AS).withLocalAddress(SPEAKER).withTimers(new Timers(HOLD, HOLD / 3, 1))), statics);
                    ExaBgp.start(spk, "exabgp", cfg);
                }
                default -> throw new IllegalArgumentException(speaker);
            }
            try {
                BirdWatch.Fill f = BirdWatch.await(watch);
                if (f.allHeld() == null) throw new IllegalStateException("BIRD held " + f.lastImported() + " routes after " + FILL_TIMEOUT.toSeconds() + " s");
                BirdWatch.Imports imports = BirdWatch.imports(bird);
                double birdSeconds = seconds(f.established(), imports.last());
                double firstRoute = seconds(f.established(), imports.first());
                Double offset = null, loopFree = null;
                if (proximaLog != null) {
                    Long up = ChildLog.firstValue(proximaLog, "ESTABLISHED");
                    if (up != null) offset = (up - Clock.epochMicros(f.established())) / 1e6;
                    Long queued = ChildLog.firstValue(proximaLog, "QUEUED");
                    if (queued != null) {
                        loopFree = (queued - Clock.epochMicros(f.established())) / 1e6;
                        log("  Proxima's event loop was free again %.3f s after BIRD's Established (%s)", loopFree,
                                ChildLog.firstLine(proximaLog, "QUEUED"));
                    }
                }
                long held = bird.protocol().imported();
                if (held != prefixes.size()) throw new IllegalStateException("BIRD holds " + held + " routes, expected " + prefixes.size());
                return new Trial(f.seconds(), birdSeconds, firstRoute, offset, loopFree);
            } finally {
                bird.close();
            }
        }
    }

    private static double seconds(Instant from, Instant to) {
        return (Clock.epochMicros(to) - Clock.epochMicros(from)) / 1e6;
    }

    private static void print(int routes, int runs, Map<String, Samples> times, Map<String, Samples> birdClock,
                              Map<String, Samples> firstRoute) {
        Samples proxima = times.getOrDefault("Proxima", new Samples());
        System.out.println();
        System.out.printf(Locale.ROOT, "Announce %,d /32s (198.18.0.0/15) to BIRD %s (import all, export none, no kernel protocol) by Proxima (JDK %s, %s),"
                + " GoBGP %s and ExaBGP %s; %d runs each, speakers interleaved, fresh namespaces and processes per run.%n",
                routes, Versions.bird(), Versions.java(), String.join(" ", JavaChild.options()), Versions.gobgp(), Versions.exabgp(), runs);
        System.out.println("Time from Established (BIRD's timestamp) to the first 10 ms poll at which BIRD holds all routes; median (min–max).");
        System.out.println();
        System.out.println("| speaker | time to all " + String.format(Locale.ROOT, "%,d", routes)
                + " at BIRD, s | ratio vs Proxima (medians) | same, by BIRD's route timestamps, s | first route at BIRD after, s |");
        System.out.println("|---|---|---|---|---|");
        for (String s : times.keySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", s, times.get(s).format(3), times.get(s).ratioTo(proxima),
                    birdClock.get(s).format(3), firstRoute.get(s).format(3));
        }
        double fastestOther = Double.MAX_VALUE;
        String fastest = null;
        for (String s : times.keySet()) {
            if (s.equals("Proxima") || times.get(s).isEmpty()) continue;
            if (times.get(s).median() < fastestOther) {
                fastestOther = times.get(s).median();
                fastest = s;
            }
        }
        System.out.println();
        for (String s : times.keySet()) System.out.println("raw " + s + ": " + times.get(s).raw(3) + " s");
        for (String s : times.keySet()) for (String f : times.get(s).failures()) System.out.println("FAILED " + s + " " + f);
        if (fastest != null && !proxima.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nGoal (Proxima faster than the fastest other speaker, %s): %s (%.3f s vs %.3f s).%n", fastest,
                    proxima.median() < fastestOther ? "met" : "NOT met", proxima.median(), fastestOther);
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(new java.util.Date(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
