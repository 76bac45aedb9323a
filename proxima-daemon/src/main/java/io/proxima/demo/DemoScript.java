package io.proxima.demo;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.speaker.PeerSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code proxima demo} shows: the catchment, a service death and the failover with measured
 * times, the service's return, and a drain. Every figure is measured in this run: the withdraw's
 * moment from the site's event log, the traffic's move from the clients' probes.
 */
final class DemoScript {

    /** How long any one step may take before the demo gives up and says so. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    static final Duration POLL = Duration.ofMillis(5);
    /** Consecutive probes answered by one site that make a client's catchment settled: 200 ms of them. */
    static final int SETTLED = 20;
    static final Duration STEADY = Duration.ofSeconds(1);

    private final Demo demo;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    final List<String[]> summary = new ArrayList<>();

    DemoScript(Demo demo, PrintStream out) {
        this.demo = demo;
        this.out = out;
    }

    void banner() {
        out.println("proxima demo: anycast " + Demo.ANYCAST + " from 4 sites behind 4 routers, all in this JVM (no root needed)");
        out.println("  routers: Proxima's own BGP speaker in router mode (decision process, Loc-RIB), eBGP over 127.0.1.1-4, in a ring");
        out.println("  sites:   a proxima daemon and a DNS responder on 127.0.2.1-4; each checks its own responder");
        out.println("           (CHAOS TXT id.server every " + Demo.INTERVAL.toMillis() + " ms, fall " + Demo.FALL + ", rise " + Demo.RISE + ")");
        out.println("  clients: ask id.server every " + Demo.PROBE_EVERY.toMillis() + " ms at the site their router's best path leads to");
        out.println("           (forwarding is simulated by following the routers' best paths; the BGP and the DNS queries are real)");
        out.println();
    }

    /** Waits until every client is answered, then prints who reaches whom. */
    boolean catchment() throws InterruptedException {
        step("starting 4 routers, 4 sites, 4 clients");
        // Ready: every site has announced, and each client's last probes were all answered by one site.
        Optional<Duration> ready = await(() -> demo.sites.stream().allMatch(s -> demo.announceWritten(s, Instant.EPOCH).isPresent()
                && steady(s)) && demo.clients.stream().allMatch(DemoScript::settled));
        if (ready.isEmpty()) {
            step("not every client got an answer within " + STEP_TIMEOUT.toSeconds() + " s; giving up");
            return false;
        }
        step("every client is answered; the catchment:");
        out.println();
        out.printf(Locale.ROOT, "  %-9s %-9s %-16s %s%n", "client", "router", "AS path", "answered by");
        for (Demo.ClientProbe c : demo.clients) {
            out.printf(Locale.ROOT, "  %-9s %-9s %-16s %s%n", "client-" + c.index, "router-" + c.index, demo.path(c.index), c.current());
        }
        out.println();
        return true;
    }

    /** Kills a site's DNS service and measures the failover of the clients it served. */
    boolean serviceDeath(Demo.Site site) throws InterruptedException {
        List<Demo.ClientProbe> served = servedBy(site);
        step("killing " + site.name() + "'s DNS service (clients on it: " + names(served) + ")");
        Instant killed = Instant.now();
        demo.kill(site);
        Optional<Instant> written = awaitValue(() -> demo.withdrawWritten(site, killed));
        Optional<Duration> moved = await(() -> served.stream().allMatch(c -> answeredElsewhere(c, site, killed)));
        if (written.isEmpty() || moved.isEmpty()) {
            step("the failover did not complete within " + STEP_TIMEOUT.toSeconds() + " s");
            return false;
        }
        long wire = Duration.between(killed, written.get()).toMillis();
        out.printf(Locale.ROOT, "    %s's withdraw was on the wire %d ms after the kill (its event log)%n", site.name(), wire);
        for (Demo.ClientProbe c : served) {
            Move m = move(c, site, killed);
            out.printf(Locale.ROOT, "    %s moved to %s %d ms after the kill; %d probes unanswered (each waits %d ms), no answer for %d ms%n",
                    "client-" + c.index, m.to, m.afterMs, m.lost, Demo.PROBE_TIMEOUT.toMillis(), m.gapMs);
            summary.add(new String[] {"service death at " + site.name(), "client-" + c.index + " → " + m.to, wire + " ms", m.afterMs + " ms", Integer.toString(m.lost)});
        }
        return true;
    }

