package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.announce;
import static io.proxima.bgp.rib.Routes.as;
import static io.proxima.bgp.rib.Routes.attrs;
import static io.proxima.bgp.rib.Routes.ebgp;
import static io.proxima.bgp.rib.Routes.nlri;
import static io.proxima.bgp.rib.Routes.routes;
import static io.proxima.bgp.rib.Routes.prefix;
import static io.proxima.bgp.rib.Routes.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocRibTest {

    final LocRib rib = new LocRib(new DecisionProcess());
    final Prefix p = prefix("198.51.100.0/24");
    final PeerId a = ebgp("10.0.0.1", 65001);
    final PeerId b = ebgp("10.0.0.2", 65002);

    @Test
    void theFirstPathIsTheBestAndItsRemovalLeavesNothing() {
        Path only = new Path(a, 0, attrs("10.0.0.1", as(65001)));
        assertThat(rib.add(p, only)).isEqualTo(new BestChange(p, null, only));
        assertThat(rib.best(p)).isSameAs(only);
        BestChange gone = rib.remove(p, a, 0);
        assertThat(gone.isWithdrawal()).isTrue();
        assertThat(gone.previous()).isSameAs(only);
        assertThat(rib.size()).isZero();
        assertThat(rib.explain(p)).isEmpty();
    }

    @Test
    void aBetterPathTakesOverAndAWorseOneChangesNothing() {
        Path longer = new Path(a, 0, attrs("10.0.0.1", as(65001, 65009, 65010)));
        Path shorter = new Path(b, 0, attrs("10.0.0.2", as(65002, 65010)));
        rib.add(p, longer);
        BestChange c = rib.add(p, shorter);
        assertThat(c.previous()).isSameAs(longer);
        assertThat(c.best()).isSameAs(shorter);
        PeerId third = ebgp("10.0.0.3", 65003);
        assertThat(rib.add(p, new Path(third, 0, attrs("10.0.0.3", as(65003, 65008, 65009, 65010))))).isNull();
        assertThat(rib.candidates(p)).hasSize(3).first().isSameAs(shorter);
        assertThat(rib.explain(p).orElseThrow().decidedBy()).isEqualTo(Rule.AS_PATH_LENGTH);
    }

    @Test
    void removingTheBestFallsBackToTheNextAndRemovingALoserIsSilent() {
        Path longer = new Path(a, 0, attrs("10.0.0.1", as(65001, 65009, 65010)));
        Path shorter = new Path(b, 0, attrs("10.0.0.2", as(65002, 65010)));
        rib.add(p, longer);
        rib.add(p, shorter);
        BestChange c = rib.remove(p, b, 0);
        assertThat(c.best()).isSameAs(longer);
        rib.add(p, shorter);
        assertThat(rib.remove(p, a, 0)).isNull();
        assertThat(rib.best(p)).isSameAs(shorter);
        assertThat(rib.remove(p, a, 0)).as("already gone").isNull();
    }

    @Test
    void newAttributesOnTheBestPathAreAChangeAndEqualOnesAreNot() {
        rib.add(p, new Path(a, 0, attrs("10.0.0.1", as(65001))));
        assertThat(rib.add(p, new Path(a, 0, attrs("10.0.0.1", as(65001))))).isNull();
        Path changed = new Path(a, 0, attrs("10.0.0.1", as(65001, 65001)));
        assertThat(rib.add(p, changed).best()).isSameAs(changed);
        assertThat(rib.candidates(p)).containsExactly(changed);
    }

    @Test
    void aLocallyOriginatedRouteWinsOverALearnedOne() {
        Prefix anycast = prefix("198.51.100.75/32");
        rib.add(anycast, new Path(a, 0, attrs("10.0.0.1", as(65001))));
        Path own = new Path(Routes.self(), 0, Advertisement.of(anycast).attributes());
        assertThat(rib.add(anycast, own).best()).isSameAs(own);
        assertThat(rib.explain(anycast).orElseThrow().decidedBy()).isEqualTo(Rule.LOCALLY_ORIGINATED);
    }

    @Test
    void removingALoserCanChangeTheBestBecauseOfMed() {
        // X loses to Y on MED (same AS 65001); Y loses to Z on BGP identifier. Without Y, X is no
        // longer eliminated by MED, and X beats Z on BGP identifier.
        PeerId x = ebgp("10.0.0.1", 65001, "1.0.0.1");
        PeerId y = ebgp("10.0.0.3", 65001, "1.0.0.3");
        PeerId z = ebgp("10.0.0.2", 65002, "1.0.0.2");
        rib.add(p, new Path(x, 0, attrs("10.0.0.1", as(65001, 65010), new MultiExitDisc(20))));
        rib.add(p, new Path(y, 0, attrs("10.0.0.3", as(65001, 65010), new MultiExitDisc(10))));
        Path zPath = new Path(z, 0, attrs("10.0.0.2", as(65002, 65010)));
        rib.add(p, zPath);
        assertThat(rib.best(p)).isSameAs(zPath);
        BestChange c = rib.remove(p, y, 0);
        assertThat(c).isNotNull();
        assertThat(c.best().peer()).isEqualTo(x);
    }

    @Test
    void takesTheChangesOfAnAdjRibIn() {
        AdjRibIn in = new AdjRibIn(a);
        InboundResult r = in.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "198.51.100.0/24")));
        List<BestChange> changes = rib.update(a, r.changes());
        assertThat(changes).extracting(BestChange::prefix).containsExactly(prefix("192.0.2.0/24"), p);
        assertThat(rib.update(a, in.apply(withdraw(routes("192.0.2.0/24"))).changes()))
                .singleElement().satisfies(c -> assertThat(c.isWithdrawal()).isTrue());
        assertThat(rib.update(a, in.clear())).singleElement().extracting(BestChange::prefix).isEqualTo(p);
        assertThat(rib.size()).isZero();
    }

    @Test
    void addPathCandidatesFromOnePeerAreSeparate() {
        rib.add(p, new Path(a, 7, attrs("10.0.0.1", as(65001))));
        rib.add(p, new Path(a, 3, attrs("10.0.0.1", as(65001))));
        assertThat(rib.best(p).pathId()).isEqualTo(3);
        assertThat(rib.remove(p, a, 3).best().pathId()).isEqualTo(7);
    }
}
