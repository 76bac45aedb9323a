package io.proxima.lab;

import io.proxima.labkit.Lab;
import io.proxima.labkit.LabException;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Timers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code proxima lab}: the anycast picture on real routers in network namespaces, with measured
 * failover (issue #8). Progress goes to stderr, the markdown report to stdout. The lab is torn down
 * on every way out: normally, on a failure, and on Ctrl-C (labkit's shutdown hook).
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Real routers (FRR and/or BIRD) in network namespaces: 4 routers in a ring, 4 sites each running "
            + "'proxima run' with the built-in DNS responder on 198.51.100.75 and BFD, 4 clients each running 'proxima probe' "
            + "every 10 ms; dual stack: the same over IPv6 to 2001:db8:75::53 (service dns6, a second probe per client). "
            + "Prints the catchment, breaks sites one scenario at a time, and reports the failover measured.",
            "Needs root, iproute2, curl, and bird2 and/or frr."},
        footer = {"", "Scenarios: service-death, sigterm, kill, frozen-node, drain, link-down, ecmp, ipv6 (all: every one, in that order).",
            "ecmp drains site-1 so that client-1 has two equal-cost sites, holds 16 TCP DNS sessions to the anycast address "
            + "and 16 to the unicast hand-off, then drains and undrains site-4: which sessions break (ecmp ok: anycast ones "
            + "broke, none of the hand-off ones did, and the TCP sessions landed on both sites).",
            "ipv6 blackholes UDP 53 to 2001:db8:75::53 at a site: measured on the IPv6 probes; the same clients' IPv4 probes "
            + "must stay on that site (ipv6 ok: none answered by another site).",
            "Exit codes: 0 every scenario moved the traffic with no late answer; 1 one did not; 2 usage, or the machine "
            + "cannot run the lab; 3 internal error."})
