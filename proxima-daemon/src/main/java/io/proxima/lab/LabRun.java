package io.proxima.lab;

import io.proxima.labkit.Await;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabException;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Builds the lab, waits for the catchment, then runs each scenario against one site and measures.
 * Scenario k breaks site ((k - 1) mod 4) + 1, so a full run breaks every site, behind both kinds
 * of router with {@code --routers mixed}. Every wait is for a condition, with a named limit.
 */
final class LabRun {

    /** Routers, 4 JVMs and 4 probes on two cores: the first catchment can take a while. */
    static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(90);
    /** How long the traffic may take to move before the scenario counts as failed. */
    static final Duration MOVE_TIMEOUT = Duration.ofSeconds(20);
    /** How long a restored site may take to win its clients back (a restarted JVM included). */
    static final Duration RETURN_TIMEOUT = Duration.ofSeconds(60);
    /** A client is steady on a site after this many answers in a row from it (200 ms). */
    static final int STEADY_PROBES = 20;
    /** Answers from the new site a moved client collects before the scenario is measured (500 ms). */
    static final int OBSERVE_PROBES = 50;
    /** Routers and the wire take a moment to act on a withdraw: answers within this are not "late". */
    static final Duration LATE_GRACE = Duration.ofMillis(100);

    /** Who answers a client, and the AS path its router chose. */
    record CatchmentRow(String client, String router, String asPath, String site) { }

    /** The IPv4 probes of a site's clients while its IPv6 service was broken (the ipv6 scenario). */
    record OtherFamily(long probes, long answeredBySite, long answeredElsewhere, long lost) { }

    /** A moment on the timeline. */
    record Mark(Instant at, String label) { }

    /** One affected client's figures. {@code moved} is null if its traffic never moved. */
    record ClientResult(String client, String movedTo, Duration moved, long lost) { }

    /**
     * One scenario. {@code what}: the fault, in words. {@code withdraw}: event → withdraw on the wire, if the node sent one.
     * {@code lateAnswers}: probes (any client) answered by the broken site, sent after its route
     * should have been gone. {@code back}: restore → its clients steady on it again. {@code
     * otherWithdraws}: withdraws by the healthy sites meanwhile (their checks timing out under load).
     * {@code ipv4}: for the ipv6 scenario, what the same clients' IPv4 probes saw meanwhile; none
     * may have been answered by another site.
     */
    record Result(Scenario scenario, String what, String announcer, Instant at, String site, String router, Optional<Duration> withdraw,
                  List<ClientResult> clients, long lateAnswers, Duration routeGoneBy, Optional<Duration> back, long otherWithdraws, String failure, Profile profile,
                  Optional<OtherFamily> ipv4) {
        boolean ok() {
            return failure == null && lateAnswers == 0 && clients.stream().allMatch(c -> c.moved() != null)
                    && ipv4.map(f -> f.answeredElsewhere() == 0).orElse(true);
        }
    }

    final String routers;
    /** The check timings every site starts with ({@code --profile}). */
    final Profile profile;
    final Lab lab;
    final PrintStream progress;
    final List<Site> sites = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Mark> marks = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    final List<CatchmentRow> catchmentRows = new ArrayList<>();
    /** Each client's IPv6 probe (client-i v6, in client i's namespace), its catchment and rows. */
    final List<Client> clients6 = new ArrayList<>();
    final List<CatchmentRow> catchmentRows6 = new ArrayList<>();
    Map<Client, String> catchment6 = Map.of();
    /** The ecmp scenario's results and its TCP session probes (for the report and the timeline). */
    final List<Ecmp.Result> ecmpResults = new ArrayList<>();
    final List<SessionProbe> sessionProbes = new ArrayList<>();
    Topology topology;
    Instant started;
    Map<Client, String> catchment = Map.of();
    String loadBefore = "?";
    List<Duration> probeCpu = List.of();
    List<Duration> siteCpu = List.of();
    Duration cpuWindow = Duration.ZERO;
    /** The random pauses before the faults come from this seed, printed at the start. */
    final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    LabRun(Lab lab, String routers, PrintStream progress) {
        this(lab, routers, Profile.TUNED, progress);
    }

    LabRun(Lab lab, String routers, Profile profile, PrintStream progress) {
        this.lab = lab;
        this.routers = routers;
        this.profile = profile;
        this.progress = progress;
    }