    boolean restore(Demo.Site site, List<Demo.ClientProbe> clients) throws InterruptedException {
        step("restoring " + site.name() + "'s DNS service");
        Instant at = Instant.now();
        demo.restore(site);
        Optional<Instant> announced = awaitValue(() -> demo.announceWritten(site, at));
        Optional<Duration> back = await(() -> clients.stream().allMatch(c -> site.name().equals(c.current())));
        if (announced.isEmpty() || back.isEmpty()) {
            step(site.name() + " did not come back within " + STEP_TIMEOUT.toSeconds() + " s; where things stand:");
            status();
            site.daemon.checks().values().forEach(c -> out.println("    check " + c.check() + ": " + c.state() + ", " + c.reason()));
            return false;
        }
        out.printf(Locale.ROOT, "    %s announced again %d ms after the restore (its checks rise: %d passes, %d ms apart); %s back on it %d ms after the restore%n",
                site.name(), Duration.between(at, announced.get()).toMillis(), Demo.RISE, Demo.INTERVAL.toMillis(), names(clients),
                Duration.between(at, Instant.now()).toMillis());
        return true;
    }

    boolean drain(Demo.Site site) throws Exception {
        List<Demo.ClientProbe> served = servedBy(site);
        step("draining " + site.name() + ": GRACEFUL_SHUTDOWN (65535:0) for " + Demo.DRAIN.toMillis() + " ms, then withdraw; its session stays up");
        Instant at = Instant.now();
        long upBefore = establishedCount(site);
        site.daemon.drain(List.of()).get();
        Optional<Duration> moved = await(() -> served.stream().allMatch(c -> answeredElsewhere(c, site, at)));
        if (moved.isEmpty()) {
            step("the drain did not move the clients within " + STEP_TIMEOUT.toSeconds() + " s");
            return false;
        }
        for (Demo.ClientProbe c : served) {
            Move m = move(c, site, at);
            out.printf(Locale.ROOT, "    %s moved to %s %d ms after the drain; %d probes unanswered%n", "client-" + c.index, m.to, m.afterMs, m.lost);
            summary.add(new String[] {"drain of " + site.name(), "client-" + c.index + " → " + m.to, "-", m.afterMs + " ms", Integer.toString(m.lost)});
        }
        PeerSnapshot p = demo.routers.get(site.index - 1).speaker().peer(site.address);
        out.printf(Locale.ROOT, "    router-%d's session to %s: %s, established %d time(s) before and after%n", site.index, site.name(),
                p.state(), upBefore);
        if (p.state() != State.ESTABLISHED || p.establishedTransitions() != upBefore) {
            step("the drain reset the BGP session: that is a bug");
            return false;
        }
        site.daemon.undrain(List.of()).get();
        Instant un = Instant.now();
        Optional<Duration> back = await(() -> served.stream().allMatch(c -> site.name().equals(c.current())));
        if (back.isEmpty()) return false;
        out.printf(Locale.ROOT, "    undrained: %s back on %s %d ms later%n", names(served), site.name(), Duration.between(un, Instant.now()).toMillis());
        return true;
    }

    void summary() {
        out.println();
        out.println("Summary (measured in this run):");
        out.println();
        out.println("| event | traffic | withdraw on the wire | traffic moved | probes unanswered |");
        out.println("|---|---|---|---|---|");
        for (String[] r : summary) out.println("| " + String.join(" | ", r) + " |");
        out.println();
        out.println("Every site's checks: interval " + Demo.INTERVAL.toMillis() + " ms, timeout " + Demo.TIMEOUT.toMillis() + " ms, fall "
                + Demo.FALL + ": the withdraw goes out within fall × interval + timeout = "
                + (Demo.FALL * Demo.INTERVAL.toMillis() + Demo.TIMEOUT.toMillis()) + " ms of the service's death, plus the time to write it.");
    }

