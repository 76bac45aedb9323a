package io.proxima.lab;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The run as markdown: setup, catchment, one table per scenario, a summary. */
final class LabReport {

    private LabReport() {
    }

    static String markdown(LabRun run, String svgName) {
        StringBuilder b = new StringBuilder();
        b.append("# proxima lab report\n\n");
        b.append(String.format(Locale.ROOT, "Routers: %s, in a ring (eBGP; AS-path length is the cost). "
                + "Sites: `proxima run` (own JVM each) with the built-in DNS responder on %s; check CHAOS TXT id.server "
                + "%s; BFD %d ms x %d to the router. "
                + "Clients: `proxima probe %s --dns --interval %s` (own JVM each). Java %s, %d CPUs, load average %s at the start, %s at the end.%n%n",
                run.topology.routers.stream().map(Topology.Router::label).collect(Collectors.joining(", ")),
                Topology.ANYCAST, run.profile + " profile, " + run.profile.what(),
                Topology.BFD_MS, Topology.BFD_MULTIPLIER, Topology.ANYCAST_IP, Client.INTERVAL, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), run.loadBefore, LabRun.loadAverage()));
        b.append(String.format(Locale.ROOT, "Dual stack: every link has IPv6 too, with IPv6 BGP sessions beside the IPv4 ones (the site's with BFD). "
                + "Each site's responder also listens on %s, announced as a second service (`dns6`) with its own check on that address, "
                + "so the families fail independently; each client also runs `proxima probe %s --dns --interval %s` (client-i v6).%n%n",
                Topology.ANYCAST6, Topology.ANYCAST6_IP, Client.INTERVAL));
        if (!run.probeCpu.isEmpty()) {
            b.append(String.format(Locale.ROOT, "CPU used over the %.0f s run: each probe JVM %s s, each site JVM %s s "
                    + "(a restarted site: since its restart; 0: stopped).%n%n", run.cpuWindow.toMillis() / 1000.0, seconds(run.probeCpu), seconds(run.siteCpu)));
        }
        b.append("## Catchment\n\n| client | router | AS path at the router | answered by |\n|---|---|---|---|\n");
        for (LabRun.CatchmentRow r : java.util.stream.Stream.concat(run.catchmentRows.stream(), run.catchmentRows6.stream()).toList()) {
            b.append("| ").append(r.client()).append(" | ").append(r.router()).append(" | ").append(r.asPath()).append(" | ")
                    .append(r.site()).append(" |\n");
        }
        for (LabRun.Result r : run.results) scenario(b, r, run.profile);
        for (Ecmp.Result r : run.ecmpResults) ecmp(b, r);
        b.append("\n## Summary\n\n| scenario | site | event → withdraw on the wire | event → traffic moved | probes lost | late answers | ok |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (LabRun.Result r : run.results) {
            String moved = r.clients().stream().map(c -> LabRun.ms(c.moved())).collect(Collectors.joining(", "));
            String lost = r.clients().stream().map(c -> Long.toString(c.lost())).collect(Collectors.joining(", "));
            b.append("| ").append(title(r, run.profile)).append(" | ").append(r.site()).append(" (").append(r.router()).append(") | ")
                    .append(r.withdraw().map(LabRun::ms).orElse("-")).append(" | ").append(moved.isEmpty() ? "-" : moved).append(" | ")
                    .append(lost.isEmpty() ? "-" : lost).append(" | ").append(r.lateAnswers()).append(" | ").append(r.ok() ? "yes" : "**no**").append(" |\n");
        }
        for (Ecmp.Result r : run.ecmpResults) {
            for (Ecmp.Change c : r.changes()) {
                b.append("| ecmp: ").append(c.label()).append(" | ").append(c.site()).append(" | ").append(c.onWire().map(LabRun::ms).orElse("-"))
                        .append(c.label().equals("drain") ? "" : " (announce)").append(" | ").append(LabRun.ms(c.udpMoved())).append(" | ")
                        .append(c.udpLost()).append(" | ").append(c.lateAnswers()).append(" | ").append(r.ok() ? "yes" : "**no**").append(" |\n");
            }
        }
        comparison(b, run.results);
        b.append("\nLate answers: probes (from any client) that the broken site answered although they were sent more than "
                + LabRun.LATE_GRACE.toMillis() + " ms after its route should have been gone: after the withdraw was on the wire, "
                + "or, where the node sends none, after the event (kill -9, link down) or the BFD detection time (SIGSTOP; a frozen ExaBGP: "
                + "its hold time). "
                + "Probes lost: unanswered probes between the event and the client's first answer from another site "
                + "(each waits " + Client.TIMEOUT + ").\n");
        if (svgName != null) b.append("\n![timeline](").append(svgName).append(")\n");
        if (svgName != null) b.append("\nThe IPv6 probes (").append(Topology.ANYCAST6_IP).append("), every scenario:\n\n![IPv6 timeline](")
                .append(LabCommand.SVG6).append(")\n");
        return b.toString();
    }

    /**
     * {@code --compare exabgp}: per profile, the figures of every repetition of service death at the
     * compared site, Proxima's and ExaBGP's, with the medians and their ratio; then the same for the
     * frozen node.
     */
    private static void comparison(StringBuilder b, List<LabRun.Result> results) {
        if (results.stream().allMatch(r -> r.announcer().equals(LabRun.PROXIMA))) return;
        LabRun.Result first = results.stream().filter(r -> !r.announcer().equals(LabRun.PROXIMA)).findFirst().orElseThrow();
        String site = first.site();
        b.append("\n## Service death at ").append(site).append(" (behind ").append(first.router())
                .append("): Proxima and ExaBGP's healthcheck, same run\n\n")
                .append("Event → traffic moved: for each repetition, the slowest of the site's clients. Median (min–max) over the repetitions.\n\n");
        comparisonHeader(b, "profile");
        for (Profile p : Profile.values()) {
            List<LabRun.Result> exabgp = compared(results, Scenario.SERVICE_DEATH, site, p, false);
            if (exabgp.isEmpty()) continue;
            List<LabRun.Result> proxima = compared(results, Scenario.SERVICE_DEATH, site, p, true);
            comparisonRow(b, p.id, "Proxima", "built-in responder, dns check " + p.what(), proxima, ratio(proxima, exabgp));
            comparisonRow(b, p.id, "ExaBGP", "NSD, dig: " + p.exabgpWhat, exabgp, "");
        }
        List<LabRun.Result> frozenExabgp = compared(results, Scenario.FROZEN_NODE, site, null, false);
        if (frozenExabgp.isEmpty()) return;
        List<LabRun.Result> frozen = compared(results, Scenario.FROZEN_NODE, site, null, true);
        b.append("\n## Frozen node at ").append(site).append(" (SIGSTOP): Proxima with BFD, ExaBGP without, same run\n\n")
                .append("Nothing is withdrawn: the router must find the node out. ExaBGP has no BFD, so its router waits for the hold timer, "
                        + "set to the least ExaBGP accepts.\n\n");
        comparisonHeader(b, "scenario");
        comparisonRow(b, Scenario.FROZEN_NODE.id, "Proxima", "BFD " + Topology.BFD_MS + " ms x " + Topology.BFD_MULTIPLIER + " to the router",
                frozen, ratio(frozen, frozenExabgp));
        comparisonRow(b, Scenario.FROZEN_NODE.id, "ExaBGP", ExaBgpCompare.frozenAnnouncer(), frozenExabgp, "");
    }

    /** {@code scenario}'s results at {@code site}, Proxima's or the other announcer's, at profile {@code p} (null: any). */
    private static List<LabRun.Result> compared(List<LabRun.Result> results, Scenario scenario, String site, Profile p, boolean proxima) {
        return results.stream().filter(r -> r.scenario() == scenario && r.site().equals(site) && (p == null || r.profile() == p)
                && r.announcer().equals(LabRun.PROXIMA) == proxima).toList();
    }

    /** Proxima's median over ExaBGP's, where both have one. */
    private static String ratio(List<LabRun.Result> proxima, List<LabRun.Result> exabgp) {
        Optional<Duration> pm = median(moved(proxima));
        Optional<Duration> em = median(moved(exabgp));
        return pm.isPresent() && em.isPresent() && !em.get().isZero()
                ? String.format(Locale.ROOT, "%.2f×", pm.get().toNanos() / (double) em.get().toNanos()) : "-";
    }

    private static void comparisonHeader(StringBuilder b, String first) {
        b.append("| ").append(first).append(" | announcer | check | event → traffic moved, each repetition | median (min–max) "
                + "| ratio Proxima / ExaBGP (medians) | event → withdraw on the wire (median) | probes lost (total) | late answers |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
    }

    private static void comparisonRow(StringBuilder b, String what, String who, String check, List<LabRun.Result> rs, String ratio) {
        List<Duration> moved = moved(rs);
        String each = rs.stream().map(r -> r.clients().stream().map(LabRun.ClientResult::moved).anyMatch(java.util.Objects::isNull)
                ? "not moved" : LabRun.ms(slowest(r))).collect(Collectors.joining(", "));
        String withdraw = median(rs.stream().flatMap(r -> r.withdraw().stream()).toList()).map(LabRun::ms).orElse("-");
        long lost = rs.stream().flatMap(r -> r.clients().stream()).mapToLong(LabRun.ClientResult::lost).sum();
        long late = rs.stream().mapToLong(LabRun.Result::lateAnswers).sum();
        b.append("| ").append(what).append(" | ").append(who).append(" | ").append(check).append(" | ").append(each.isEmpty() ? "-" : each)
                .append(" | ").append(median(moved).map(m -> LabRun.ms(m) + " (" + LabRun.ms(moved.getFirst()) + "–" + LabRun.ms(moved.getLast()) + ")")
                        .orElse("-"))
                .append(" | ").append(ratio).append(" | ").append(withdraw).append(" | ").append(lost).append(" | ").append(late).append(" |\n");
    }

    /** Per repetition in which every client moved: the slowest client's time; sorted. */
    static List<Duration> moved(List<LabRun.Result> rs) {
        return rs.stream().filter(r -> !r.clients().isEmpty() && r.clients().stream().allMatch(c -> c.moved() != null))
                .map(LabReport::slowest).sorted().toList();
    }

    private static Duration slowest(LabRun.Result r) {
        return r.clients().stream().map(LabRun.ClientResult::moved).filter(java.util.Objects::nonNull).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The median of {@code ds} (the mean of the middle two for an even count). */
    static Optional<Duration> median(List<Duration> ds) {
        if (ds.isEmpty()) return Optional.empty();
        List<Duration> s = ds.stream().sorted().toList();
        int n = s.size();
        return Optional.of(n % 2 == 1 ? s.get(n / 2) : s.get(n / 2 - 1).plus(s.get(n / 2)).dividedBy(2));
    }

    private static String seconds(List<java.time.Duration> l) {
        return l.stream().map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).collect(Collectors.joining(" / "));
    }

    private static String spread(java.util.Map<String, Long> m) {
        return m.isEmpty() ? "-" : m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void ecmp(StringBuilder b, Ecmp.Result r) {
        b.append("\n## ecmp: two equal-cost sites, long-lived TCP sessions\n\n").append(Scenario.ECMP.what).append(".\n\n");
        b.append("| measure | value |\n|---|---|\n");
        b.append("| drain site-1 → withdraw on the wire | ").append(r.drainWithdraw().map(LabRun::ms).orElse("-")).append(" |\n");
        b.append("| r1's next hops for ").append(Topology.ANYCAST).append(" then | ").append(r.nextHops().isEmpty() ? "-" : String.join(", ", r.nextHops())).append(" |\n");
        b.append("| client-1's ").append(SessionProbe.SESSIONS).append(" TCP sessions to ").append(Topology.ANYCAST_IP).append(" landed on | ")
                .append(spread(r.anycastSpread())).append(" |\n");
        b.append("| its ").append(SessionProbe.SESSIONS).append(" hand-off sessions (").append(SessionProbe.HANDOFF_NAME).append(" A, then that address) on | ")
                .append(spread(r.handoffSpread())).append(" |\n");
        b.append("| undrain site-1 → client-1 back on it | ").append(r.back().map(LabRun::ms).orElse("-")).append(" |\n");
        b.append("\n| change | UPDATE on the wire | anycast sessions before | anycast broken | of them on a site that did not change "
                + "| hand-off broken | event → first / last break | event → all answered again | site's own client moved | probes lost | late answers |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Ecmp.Change c : r.changes()) {
            b.append("| ").append(c.label()).append(' ').append(c.site()).append(" | ").append(c.onWire().map(LabRun::ms).orElse("-")).append(" | ")
                    .append(spread(c.anycastBefore())).append(" | ").append(c.broken()).append(" of ").append(SessionProbe.SESSIONS).append(" | ")
                    .append(c.brokenOnUnchanged()).append(" | ").append(c.handoffBroken()).append(" | ")
                    .append(c.firstBreak().map(LabRun::ms).orElse("-")).append(" / ").append(c.lastBreak().map(LabRun::ms).orElse("-")).append(" | ")
                    .append(c.allBack().map(LabRun::ms).orElse("-")).append(" | ").append(c.udpClient()).append(" → ").append(c.udpMovedTo())
                    .append(' ').append(LabRun.ms(c.udpMoved())).append(" | ").append(c.udpLost()).append(" | ").append(c.lateAnswers()).append(" |\n");
        }
        b.append("\nA session breaks when a query on it is reset, times out (").append(SessionProbe.TIMEOUT)
                .append(") or finds the connection closed; it then reconnects from a new source port. Broken sessions on a site that did not "
                + "change were moved by the routers' re-hashing alone (hash-threshold multipath, layer-4 hash).\n");
        if (r.failure() != null) b.append("\n**Failed:** ").append(r.failure().replace("\n", " ")).append("\n");
    }

    /** The scenario, who announced, and the check profile where it is not the run's. */
    private static String title(LabRun.Result r, Profile runProfile) {
        return r.scenario().id + (r.announcer().equals(LabRun.PROXIMA) ? "" : " (" + r.announcer() + ")")
                + (r.announcer().equals(LabRun.PROXIMA) && r.profile() != runProfile ? " (profile " + r.profile() + ")" : "");
    }

    private static void scenario(StringBuilder b, LabRun.Result r, Profile runProfile) {
        b.append("\n## ").append(title(r, runProfile))
                .append(": ").append(r.site()).append(" behind ").append(r.router()).append("\n\n");
        b.append(r.what()).append(".\n\n");
        b.append("| measure | value |\n|---|---|\n");
        if (!r.announcer().equals(LabRun.PROXIMA) && r.scenario() == Scenario.FROZEN_NODE) {
            b.append("| found out by | the router's hold timer (").append(r.announcer()).append(") |\n");
        } else {
            b.append("| checks | ").append(r.profile()).append(r.announcer().equals(LabRun.PROXIMA) ? ": " + r.profile().what() : ": " + r.profile().exabgpWhat)
                    .append(" |\n");
        }
        b.append("| event → withdraw on the wire (site's event log) | ")
                .append(r.withdraw().map(LabRun::ms).orElse(r.announcer().equals(LabRun.PROXIMA)
                        ? "- (the node sends none: the router finds out)" : "- (ExaBGP logs no time for it)")).append(" |\n");
        for (LabRun.ClientResult c : r.clients()) {
            b.append("| ").append(c.client()).append(": event → traffic moved | ").append(LabRun.ms(c.moved()))
                    .append(" (to ").append(c.movedTo()).append(") |\n");
            b.append("| ").append(c.client()).append(": probes lost | ").append(c.lost()).append(" |\n");
        }
        b.append("| answers from ").append(r.site()).append(" after its route should have been gone (event + ")
                .append(LabRun.ms(r.routeGoneBy())).append(") | ").append(r.lateAnswers()).append(" |\n");
        b.append("| withdraws by the other sites meanwhile (checks timing out under load) | ").append(r.otherWithdraws()).append(" |\n");
        r.ipv4().ifPresent(f -> b.append("| meanwhile the IPv4 probes of its clients (").append(Topology.ANYCAST_IP).append("): answered by ")
                .append(r.site()).append(" / by another site / lost | ").append(f.answeredBySite()).append(" / ").append(f.answeredElsewhere())
                .append(" / ").append(f.lost()).append(" of ").append(f.probes()).append(" |\n"));
        b.append("| restored → its clients back on it | ").append(r.back().map(LabRun::ms).orElse("-")).append(" |\n");
        if (r.failure() != null) b.append("\n**Failed:** ").append(r.failure().replace("\n", " ")).append("\n");
    }
}
