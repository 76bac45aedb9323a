package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.as;
import static io.proxima.bgp.rib.Routes.attrs;
import static io.proxima.bgp.rib.Routes.ebgp;
import static io.proxima.bgp.rib.Routes.ibgp;
import static io.proxima.bgp.rib.Routes.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LocRib} against a model that states its contract plainly: per prefix a list of candidate
 * paths, one per source (peer and path identifier), and the best of them by
 * {@link DecisionProcess#best}. After every step of a random sequence of adds, removes and
 * {@link LocRib#update} batches (whose routes share one {@link Path} per attribute set), both give
 * the same best-path change, the same best path and candidates per prefix, the same
 * {@link LocRib#forEachBest} and size, and the same explanation. Keys come from a small space, so
 * prefixes gain and lose several candidates, and the table grows and shifts entries on removal.
 * Named *Test so that surefire's default includes run it.
 */
class LocRibModelTest {

    static final int MAX_OPERATIONS = 200;
    static final int MAX_BATCH = 8;

    static final List<PeerId> PEERS = List.of(ebgp("10.0.0.1", 65001), ebgp("10.0.0.2", 65002), ebgp("10.0.0.3", 65001),
            ibgp("10.0.0.4", "10.0.0.4"), Routes.self());

    /** Sets that differ in each of the early rules: AS_PATH length, MED within one neighbouring AS, LOCAL_PREF for iBGP. */
    static final List<Attributes> ATTRIBUTES = List.of(
            attrs("10.0.0.9", as(65001)),
            attrs("10.0.0.9", as(65001, 65010)),
            attrs("10.0.0.9", as(65001), new MultiExitDisc(5)),
            attrs("10.0.0.9", as(65002, 65010), new MultiExitDisc(1)),
            attrs("10.0.0.9", as(65001), new LocalPref(200)));

    static final List<Prefix> PREFIXES = List.of(prefix("198.51.100.0/24"), prefix("198.51.100.0/25"), prefix("203.0.113.0/24"),
            prefix("192.0.2.1/32"), prefix("0.0.0.0/0"), prefix("2001:db8::/32"), prefix("2001:db8::/48"), prefix("::/0"));

    enum Kind { ADD, REMOVE, UPDATE }

    /** One change from one source; UPDATE applies a batch of them through {@link LocRib#update}. */
    record Change(boolean add, int prefix, long pathId, int attributes) { }

    record Op(Kind kind, int peer, List<Change> changes) { }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Change> change = Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.integers().between(0, PREFIXES.size() - 1),
                Arbitraries.of(0L, 0L, 1L), Arbitraries.integers().between(0, ATTRIBUTES.size() - 1)).as(Change::new);
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.ADD, Kind.ADD, Kind.REMOVE, Kind.UPDATE).withoutEdgeCases(),
                Arbitraries.integers().between(0, PEERS.size() - 1), change.list().ofMinSize(1).ofMaxSize(MAX_BATCH)).as(Op::new);
        return op.list().ofMaxSize(MAX_OPERATIONS);
    }

    @Property(tries = 200)
    void decidesWhatTheModelDecides(@ForAll("operations") List<Op> ops) {
        DecisionProcess decision = new DecisionProcess();
        LocRib rib = new LocRib(decision);
        Model model = new Model(decision);
        for (Op op : ops) {
            PeerId peer = PEERS.get(op.peer());
            switch (op.kind()) {
                case ADD -> {
                    Change c = op.changes().get(0);
                    Prefix p = PREFIXES.get(c.prefix());
                    Path path = new Path(peer, c.pathId(), ATTRIBUTES.get(c.attributes()));
                    assertSameChange(rib.add(p, path), model.add(p, path));
                }
                case REMOVE -> {
                    Change c = op.changes().get(0);
                    Prefix p = PREFIXES.get(c.prefix());
                    assertSameChange(rib.remove(p, peer, c.pathId()), model.remove(p, peer, c.pathId()));
                }
                case UPDATE -> {
                    List<RouteChange> changes = new ArrayList<>();
                    List<BestChange> expected = new ArrayList<>();
                    for (Change c : op.changes()) {
                        Prefix p = PREFIXES.get(c.prefix());
                        Nlri n = new Nlri(c.pathId(), p);
                        Attributes a = ATTRIBUTES.get(c.attributes());
                        if (c.add()) {
                            changes.add(new RouteChange.Added(n, a));
                            expected.add(model.add(p, new Path(peer, c.pathId(), a)));
                        } else {
                            changes.add(new RouteChange.Removed(n, a));
                            expected.add(model.remove(p, peer, c.pathId()));
                        }
                    }
                    List<BestChange> got = rib.update(peer, changes);
                    List<BestChange> want = expected.stream().filter(Objects::nonNull).toList();
                    assertThat(got).hasSameSizeAs(want);
                    for (int i = 0; i < got.size(); i++) assertSameChange(got.get(i), want.get(i));
                }
            }
            assertSameContents(rib, model, decision);
        }
    }

    private static void assertSameChange(BestChange got, BestChange want) {
        if (want == null) {
            assertThat(got).isNull();
            return;
        }
        assertThat(got).isNotNull();
        assertThat(got.prefix()).isEqualTo(want.prefix());
        assertThat(got.previous()).isEqualTo(want.previous());
        assertThat(got.best()).isEqualTo(want.best());
    }

    private static void assertSameContents(LocRib rib, Model model, DecisionProcess decision) {
        assertThat(rib.size()).isEqualTo(model.candidates.size());
        Map<Prefix, Path> best = new HashMap<>();
        rib.forEachBest((p, path) -> assertThat(best.put(p, path)).as("visited once: %s", p).isNull());
        Map<Prefix, Path> modelBest = new HashMap<>();
        model.candidates.forEach((p, c) -> modelBest.put(p, decision.best(c)));
        assertThat(best).isEqualTo(modelBest);
        for (Prefix p : PREFIXES) {
            List<Path> c = model.candidates.getOrDefault(p, List.of());
            assertThat(rib.best(p)).isEqualTo(c.isEmpty() ? null : decision.best(c));
            assertThat(new HashSet<>(rib.candidates(p))).isEqualTo(new HashSet<>(c));
            if (c.isEmpty()) {
                assertThat(rib.explain(p)).isEmpty();
            } else {
                assertThat(rib.candidates(p).get(0)).isEqualTo(rib.best(p));
                Explanation got = rib.explain(p).orElseThrow();
                Explanation want = decision.explain(c);
                assertThat(got.winner()).isEqualTo(want.winner());
                assertThat(got.decidedBy()).isEqualTo(want.decidedBy());
                // Which path a loser lost to first depends on the candidates' order; the rule it lost on does not.
                assertThat(rules(got)).isEqualTo(rules(want));
            }
        }
    }

    private static Map<Path, Rule> rules(Explanation e) {
        Map<Path, Rule> out = new HashMap<>();
        for (Explanation.Loss l : e.losers()) out.put(l.path(), l.rule());
        return out;
    }

    /** The contract: candidates per prefix, one per source, and a change whenever the best's source or attributes change. */
    static final class Model {
        final DecisionProcess decision;
        final Map<Prefix, List<Path>> candidates = new LinkedHashMap<>();

        Model(DecisionProcess decision) {
            this.decision = decision;
        }

        BestChange add(Prefix p, Path path) {
            List<Path> c = candidates.computeIfAbsent(p, k -> new ArrayList<>());
            Path before = c.isEmpty() ? null : decision.best(c);
            c.removeIf(x -> x.sameSource(path));
            c.add(path);
            return change(p, before, decision.best(c));
        }

        BestChange remove(Prefix p, PeerId peer, long pathId) {
            List<Path> c = candidates.get(p);
            if (c == null) return null;
            Path before = decision.best(c);
            if (!c.removeIf(x -> x.pathId() == pathId && x.peer().equals(peer))) return null;
            if (c.isEmpty()) {
                candidates.remove(p);
                return new BestChange(p, before, null);
            }
            return change(p, before, decision.best(c));
        }

        private static BestChange change(Prefix p, Path before, Path after) {
            if (before != null && before.sameSource(after) && before.attributes().equals(after.attributes())) return null;
            return new BestChange(p, before, after);
        }
    }
}