    void setUp() {
        started = Instant.now();
        loadBefore = loadAverage();
        say("wiring 12 namespaces: 4 routers (%s) in a ring, 4 sites, 4 clients; random pauses from seed %d", routers, seed);
        topology = Topology.wire(lab);
        topology.startRouters(routers);
        say("routers up: %s", String.join(", ", topology.routers.stream().map(Topology.Router::label).toList()));
        for (int i = 1; i <= Topology.SIZE; i++) {
            Topology.Router r = topology.routers.get(i - 1);
            sites.add(new Site(i, topology.siteNs.get(i - 1), r, lab, profile));
            clients.add(new Client(i, topology.clientNs.get(i - 1), r, lab.dir()));
            clients6.add(Client.ipv6(i, topology.clientNs.get(i - 1), r, lab.dir()));
        }
        // the sites first: 8 JVMs starting at once on two cores time their own checks out
        sites.forEach(Site::start);
        sites.forEach(Site::awaitApi);
        say("4 proxima run JVMs answer their API; waiting for each to announce %s and %s", Topology.ANYCAST, Topology.ANYCAST6);
        Await.until(CONVERGE_TIMEOUT, () -> sites.stream().allMatch(s -> s.announced() && s.announced(Topology.ANYCAST6)),
                () -> "every site announced; not yet: " + sites.stream().filter(s -> !s.announced() || !s.announced(Topology.ANYCAST6))
                        .map(Site::name).toList());
        say("every site announces; starting the 8 probes (IPv4 and IPv6), waiting for every client to be answered steadily");
        clients.forEach(Client::start);
        clients6.forEach(Client::start);
        Map<Client, String> home = new LinkedHashMap<>();
        clients.forEach(c -> home.put(c, "site-" + c.index));
        catchment = awaitSteady(CONVERGE_TIMEOUT, home);
        Map<Client, String> home6 = new LinkedHashMap<>();
        clients6.forEach(c -> home6.put(c, "site-" + c.index));
        catchment6 = awaitSteady(clients6, CONVERGE_TIMEOUT, home6);
        marks.add(new Mark(Instant.now(), "catchment"));
        for (Client c : clients) catchmentRows.add(catchmentRow(c, catchment));
        for (Client c : clients6) catchmentRows6.add(catchmentRow(c, catchment6));
        say("catchment: %s", catchment.entrySet().stream().map(e -> e.getKey().name() + " → " + e.getValue()).toList());
        say("catchment over IPv6: %s", catchment6.entrySet().stream().map(e -> e.getKey().name() + " → " + e.getValue()).toList());
    }

    /** The client's router's best AS path for the anycast prefix of the client's family, and who answers. */
    private static CatchmentRow catchmentRow(Client c, Map<Client, String> catchment) {
        String path = c.router.daemon().routes(c.anycastPrefix()).stream().filter(io.proxima.labkit.Route::best).findFirst()
                .map(r -> String.join(" ", r.asPath().stream().map(String::valueOf).toList())).orElse("?");
        return new CatchmentRow(c.name(), c.router.label(), path, catchment.get(c));
    }

    /** Waits until every client is steady; with {@code expected}, on that site. */
    Map<Client, String> awaitSteady(Duration timeout, Map<Client, String> expected) {
        return awaitSteady(clients, timeout, expected);
    }

    /** The same for {@code probes} (the IPv4 clients, or the IPv6 ones). */
    Map<Client, String> awaitSteady(List<Client> probes, Duration timeout, Map<Client, String> expected) {
        // the sites are read once, when the condition holds: a probe lost a moment later must not
        // turn a steady client into an unsteady one between the check and the answer
        AtomicReference<Map<Client, String>> steady = new AtomicReference<>();
        Await.until(timeout, () -> {
            Map<Client, String> now = new LinkedHashMap<>();
            for (Client c : probes) {
                Optional<String> s = c.steadyOn(STEADY_PROBES);
                if (s.isEmpty() || expected != null && !s.get().equals(expected.get(c))) return false;
                now.put(c, s.get());
            }
            steady.set(now);
            return true;
        }, () -> "every client answered steadily" + (expected == null ? "" : " as before") + "; now "
                + probes.stream().map(c -> c.name() + ": " + c.steadyOn(STEADY_PROBES).orElse("(unsteady)")).toList());
        return steady.get();
    }

