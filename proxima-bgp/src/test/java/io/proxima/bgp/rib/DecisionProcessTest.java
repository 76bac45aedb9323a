package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.as;
import static io.proxima.bgp.rib.Routes.attrs;
import static io.proxima.bgp.rib.Routes.ebgp;
import static io.proxima.bgp.rib.Routes.ibgp;
import static io.proxima.bgp.rib.Routes.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.ClusterList;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.OriginatorId;
import io.proxima.bgp.wire.attr.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per step of RFC 4271 §9.1.2.2, each asserting the step that decided. */
class DecisionProcessTest {

    final DecisionProcess decision = new DecisionProcess();

    static Path path(PeerId peer, Attributes a) {
        return new Path(peer, 0, a);
    }

    private void assertDecided(Path winner, Path loser, Rule rule) {
        for (List<Path> order : List.of(List.of(winner, loser), List.of(loser, winner))) {
            Explanation e = decision.explain(order);
            assertThat(e.winner()).isSameAs(winner);
            assertThat(e.decidedBy()).isEqualTo(rule);
            assertThat(e.ruleAgainst(loser)).isEqualTo(rule);
            assertThat(decision.best(order)).isSameAs(winner);
        }
        assertThat(decision.compare(rule, winner, loser)).isNegative();
        assertThat(decision.compare(rule, loser, winner)).isPositive();
    }

