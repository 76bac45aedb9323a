package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RouteTable} against a {@code HashMap<Nlri, Attributes>} model: after every operation of a
 * random sequence of puts, puts-if-absent, removes and family removals, both hold the same routes. Keys come from a
 * small space (a few addresses, lengths and path ids, both families), so slots collide, runs form
 * and removals shift entries back. Named *Test so that surefire's default includes run it.
 */
class RouteTableModelTest {

    /** Distinct attribute sets the operations choose from. */
    static final int VALUES = 3;
    static final int MAX_OPERATIONS = 600;

    static final List<Attributes> ATTRIBUTES = List.of(
            Attributes.of(List.of(), ip("192.0.2.1")), Attributes.of(List.of(), ip("192.0.2.2")), Attributes.of(List.of(), ip("2001:db8::1")));

    enum Kind { PUT, PUT_IF_ABSENT, REMOVE, REMOVE_FAMILY }

    record Op(Kind kind, Nlri nlri, int value) { }

    @Provide
    Arbitrary<Nlri> keys() {
        Arbitrary<Prefix> v4 = Combinators.combine(Arbitraries.of(0, 0x0A000000, 0x0A0000FF, 0xC6336400, 0xFFFFFFFF),
                Arbitraries.of(0, 8, 24, 31, 32)).as(Prefix::v4);
        Arbitrary<Prefix> v6 = Combinators.combine(Arbitraries.of(0L, 0x20010DB800000000L, -1L), Arbitraries.of(0L, 0xC6336400L, -1L),
                Arbitraries.of(0, 32, 64, 96, 128)).as(Prefix::v6);
        return Combinators.combine(Arbitraries.of(0L, 0L, 0L, 1L, Nlri.MAX_PATH_ID), Arbitraries.oneOf(v4, v6)).as(Nlri::new);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.PUT, Kind.PUT, Kind.PUT_IF_ABSENT, Kind.REMOVE, Kind.REMOVE, Kind.REMOVE_FAMILY)
                .withoutEdgeCases(), keys(), Arbitraries.integers().between(0, VALUES - 1)).as(Op::new);
        return op.list().ofMaxSize(MAX_OPERATIONS);
    }

    @Property(tries = 300)
    void holdsWhatAHashMapHolds(@ForAll("operations") List<Op> ops) {
        RouteTable<Attributes> table = new RouteTable<>();
        Map<Nlri, Attributes> model = new HashMap<>();
        for (Op op : ops) {
            switch (op.kind()) {
                case PUT -> assertThat(table.put(op.nlri(), ATTRIBUTES.get(op.value()))).isSameAs(model.put(op.nlri(), ATTRIBUTES.get(op.value())));
                // By prefix alone, as the Loc-RIB keys its table: path id 0.
                case PUT_IF_ABSENT -> assertThat(table.putIfAbsent(op.nlri().prefix(), ATTRIBUTES.get(op.value())))
                        .isSameAs(model.putIfAbsent(new Nlri(0, op.nlri().prefix()), ATTRIBUTES.get(op.value())));
                case REMOVE -> assertThat(table.remove(op.nlri())).isSameAs(model.remove(op.nlri()));
                case REMOVE_FAMILY -> {
                    boolean v6 = op.nlri().prefix().isV6();
                    Map<Nlri, Attributes> removed = new HashMap<>();
                    assertThat(table.removeFamily(v6, removed::put)).isEqualTo(removed.size());
                    Map<Nlri, Attributes> expected = new HashMap<>(model);
                    expected.keySet().removeIf(n -> n.prefix().isV6() != v6);
                    assertThat(removed).isEqualTo(expected);
                    model.keySet().removeIf(n -> n.prefix().isV6() == v6);
                }
            }
            assertThat(table.size()).isEqualTo(model.size());
            assertThat(table.get(op.nlri())).isSameAs(model.get(op.nlri()));
        }
        assertThat(RouteTableTest.contents(table)).isEqualTo(model);
        for (Nlri n : model.keySet()) assertThat(table.get(n)).isSameAs(model.get(n));
    }
}
