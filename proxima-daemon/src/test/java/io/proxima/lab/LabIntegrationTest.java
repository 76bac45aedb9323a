package io.proxima.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code proxima lab}'s topology (routers mixed: r1 and r3 FRR, r2 and r4 BIRD) through every
 * scenario, then {@code --compare exabgp} at the tuned profile. Robust bounds only: the traffic
 * moved to another site, no probe was answered by the broken site after its route should have been
 * gone (asserted where it cannot answer at all, so that such an answer is a measuring bug; not for
 * SIGTERM and drain, whose service answers until the routers have moved), the
 * site won its clients back, and nothing is left behind. ecmp: long-lived anycast TCP sessions break
 * when site-4 drains, the hand-off sessions do not. ipv6 behind a BIRD router: the IPv6 probes
 * move, and the same clients' IPv4 probes stay on the site throughout. The comparison: ExaBGP's
 * healthcheck, in Proxima's place, moves the traffic too, for service death and for the frozen node
 * (by the hold timer). The figures themselves go to docs/benchmarks.md, never into asserts.
 */
class LabIntegrationTest {

    @Test
    void everyScenarioAndTheExaBgpComparisonMoveTheTrafficAndNothingLeaks() {
        List<String> binaries = new ArrayList<>(LabCommand.binaries("mixed"));
        binaries.addAll(ExaBgpCompare.BINARIES);
        LabSupport.assumeLab(binaries.toArray(String[]::new));
        Lab lab = Lab.create();
        String id = lab.id();
        List<Long> pids;
        LabRun run = new LabRun(lab, "mixed", new PrintStream(System.out, true));
        try {
            run.setUp();
            assertThat(run.catchmentRows).extracting(LabRun.CatchmentRow::site).containsExactly("site-1", "site-2", "site-3", "site-4");
            check(run.run(Scenario.SERVICE_DEATH, run.sites.get(0)), "site-1"); // behind r1, FRR
            check(run.run(Scenario.FROZEN_NODE, run.sites.get(1)), "site-2");   // behind r2, BIRD
            check(run.run(Scenario.SIGTERM, run.sites.get(2)), "site-3");       // behind r3, FRR
            check(run.run(Scenario.KILL, run.sites.get(3)), "site-4");          // behind r4, BIRD
            check(run.run(Scenario.DRAIN, run.sites.get(0)), "site-1");
            check(run.run(Scenario.LINK_DOWN, run.sites.get(1)), "site-2");
            checkEcmp(Ecmp.run(run));
            assertThat(run.catchmentRows6).extracting(LabRun.CatchmentRow::site).containsExactly("site-1", "site-2", "site-3", "site-4");
            LabRun.Result v6 = run.run(Scenario.IPV6, run.sites.get(3));        // behind r4, BIRD
            check(v6, "site-4");
            assertThat(v6.clients()).extracting(LabRun.ClientResult::client).containsExactly("client-4 v6");
            assertThat(v6.ipv4()).as("the IPv4 probes were counted").hasValueSatisfying(f -> {
                assertThat(f.answeredBySite()).as("IPv4 probes site-4 answered while its IPv6 service was broken").isPositive();
                assertThat(f.answeredElsewhere()).as("IPv4 probes another site answered meanwhile").isZero();
            });
            List<LabRun.Result> compared = ExaBgpCompare.run(run, run.sites.get(0), List.of(Profile.TUNED), 1);
            assertThat(compared).extracting(r -> r.scenario() + " " + (r.announcer().equals(LabRun.PROXIMA) ? "proxima" : "exabgp"))
                    .containsExactly("service-death proxima", "frozen-node proxima", "service-death exabgp", "frozen-node exabgp");
            compared.forEach(r -> check(r, "site-1"));
            run.stopClients();
            assertThat(LabReport.markdown(run, null)).contains("## Service death at site-1", "## Frozen node at site-1", "no BFD: hold time");
            assertThat(Timeline.svg(run.clients, run.marks, run.results, "test")).startsWith("<svg").contains("frozen-node site-2").endsWith("</svg>\n");
            assertThat(Timeline.svg(run.clients, run.marks, run.results, "test", run.sessionProbes)).contains("TCP sessions", "undrain site-4");
            assertThat(Timeline.svg(run.clients6, run.marks, run.results, "test")).contains("client-4 v6", "ipv6 site-4");
        } finally {
            pids = lab.pids();
            lab.close();
        }
        assertThat(Lab.namespaceNames()).as("no namespace of lab " + id + " is left").noneMatch(n -> n.startsWith(id + "-"));
        assertThat(pids).as("every process the lab started is gone").allMatch(p -> ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true));
    }

    private static void check(LabRun.Result r, String victim) {
        assertThat(r.failure()).as(r.toString()).isNull();
        assertThat(r.clients()).as("the broken site had clients").isNotEmpty();
        for (LabRun.ClientResult c : r.clients()) {
            assertThat(c.moved()).as(c.client() + "'s traffic moved").isNotNull();
            assertThat(c.movedTo()).isNotEqualTo(victim).startsWith("site-");
        }
        // SIGTERM and drain keep the service answering: a late answer there is the router's speed, not a bug
        if (r.scenario() != Scenario.SIGTERM && r.scenario() != Scenario.DRAIN) {
            assertThat(r.lateAnswers()).as("answers from " + victim + " after its route should have gone").isZero();
        }
        assertThat(r.back()).as(victim + " won its clients back").isPresent();
    }

    /**
     * ecmp: the anycast sessions spread over both equal-cost sites and some broke when site-4 drained
     * (those on it at least); the hand-off sessions never broke. Whether the undrain's re-hashing
     * breaks any is not asserted: with 16 flows it almost surely does, but not surely.
     */
    private static void checkEcmp(Ecmp.Result r) {
        assertThat(r.failure()).as(r.toString()).isNull();
        assertThat(r.anycastSpread().keySet()).as("anycast sessions on both equal-cost sites").containsExactlyInAnyOrder("site-2", "site-4");
        assertThat(r.changes()).hasSize(2);
        Ecmp.Change drain = r.changes().get(0);
        assertThat(drain.broken()).as("anycast sessions broken by site-4's drain").isGreaterThanOrEqualTo(drain.anycastBefore().getOrDefault("site-4", 0L)).isPositive();
        assertThat(r.changes()).allSatisfy(c -> assertThat(c.handoffBroken()).as("hand-off sessions broken at " + c.label()).isZero());
        assertThat(r.changes()).allSatisfy(c -> assertThat(c.lateAnswers()).as("late answers at " + c.label()).isZero());
        assertThat(r.back()).as("site-1 won client-1 back").isPresent();
    }
}