    @Test
    void oneCandidateNeedsNoRule() {
        Path only = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as(65001)));
        assertThat(decision.explain(List.of(only)).decidedBy()).isEqualTo(Rule.ONLY_PATH);
    }

    @Test
    void locallyOriginatedWinsBeforeLocalPref() {
        Path local = path(Routes.self(), Advertisement.of(Routes.prefix("198.51.100.75/32")).attributes());
        Path learned = path(ibgp("10.0.1.1", "10.0.1.1"), attrs("10.0.1.1", as(), new LocalPref(1000)));
        assertDecided(local, learned, Rule.LOCALLY_ORIGINATED);
    }

    @Test
    void highestLocalPrefWins() {
        Path high = path(ibgp("10.0.1.1", "10.0.1.1"), attrs("10.0.1.1", as(65001, 65002, 65003), new LocalPref(200)));
        Path low = path(ibgp("10.0.1.2", "10.0.1.2"), attrs("10.0.1.2", as(65001), new LocalPref(100)));
        assertDecided(high, low, Rule.LOCAL_PREF);
    }

    @Test
    void localPrefFromAnEbgpPeerIsIgnoredAndTheDefaultApplies() {
        // RFC 4271 §5.1.5: LOCAL_PREF from an external peer MUST be ignored; the eBGP path counts 100.
        Path ebgpWithPref = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as(65001), new LocalPref(500)));
        Path ibgp150 = path(ibgp("10.0.1.1", "10.0.1.1"), attrs("10.0.1.1", as(65009, 65008), new LocalPref(150)));
        assertDecided(ibgp150, ebgpWithPref, Rule.LOCAL_PREF);

        DecisionProcess lowDefault = new DecisionProcess(50, DecisionProcess.NO_IGP, true);
        Path ibgp60 = path(ibgp("10.0.1.2", "10.0.1.2"), attrs("10.0.1.2", as(65009, 65008), new LocalPref(60)));
        assertThat(lowDefault.explain(List.of(ebgpWithPref, ibgp60)).winner()).isSameAs(ibgp60);
        assertThat(decision.explain(List.of(ebgpWithPref, ibgp60)).winner()).isSameAs(ebgpWithPref);
    }

    @Test
    void gracefulShutdownLowersPreferenceToZero() {
        Path drained = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as(65001),
                new Communities(List.of(Communities.GRACEFUL_SHUTDOWN))));
        Path other = path(ebgp("10.0.0.2", 65002), attrs("10.0.0.2", as(65002, 65003, 65004)));
        assertDecided(other, drained, Rule.LOCAL_PREF);
        DecisionProcess ignoring = new DecisionProcess(100, DecisionProcess.NO_IGP, false);
        assertThat(ignoring.best(List.of(drained, other))).isSameAs(drained);
    }

    @Test
    void shortestAsPathWins() {
        Path shorter = path(ebgp("10.0.0.2", 65002), attrs("10.0.0.2", as(65002, 65010)));
        Path longer = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as(65001, 65005, 65010)));
        assertDecided(shorter, longer, Rule.AS_PATH_LENGTH);
    }

    @Test
    void anAsSetCountsOneAndConfederationSegmentsZero() {
        // 65002 {65010,65011,65012} has length 2; (65100 65101) 65001 65005 65010 has length 3.
        AsPath withSet = new AsPath(List.of(new Segment(Segment.AS_SEQUENCE, 65002), new Segment(Segment.AS_SET, 65010, 65011, 65012)));
        AsPath withConfed = new AsPath(List.of(new Segment(Segment.AS_CONFED_SEQUENCE, 65100, 65101),
                new Segment(Segment.AS_SEQUENCE, 65001, 65005, 65010)));
        Path set = path(ebgp("10.0.0.2", 65002), attrs("10.0.0.2", as()).with(withSet));
        Path confed = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as()).with(withConfed));
        assertThat(withSet.length()).isEqualTo(2);
        assertThat(withConfed.length()).isEqualTo(3);
        assertDecided(set, confed, Rule.AS_PATH_LENGTH);
    }

    @Test
    void lowestOriginWins() {
        Path igp = path(ebgp("10.0.0.2", 65002), attrs("10.0.0.2", as(65002)));
        Path incomplete = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as(65001)).with(new Origin(Origin.INCOMPLETE)));
        assertDecided(igp, incomplete, Rule.ORIGIN);
        Path egp = path(ebgp("10.0.0.1", 65001), attrs("10.0.0.1", as(65001)).with(new Origin(Origin.EGP)));
        assertDecided(egp, incomplete, Rule.ORIGIN);
    }

    @Test
    void lowestMedWinsBetweenPathsFromTheSameNeighbourAs() {
        // Two sessions to AS 65001; the one with the higher BGP identifier has the lower MED.
        Path low = path(ebgp("10.0.0.2", 65001, "10.9.9.9"), attrs("10.0.0.2", as(65001, 65010), new MultiExitDisc(10)));
        Path high = path(ebgp("10.0.0.1", 65001, "10.0.0.1"), attrs("10.0.0.1", as(65001, 65010), new MultiExitDisc(20)));
        assertDecided(low, high, Rule.MED);
    }

    @Test
    void aMissingMedCountsAsZero() {
        Path none = path(ebgp("10.0.0.2", 65001, "10.9.9.9"), attrs("10.0.0.2", as(65001, 65010)));
        Path five = path(ebgp("10.0.0.1", 65001, "10.0.0.1"), attrs("10.0.0.1", as(65001, 65010), new MultiExitDisc(5)));
        assertDecided(none, five, Rule.MED);
    }

    @Test
    void medIsNotComparedBetweenDifferentNeighbourAses() {
        Path lowMed = path(ebgp("10.0.0.2", 65002, "10.9.9.9"), attrs("10.0.0.2", as(65002, 65010), new MultiExitDisc(1)));
        Path highMed = path(ebgp("10.0.0.1", 65001, "10.0.0.1"), attrs("10.0.0.1", as(65001, 65010), new MultiExitDisc(500)));
        assertThat(decision.compare(Rule.MED, lowMed, highMed)).isZero();
        // Not MED: the lower BGP identifier decides, and the high-MED path wins.
        assertDecided(highMed, lowMed, Rule.BGP_IDENTIFIER);
    }

    @Test
    void medEliminationDoesNotDependOnTheOrderOfCandidates() {
        // The textbook case: A and B from AS 65001, C from AS 65002. B beats A on MED; C beats B on
        // BGP identifier; A would beat C on BGP identifier. RFC 4271 §9.1.2.2: eliminate A by MED
        // first, then C wins on identifier, whatever the order of arrival.
        Path a = path(ebgp("10.0.0.1", 65001, "10.0.0.1"), attrs("10.0.0.1", as(65001, 65010), new MultiExitDisc(20)));
        Path b = path(ebgp("10.0.0.3", 65001, "10.0.0.3"), attrs("10.0.0.3", as(65001, 65010), new MultiExitDisc(10)));
        Path c = path(ebgp("10.0.0.2", 65002, "10.0.0.2"), attrs("10.0.0.2", as(65002, 65010)));
        for (List<Path> order : permutations(List.of(a, b, c))) {
            Explanation e = decision.explain(order);
            assertThat(e.winner()).as("order %s", order).isSameAs(c);
            assertThat(e.ruleAgainst(a)).isEqualTo(Rule.MED);
            assertThat(e.ruleAgainst(b)).isEqualTo(Rule.BGP_IDENTIFIER);
            assertThat(e.decidedBy()).isEqualTo(Rule.BGP_IDENTIFIER);
        }
    }

    @Test
    void ebgpWinsOverIbgp() {
        Path external = path(ebgp("10.0.0.9", 65001, "10.0.0.9"), attrs("10.0.0.9", as(65001, 65010)));
        Path internal = path(ibgp("10.0.1.1", "10.0.1.1"), attrs("10.0.1.1", as(65002, 65010)));
        assertDecided(external, internal, Rule.EBGP_OVER_IBGP);
    }

    @Test
    void lowestIgpCostToTheNextHopWins() {
        DecisionProcess withIgp = new DecisionProcess(100, nh -> nh.equals(ip("10.0.1.1")) ? 20 : 10, true);
        Path near = path(ibgp("10.0.1.9", "10.0.1.9"), attrs("10.0.1.2", as(65002, 65010)));
        Path far = path(ibgp("10.0.1.8", "10.0.1.8"), attrs("10.0.1.1", as(65001, 65010)));
        Explanation e = withIgp.explain(List.of(far, near));
        assertThat(e.winner()).isSameAs(near);
        assertThat(e.decidedBy()).isEqualTo(Rule.IGP_COST);
        assertThat(e.losers().get(0).detail()).isEqualTo("IGP cost 20 to 10.0.1.1 vs IGP cost 10 to 10.0.1.2");
        // Without the hook every next hop costs 0 and the BGP identifier decides.
        assertDecided(far, near, Rule.BGP_IDENTIFIER);
    }

    @Test
    void lowestBgpIdentifierWins() {
        Path lowId = path(ebgp("10.0.0.2", 65002, "1.1.1.1"), attrs("10.0.0.2", as(65002, 65010)));
        Path highId = path(ebgp("10.0.0.1", 65001, "2.2.2.2"), attrs("10.0.0.1", as(65001, 65010)));
        assertDecided(lowId, highId, Rule.BGP_IDENTIFIER);
    }

    @Test
    void originatorIdStandsInForTheBgpIdentifier() {
        // RFC 4456 §9: the reflected path carries ORIGINATOR_ID 1.1.1.1, lower than the other's 5.5.5.5.
        Path reflected = path(ibgp("10.0.1.9", "9.9.9.9"), attrs("10.0.1.1", as(65001), new OriginatorId(ip("1.1.1.1"))));
        Path direct = path(ibgp("10.0.1.5", "5.5.5.5"), attrs("10.0.1.5", as(65002)));
        assertDecided(reflected, direct, Rule.BGP_IDENTIFIER);
    }

    @Test
    void shortestClusterListWins() {
        Attributes base = attrs("10.0.1.1", as(65001), new OriginatorId(ip("1.1.1.1")));
        Path one = path(ibgp("10.0.1.9", "9.9.9.9"), base.with(new ClusterList(List.of(ip("7.7.7.7")))));
        Path two = path(ibgp("10.0.1.8", "8.8.8.8"), base.with(new ClusterList(List.of(ip("7.7.7.7"), ip("6.6.6.6")))));
        assertDecided(one, two, Rule.CLUSTER_LIST_LENGTH);
    }

    @Test
    void lowestPeerAddressWins() {
        // Two sessions to one router (one BGP identifier): the lower peer address decides.
        Path low = path(ebgp("10.0.0.1", 65001, "3.3.3.3"), attrs("10.0.0.1", as(65001)));
        Path high = path(ebgp("10.0.0.2", 65001, "3.3.3.3"), attrs("10.0.0.2", as(65001)));
        assertDecided(low, high, Rule.PEER_ADDRESS);
    }

    @Test
    void lowestPathIdBreaksTheLastTie() {
        PeerId peer = ebgp("10.0.0.1", 65001);
        Path first = new Path(peer, 1, attrs("10.0.0.1", as(65001)));
        Path second = new Path(peer, 2, attrs("10.0.0.1", as(65001)));
        assertDecided(first, second, Rule.PATH_ID);
    }

    @Test
    void theExplanationNamesEveryLoserAndWhy() {
        Path best = path(ibgp("10.0.1.1", "10.0.1.1"), attrs("10.0.1.1", as(65001), new LocalPref(300)));
        Path longer = path(ibgp("10.0.1.2", "10.0.1.2"), attrs("10.0.1.2", as(65001, 65002, 65003), new LocalPref(300)));
        Path lowPref = path(ibgp("10.0.1.3", "10.0.1.3"), attrs("10.0.1.3", as(65001), new LocalPref(50)));
        Explanation e = decision.explain(List.of(longer, lowPref, best));
        assertThat(e.winner()).isSameAs(best);
        assertThat(e.decidedBy()).isEqualTo(Rule.AS_PATH_LENGTH);
        assertThat(e.losers()).extracting(Explanation.Loss::rule).containsExactly(Rule.LOCAL_PREF, Rule.AS_PATH_LENGTH);
        assertThat(e.losers().get(0).detail()).isEqualTo("preference 50 vs preference 300");
        assertThat(e.toString()).contains("lost on LOCAL_PREF", "lost on AS_PATH_LENGTH", "decided by AS_PATH_LENGTH");
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) return List.of(items);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> p : permutations(rest)) {
                List<T> l = new ArrayList<>();
                l.add(head);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }
}