public final class LabCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final List<String> FRR_BINARIES = List.of("/usr/lib/frr/zebra", "/usr/lib/frr/bgpd", "/usr/lib/frr/bfdd", "vtysh");
    static final List<String> BIRD_BINARIES = List.of("bird", "birdc");
    static final String SVG = "timeline.svg";
    /** The same timeline for the IPv6 probes. */
    static final String SVG6 = "timeline-ipv6.svg";
    /** Enough for medians; a lab repetition takes seconds (tens with ExaBGP's defaults). */
    static final int MAX_REPEAT = 50;

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--routers", paramLabel = "frr|bird|mixed", description = "Which daemons route (default: ${DEFAULT-VALUE}: r1, r3 FRR; r2, r4 BIRD).")
    String routers = "mixed";

    @Option(names = "--scenario", paramLabel = "NAME|all", description = "One scenario, or all (default: ${DEFAULT-VALUE}).")
    String scenario = "all";

    @Option(names = "--compare", paramLabel = "exabgp", description = "Then at site-1, service death for each of --compare-profiles "
            + "and the frozen node: with Proxima, then with ExaBGP's healthcheck at the same cadence in place of Proxima, side by side. "
            + "ExaBGP has no BFD: its frozen node is found by the hold timer, at the least it accepts ("
            + Timers.MIN_HOLD + " s).")
    String compare;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write report.md, " + SVG + " and the IPv6 probes' " + SVG6 + " into DIR.")
    Path report;

    @Option(names = "--profile", paramLabel = "NAME", description = "The sites' check timings: tuned (every 100 ms, timeout 80 ms, "
            + "re-check after 20 ms while changing, fall 2, rise 2), tuned-nofast (the same without the faster re-check), "
            + "defaults (the daemon's: every 500 ms, timeout 250 ms, fall 2, rise 3) or fast (every 20 ms, timeout 10 ms, "
            + "re-check after 1 ms, fall 2, rise 2). Default: ${DEFAULT-VALUE}.")
    String profile = Profile.TUNED.id;

    @Option(names = "--compare-profiles", paramLabel = "NAME,...|all", description = "The profiles --compare runs service death with, "
            + "Proxima and then ExaBGP at the matching healthcheck options (default: ${DEFAULT-VALUE}).")
    String compareProfiles = "all";

    @Option(names = "--repeat", paramLabel = "N", description = "Each scenario, and each announcer and profile of --compare, N times "
            + "(default: ${DEFAULT-VALUE}).")
    int repeat = 1;

    public LabCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (!List.of("frr", "bird", "mixed").contains(routers)) {
            err.println("proxima lab: --routers must be frr, bird or mixed, not '" + routers + "'");
            return USAGE;
        }
        List<Scenario> scenarios;
        try {
            scenarios = Scenario.parse(scenario);
        } catch (IllegalArgumentException e) {
            err.println("proxima lab: " + e.getMessage());
            return USAGE;
        }
        Profile startProfile;
        List<Profile> compared;
        try {
            startProfile = Profile.parse(profile);
            compared = Profile.parseList(compareProfiles);
        } catch (IllegalArgumentException e) {
            err.println("proxima lab: " + e.getMessage());
            return USAGE;
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            err.println("proxima lab: --repeat must be 1.." + MAX_REPEAT + ", not " + repeat);
            return USAGE;
        }
        if (compare != null && !compare.equals("exabgp")) {
            err.println("proxima lab: --compare takes exabgp, not '" + compare + "'");
            return USAGE;
        }
        List<String> needed = new ArrayList<>(binaries(routers));
        if (compare != null) needed.addAll(ExaBgpCompare.BINARIES);
        Optional<String> why = LabSupport.unavailable(needed.toArray(String[]::new));
        if (why.isPresent()) {
            err.println("proxima lab needs root, iproute2, curl and " + (routers.equals("mixed") ? "bird2 and frr" : routers.equals("bird") ? "bird2" : "frr")
                    + (compare != null ? ", and exabgp, nsd and dig for --compare" : "")
                    + " (apt-get install iproute2 curl bird2 frr" + (compare != null ? " exabgp nsd bind9-dnsutils" : "") + "); here: " + why.get());
            return USAGE;
        }
        if (report != null) Files.createDirectories(report);
        return run(scenarios, startProfile, compared);
    }

    static List<String> binaries(String routers) {
        List<String> b = new ArrayList<>(List.of("curl"));
        if (!routers.equals("bird")) b.addAll(FRR_BINARIES);
        if (!routers.equals("frr")) b.addAll(BIRD_BINARIES);
        return b;
    }

    private int run(List<Scenario> scenarios, Profile startProfile, List<Profile> compared) throws IOException {
        Lab lab = Lab.create();
        LabRun run = new LabRun(lab, routers, startProfile, err);
        boolean ok = true;
        RuntimeException bug = null;
        String svg = null;
        String svg6 = null;
        try {
            run.setUp();
            for (int k = 0; k < scenarios.size(); k++) {
                if (scenarios.get(k) == Scenario.ECMP) {
                    for (int n = 0; n < repeat; n++) ok &= Ecmp.run(run).ok(); // several sites: site-1, site-4
                } else {
                    for (int n = 0; n < repeat; n++) ok &= run.run(scenarios.get(k), run.sites.get(k % Topology.SIZE)).ok();
                }
            }
            if (compare != null) {
                for (LabRun.Result r : ExaBgpCompare.run(run, run.sites.get(0), compared, repeat)) {
                    ok &= r.announcer().equals(LabRun.PROXIMA) ? r.ok() : r.failure() == null;
                }
            }
            run.stopClients();
        } catch (LabException | IllegalStateException e) {
            err.println("proxima lab: " + e.getMessage());
            ok = false;
        } catch (RuntimeException e) {
            // a bug: reported as one by Main once what was measured before it has been printed
            bug = e;
        } finally {
            // the timelines read the probes' logs, which go with the lab: drawn first, and never in the way of the teardown
            try {
                if (run.started != null && !run.clients.isEmpty()) {
                    svg = Timeline.svg(run.clients, run.marks, run.results, "proxima lab, routers " + routers
                            + ": who answered each client (10 ms probes)", run.sessionProbes);
                    svg6 = Timeline.svg(run.clients6, run.marks, run.results, "proxima lab, routers " + routers
                            + ": who answered each client's IPv6 probes (" + Topology.ANYCAST6_IP + ", 10 ms)");
                }
            } catch (RuntimeException e) {
                if (bug == null) bug = e;
                else bug.addSuppressed(e);
            }
            run.say("tearing the lab down");
            try {
                lab.close();
            } catch (RuntimeException e) {
                err.println("proxima lab: tearing the lab down: " + e.getMessage());
                ok = false;
            }
        }
        if (run.topology != null && !run.catchmentRows.isEmpty()) {
            String md = LabReport.markdown(run, report == null || svg == null ? null : SVG);
            out.print(md);
            out.flush();
            if (report != null) {
                Files.writeString(report.resolve("report.md"), md);
                if (svg != null) Files.writeString(report.resolve(SVG), svg);
                if (svg6 != null) Files.writeString(report.resolve(SVG6), svg6);
            }
        }
        if (bug != null) throw bug;
        return ok ? OK : FINDINGS;
    }
}
