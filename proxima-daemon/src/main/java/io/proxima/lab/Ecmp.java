package io.proxima.lab;

import io.proxima.labkit.Await;
import io.proxima.labkit.LabException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ecmp scenario (issue #8: "two equal-cost sites. Long-lived TCP connections break when the
 * ECMP path changes, and clients using the unicast hand-off keep theirs"). Site-1 drains, so its
 * client's router r1 has two equal-cost paths to the anycast address, via r2 to site-2 and via r4
 * to site-4 (AS paths of two). Client-1 then holds {@value SessionProbe#SESSIONS} TCP DNS sessions
 * to the anycast address and as many to the unicast hand-off address each learned from it. Two
 * path changes: site-4 drains (its sessions break: expected), then undrains, and r1's
 * hash-threshold multipath moves part of the flows that were on site-2 to site-4, which resets
 * them, although site-2 never changed. The hand-off sessions should keep working through both.
 * At the end site-1 undrains, so the catchment is as before for any scenario after this one.
 */
final class Ecmp {

    /** Two JVMs starting on busy cores, then 32 connections: how long until every session answers. */
    static final Duration SESSIONS_TIMEOUT = Duration.ofSeconds(60);
    /** UDP probes (10 ms) client-1 sends after a change's UPDATE is on the wire before it is measured: 2 s, many session queries. */
    static final int OBSERVE_PROBES = 200;
    /** r1's FIB entry for the anycast prefix with both neighbours as next hops. */
    static final int EQUAL_COST_PATHS = 2;

    /** One path change: the site that drained or undrained, and what it did to the sessions. */
    record Change(String label, String site, Instant at, Optional<Duration> onWire, Map<String, Long> anycastBefore, long broken,
                  long brokenOnUnchanged, long handoffBroken, Optional<Duration> firstBreak, Optional<Duration> lastBreak,
                  Optional<Duration> allBack, String udpClient, Duration udpMoved, String udpMovedTo, long udpLost, long lateAnswers) { }

    /**
     * The run. {@code nextHops}: r1's next hops for the anycast prefix once site-1 was drained.
     * {@code udpSpread}: who answered client-1's UDP probe then (one flow, so one site).
     */
    record Result(Instant at, Optional<Duration> drainWithdraw, List<String> nextHops, Map<String, Long> anycastSpread,
                  Map<String, Long> handoffSpread, List<Change> changes, Optional<Duration> back, String failure) {
        boolean ok() {
            return failure == null && anycastSpread.size() >= EQUAL_COST_PATHS && changes.size() == 2
                    && changes.stream().allMatch(c -> c.handoffBroken() == 0 && c.lateAnswers() == 0) && changes.get(0).broken() > 0;
        }
    }

    private Ecmp() {
    }

    static Result run(LabRun run) {
        Site s1 = run.sites.get(0), s4 = run.sites.get(3);
        Client c1 = run.clients.get(0), c4 = run.clients.get(3);
        Topology.Router r1 = run.topology.routers.get(0);
        run.say("ecmp: drain %s, so that %s has two equal-cost paths, via r2 (site-2) and r4 (site-4)", s1.name(), r1.label());
        SessionProbe anycast = new SessionProbe(c1.netns, run.lab.dir(), "anycast", false);
        SessionProbe handoff = new SessionProbe(c1.netns, run.lab.dir(), "handoff", true);
        run.sessionProbes.add(anycast);
        run.sessionProbes.add(handoff);
        Instant t0 = Instant.now();
        Optional<Duration> drainWithdraw = Optional.empty();
        List<String> hops = List.of();
        Map<String, Long> spread = Map.of(), handoffSpread = Map.of();
        List<Change> changes = new ArrayList<>();
        Optional<Duration> back = Optional.empty();
        String failure = null;
        try {
            Scenario.ECMP.inject(s1);
            t0 = Instant.now();
            run.marks.add(new LabRun.Mark(t0, "ecmp: drain site-1"));
            Instant drained = t0;
            drainWithdraw = Await.value(LabRun.MOVE_TIMEOUT, () -> s1.withdrawWritten(drained), Optional::isPresent, s1.name() + "'s withdraw")
                    .map(w -> Duration.between(drained, w));
            hops = Await.value(LabRun.MOVE_TIMEOUT, () -> r1.netns().fib(Topology.ANYCAST), l -> l.size() >= EQUAL_COST_PATHS,
                    r1.name() + "'s FIB with " + EQUAL_COST_PATHS + " next hops for " + Topology.ANYCAST).stream().map(h -> h.gateway() + " (" + h.device() + ")").toList();
            run.say("    %s's withdraw on the wire %s after the drain; %s's next hops for %s: %s", s1.name(),
                    drainWithdraw.map(LabRun::ms).orElse("-"), r1.name(), Topology.ANYCAST, hops);
            anycast.start();
            handoff.start();
            Await.until(SESSIONS_TIMEOUT, () -> anycast.allAnswering() && handoff.allAnswering(),
                    () -> "every TCP session answered; anycast " + anycast.spread() + ", hand-off " + handoff.spread());
            spread = anycast.spread();
            handoffSpread = handoff.spread();
            run.say("    %d TCP sessions to %s land on %s; %d hand-off sessions on %s", SessionProbe.SESSIONS, Topology.ANYCAST_IP, spread,
                    SessionProbe.SESSIONS, handoffSpread);
            changes.add(change(run, "drain", s4, c4, anycast, handoff));
            changes.add(change(run, "undrain", s4, c4, anycast, handoff));
        } catch (LabException | IllegalStateException e) {
            failure = e.getMessage();
            run.say("    failed: %s", failure);
        } finally {
            anycast.stop();
            handoff.stop();
        }
        Instant r0 = Instant.now();
        try {
            Scenario.ECMP.restore(s1);
            run.marks.add(new LabRun.Mark(r0, "ecmp: undrain site-1"));
            run.awaitSteady(LabRun.RETURN_TIMEOUT, run.catchment);
            back = c1.samples().stream().filter(s -> !s.sent().isBefore(r0) && s.instance().equals(s1.name())).findFirst()
                    .map(s -> Duration.between(r0, s.sent()));
            run.say("    restored: %s back on %s %s after the undrain", c1.name(), s1.name(), back.map(LabRun::ms).orElse("-"));
        } catch (LabException | IllegalStateException e) {
            failure = (failure == null ? "" : failure + "; ") + e.getMessage();
        }
        Result r = new Result(t0, drainWithdraw, hops, spread, handoffSpread, changes, back, failure);
        run.ecmpResults.add(r);
        return r;
    }

    /** Drains or undrains {@code site} and measures what the path change did to the sessions. */
    private static Change change(LabRun run, String what, Site site, Client own, SessionProbe anycast, SessionProbe handoff) {
        boolean drain = what.equals("drain");
        Map<String, Long> before = anycast.spread();
        // the event is the moment the API is asked: the node announces an undrain before the API answers, and a router
        // honouring the drain's GRACEFUL_SHUTDOWN community can move (and break) sessions before it answers too
        Instant t = Instant.now();
        if (drain) Scenario.ECMP.inject(site);
        else Scenario.ECMP.restore(site);
        run.marks.add(new LabRun.Mark(t, "ecmp: " + what + " " + site.name()));
        Instant wire = Await.value(LabRun.MOVE_TIMEOUT, () -> drain ? site.withdrawWritten(t) : site.announceWritten(t), Optional::isPresent,
                site.name() + "'s " + (drain ? "withdraw" : "announcement") + " in its event log").orElseThrow();
        // the UDP probe of the site's own client: away from it, or back on it
        Await.until(LabRun.RETURN_TIMEOUT, () -> drain ? own.firstAnswerNotFrom(site.name(), t).isPresent()
                : own.steadyOn(LabRun.STEADY_PROBES).filter(site.name()::equals).isPresent(), own.name() + "'s traffic moved");
        Instant goneBy = wire.plus(LabRun.LATE_GRACE);
        Await.until(LabRun.MOVE_TIMEOUT, () -> run.clients.stream().allMatch(c -> c.sentSince(goneBy) >= OBSERVE_PROBES),
                "every client probed for a while after " + site.name() + "'s UPDATE");
        Await.until(SESSIONS_TIMEOUT, () -> anycast.allAnswering() && handoff.allAnswering(),
                () -> "every TCP session answered again; anycast " + anycast.spread() + ", hand-off " + handoff.spread());
        Instant observed = Instant.now();
        List<SessionProbe.Event> broke = anycast.breaks(t, observed);
        long unchanged = broke.stream().filter(e -> !e.instance().equals(site.name())).count();
        long handoffBroken = handoff.breaks(t, observed).size();
        Optional<Duration> first = broke.stream().map(SessionProbe.Event::at).min(Instant::compareTo).map(x -> Duration.between(t, x));
        Optional<Duration> last = broke.stream().map(SessionProbe.Event::at).max(Instant::compareTo).map(x -> Duration.between(t, x));
        Optional<Duration> allBack = anycast.lastBackAfter(t, observed).map(x -> Duration.between(t, x));
        Optional<Client.Sample> moved = drain ? own.firstAnswerNotFrom(site.name(), t)
                : own.samples().stream().filter(s -> !s.sent().isBefore(t) && s.instance().equals(site.name())).findFirst();
        Duration udpMoved = moved.map(s -> Duration.between(t, s.sent())).orElse(null);
        long udpLost = own.lost(t, moved.map(Client.Sample::sent).orElse(observed));
        long late = drain ? run.clients.stream().mapToLong(c -> c.answeredBy(site.name(), goneBy, observed)).sum() : 0;
        Change c = new Change(what, site.name(), t, Optional.of(Duration.between(t, wire)), before, broke.size(), unchanged, handoffBroken,
                first, last, allBack, own.name(), udpMoved, moved.map(Client.Sample::instance).orElse("-"), udpLost, late);
        run.say("    %s %s: UPDATE on the wire %s after; anycast sessions broken %d of %d (%d on a site that did not change), "
                        + "hand-off sessions broken %d; all answered again %s after; %s → %s %s after, %d probes lost",
                what, site.name(), LabRun.ms(c.onWire().orElse(null)), c.broken(), SessionProbe.SESSIONS, unchanged, handoffBroken,
                allBack.map(LabRun::ms).orElse("-"), own.name(), c.udpMovedTo(), LabRun.ms(udpMoved), udpLost);
        return c;
    }
}