    /** Reads commands until {@code quit}: kill N, restore N, drain N, undrain N, status. */
    void interactive(BufferedReader in) throws Exception {
        out.println("commands: kill N | restore N | drain N | undrain N | status | quit   (N = 1..4)");
        for (String line; (line = prompt(in)) != null; ) {
            String[] w = line.strip().split("\\s+");
            if (w[0].isEmpty()) continue;
            if (w[0].equals("quit") || w[0].equals("exit")) return;
            if (w[0].equals("status")) {
                status();
                continue;
            }
            Demo.Site s = w.length == 2 ? site(w[1]) : null;
            if (s == null) {
                out.println("usage: kill N | restore N | drain N | undrain N | status | quit");
                continue;
            }
            switch (w[0]) {
                case "kill" -> serviceDeath(s);
                case "restore" -> restore(s, List.of());
                case "drain" -> s.daemon.drain(List.of()).get();
                case "undrain" -> s.daemon.undrain(List.of()).get();
                default -> out.println("unknown command " + w[0]);
            }
            status();
        }
    }

    private String prompt(BufferedReader in) throws IOException {
        out.print("demo> ");
        out.flush();
        return in.readLine();
    }

    void status() {
        for (Demo.ClientProbe c : demo.clients) {
            out.printf(Locale.ROOT, "  client-%d → %s (AS path %s)%n", c.index, c.current(), demo.path(c.index));
        }
        for (Demo.Site s : demo.sites) {
            var plan = s.daemon.status().plan().service("dns");
            out.printf(Locale.ROOT, "  %s: service %s, %s%n", s.name(), s.serving() ? "running" : "dead",
                    plan.map(p -> p.state() + " (" + p.why() + ")").orElse("starting"));
        }
    }

    private Demo.Site site(String n) {
        try {
            int i = Integer.parseInt(n);
            return i >= 1 && i <= Demo.SIZE ? demo.sites.get(i - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- measuring ----

    record Move(String to, long afterMs, int lost, long gapMs) { }

    /** The first probe after {@code since} answered by another site, and the unanswered ones before it. */
    private static Move move(Demo.ClientProbe c, Demo.Site from, Instant since) {
        int lost = 0;
        Instant lastAnswer = since;
        for (Demo.ClientProbe.Sample s : c.since(since)) {
            if (s.site() == null) {
                lost++;
                continue;
            }
            if (!s.site().equals(from.name())) {
                return new Move(s.site(), Duration.between(since, s.at()).toMillis(), lost, Duration.between(lastAnswer, s.at()).toMillis());
            }
            lastAnswer = s.at();
        }
        return new Move("?", -1, lost, -1);
    }

    /** The site's check has been UP for {@link #STEADY}: a cold start's missed probes are behind us. */
    private static boolean steady(Demo.Site s) {
        return s.daemon.checks().values().stream().allMatch(c -> c.state() == io.proxima.health.engine.CheckState.UP
                && System.nanoTime() - c.since() > STEADY.toNanos());
    }

    /** The client's last {@link #SETTLED} probes were all answered, by the same site. */
    private static boolean settled(Demo.ClientProbe c) {
        List<Demo.ClientProbe.Sample> all = c.samples;
        int n = all.size();
        if (n < SETTLED) return false;
        String site = all.get(n - 1).site();
        if (site == null) return false;
        for (int i = n - SETTLED; i < n; i++) if (!site.equals(all.get(i).site())) return false;
        return true;
    }

    private static boolean answeredElsewhere(Demo.ClientProbe c, Demo.Site from, Instant since) {
        for (Demo.ClientProbe.Sample s : c.since(since)) if (s.site() != null && !s.site().equals(from.name())) return true;
        return false;
    }

    List<Demo.ClientProbe> servedBy(Demo.Site site) {
        return demo.clients.stream().filter(c -> site.name().equals(c.current())).toList();
    }

    private long establishedCount(Demo.Site site) {
        PeerSnapshot p = demo.routers.get(site.index - 1).speaker().peer(site.address);
        return p == null ? 0 : p.establishedTransitions();
    }

    private static String names(List<Demo.ClientProbe> cs) {
        return cs.isEmpty() ? "none" : String.join(", ", cs.stream().map(c -> "client-" + c.index).toList());
    }

    private void step(String what) {
        out.printf(Locale.ROOT, "[%5.2f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static Optional<Duration> await(Supplier<Boolean> done) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < STEP_TIMEOUT.toNanos()) {
            if (done.get()) return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }

    private static <T> Optional<T> awaitValue(Supplier<Optional<T>> probe) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < STEP_TIMEOUT.toNanos()) {
            Optional<T> v = probe.get();
            if (v.isPresent()) return v;
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }
}