    static final String PROXIMA = "proxima";

    Result run(Scenario scenario, Site victim) {
        return run(scenario, victim, PROXIMA, victim.profile());
    }

    /**
     * {@code announcer}: what announces the site's route, Proxima or (--compare) ExaBGP's healthcheck;
     * {@code profile}: the check timings it runs with.
     */
    Result run(Scenario scenario, Site victim, String announcer, Profile profile) {
        return run(scenario, victim, announcer, profile, Fault.of(scenario, victim));
    }

    Result run(Scenario scenario, Site victim, String announcer, Profile profile, Fault fault) {
        // the IPv6 scenario is measured on the IPv6 probes; the scenarios before it waited only for the IPv4 ones to return
        List<Client> probes = scenario.ipv6() ? clients6 : clients;
        Map<Client, String> homes = scenario.ipv6() ? catchment6 : catchment;
        if (scenario.ipv6()) awaitSteady(probes, RETURN_TIMEOUT, homes);
        List<Client> affected = probes.stream().filter(c -> victim.name().equals(homes.get(c))).toList();
        say("%s%s at %s behind %s, checks %s: %s (its clients: %s)", scenario.id, announcer.equals(PROXIMA) ? "" : " with " + announcer, victim.name(),
                victim.router.label(), profile, fault.what(), affected.stream().map(Client::name).toList());
        if (affected.isEmpty()) throw new IllegalStateException(victim.name() + " has no clients to move: the catchment is " + homes);
        // A random phase: the site came back a fixed time after its checks rose, so without it every
        // repetition would break the service at about the same point of the check's cycle
        long phase = random.nextLong(profile.cycle(announcer.equals(PROXIMA)).toNanos());
        LockSupport.parkNanos(phase);
        // the event's time is when the command that causes it has returned: the fault is in effect
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) fault.restore().run();
        };
        fault.inject().run();
        try {
            return measureAndRestore(scenario, victim, announcer, profile, fault, restore, probes, homes, affected, Instant.now());
        } catch (RuntimeException | Error e) {
            // a bug between the fault and its restore: leave no site broken behind it
            try {
                restore.run();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** From the event ({@code t0}) on: the traffic moving, the withdraw, late answers; then {@code restore} and the clients' return. */
    private Result measureAndRestore(Scenario scenario, Site victim, String announcer, Profile profile, Fault fault, Runnable restore,
                                     List<Client> probes, Map<Client, String> homes, List<Client> affected, Instant t0) {
        marks.add(new Mark(t0, scenario.id + " " + victim.name() + (announcer.equals(PROXIMA) ? "" : " (exabgp)")
                + (profile == Profile.TUNED ? "" : " " + profile)));
        String failure = null;
        try {
            Await.until(MOVE_TIMEOUT, () -> affected.stream().allMatch(c -> c.firstAnswerNotFrom(victim.name(), t0)
                    .map(m -> c.answeredByOthers(victim.name(), m.sent()) >= OBSERVE_PROBES).orElse(false)),
                    "the traffic of " + victim.name() + "'s clients moved to another site");
        } catch (LabException e) {
            failure = e.getMessage();
        }
        Optional<Instant> withdrawn = Optional.empty();
        if (scenario.withdraws && announcer.equals(PROXIMA)) {
            // a drain (and SIGTERM) first sends GRACEFUL_SHUTDOWN and withdraws later: wait for the withdraw
            try {
                withdrawn = Await.value(MOVE_TIMEOUT, () -> victim.withdrawWritten(scenario.prefix(), t0), Optional::isPresent,
                        victim.name() + "'s withdraw in its event log");
            } catch (LabException e) {
                failure = e.getMessage();
            }
        }
        Instant goneBy = withdrawn.orElse(t0.plus(fault.routeGoneBound())).plus(LATE_GRACE);
        try {
            // watch long enough after the route should have gone to see an answer from the broken site
            Await.until(MOVE_TIMEOUT, () -> probes.stream().allMatch(c -> c.sentSince(goneBy) >= OBSERVE_PROBES),
                    "every client probed for a while after " + victim.name() + "'s route should have gone");
        } catch (LabException e) {
            failure = e.getMessage();
        }
        Instant observed = Instant.now();
        List<ClientResult> rows = new ArrayList<>();
        for (Client c : affected) {
            Optional<Client.Sample> m = c.firstAnswerNotFrom(victim.name(), t0);
            rows.add(new ClientResult(c.name(), m.map(Client.Sample::instance).orElse("-"),
                    m.map(s -> Duration.between(t0, s.sent())).orElse(null), c.lost(t0, m.map(Client.Sample::sent).orElse(observed))));
        }
        long late = probes.stream().mapToLong(c -> c.answeredBy(victim.name(), goneBy, observed)).sum();
        long others = sites.stream().filter(x -> x != victim).mapToLong(x -> x.withdrawsWritten(scenario.prefix(), t0, observed)).sum();
        Optional<OtherFamily> ipv4 = scenario.ipv6() ? Optional.of(ipv4Meanwhile(affected, victim.name(), t0, observed)) : Optional.empty();
        Optional<Duration> withdraw = withdrawn.map(w -> Duration.between(t0, w));
        rows.forEach(r -> say("    %s → %s %s after the event, %d probes lost", r.client(), r.movedTo(), ms(r.moved()), r.lost()));
        say("    withdraw on the wire: %s; answers from %s after its route should have gone: %d",
                withdraw.map(LabRun::ms).orElse(announcer.equals(PROXIMA) ? "- (the router found out)" : "- (not in " + announcer + "'s log)"), victim.name(), late);
        ipv4.ifPresent(f -> say("    meanwhile the same clients' IPv4 probes: %d sent, %d answered by %s, %d by another site, %d lost",
                f.probes(), f.answeredBySite(), victim.name(), f.answeredElsewhere(), f.lost()));

        Instant r0 = Instant.now();
        Optional<Duration> back = Optional.empty();
        restore.run();
        marks.add(new Mark(r0, "restore " + victim.name()));
        try {
            awaitSteady(probes, RETURN_TIMEOUT, homes);
            back = affected.stream().map(c -> c.samples().stream().filter(s -> !s.sent().isBefore(r0) && s.instance().equals(victim.name()))
                    .findFirst().map(s -> Duration.between(r0, s.sent())).orElse(Duration.ZERO)).max(Duration::compareTo);
            say("    restored: %s's clients back on it %s after the restore", victim.name(), back.map(LabRun::ms).orElse("-"));
        } catch (LabException e) {
            failure = (failure == null ? "" : failure + "; ") + e.getMessage();
            say("    not restored: %s", e.getMessage());
        }
        Result r = new Result(scenario, fault.what(), announcer, t0, victim.name(), victim.router.label(), withdraw, rows, late,
                Duration.between(t0, goneBy), back, others, failure, profile, ipv4);
        results.add(r);
        return r;
    }

    /**
     * What the IPv4 probes of the clients whose IPv6 probes were {@code affected} saw in [from, to):
     * the site that lost its IPv6 service must go on answering them.
     */
    private OtherFamily ipv4Meanwhile(List<Client> affected, String site, Instant from, Instant to) {
        long probes = 0, bySite = 0, elsewhere = 0, lost = 0;
        for (Client c6 : affected) {
            for (Client.Sample s : clients.get(c6.index - 1).samples()) {
                if (s.sent().isBefore(from) || !s.sent().isBefore(to)) continue;
                probes++;
                if (!s.answered()) lost++;
                else if (s.instance().equals(site)) bySite++;
                else elsewhere++;
            }
        }
        return new OtherFamily(probes, bySite, elsewhere, lost);
    }

    /** Stops the probes (they print their summaries) and reads the last of their output. */
    void stopClients() {
        probeCpu = Stream.concat(clients.stream(), clients6.stream()).map(c -> cpu(c.process())).toList();
        siteCpu = sites.stream().map(s -> cpu(s.process())).toList();
        cpuWindow = Duration.between(started, Instant.now());
        clients.forEach(Client::stop);
        clients6.forEach(Client::stop);
    }

    /** CPU time of a child so far (a restarted site: of its current JVM only). */
    static Duration cpu(io.proxima.labkit.DaemonProcess p) {
        return p == null ? Duration.ZERO : p.process().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The 1-, 5- and 15-minute load averages: the lab shares two cores with whatever else runs. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String ms(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%d ms", d.toMillis());
    }

    void say(String format, Object... args) {
        double t = started == null ? 0 : Duration.between(started, Instant.now()).toMillis() / 1000.0;
        progress.printf(Locale.ROOT, "[%6.2f s] %s%n", t, String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
