package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.ip;
import static io.proxima.bgp.rib.Routes.nlri;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    /** Enough routes for the table to grow several times past {@link RouteTable#MIN_CAPACITY}. */
    static final int MANY = 100_000;

    final RouteTable<Attributes> table = new RouteTable<>();
    final Attributes a = Attributes.of(List.of(), ip("192.0.2.1"));
    final Attributes b = Attributes.of(List.of(), ip("192.0.2.2"));

    static Map<Nlri, Attributes> contents(RouteTable<Attributes> t) {
        Map<Nlri, Attributes> out = new HashMap<>();
        t.forEach((n, x) -> assertThat(out.put(n, x)).as("visited once: %s", n).isNull());
        return out;
    }

    @Test
    void putsGetsReplacesAndRemoves() {
        assertThat(table.put(nlri("192.0.2.0/24"), a)).isNull();
        assertThat(table.put(nlri("192.0.2.0/24"), b)).isSameAs(a);
        assertThat(table.get(nlri("192.0.2.0/24"))).isSameAs(b);
        assertThat(table.get(nlri("192.0.2.0/25"))).isNull();
        assertThat(table.containsKey(nlri("192.0.2.0/24"))).isTrue();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.remove(nlri("192.0.2.0/24"))).isSameAs(b);
        assertThat(table.remove(nlri("192.0.2.0/24"))).isNull();
        assertThat(table.isEmpty()).isTrue();
    }

    @Test
    void keysAreWhatPrefixEqualityCompares() {
        // RFC 4271 §4.3: bits beyond the length are irrelevant; 11.13.0.0/13 is 11.8.0.0/13.
        table.put(new Nlri(0, Prefix.parse("11.13.0.0/13")), a);
        assertThat(table.get(nlri("11.8.0.0/13"))).isSameAs(a);
        assertThat(contents(table)).containsOnlyKeys(nlri("11.8.0.0/13"));
        assertThat(contents(table).keySet().iterator().next().prefix().hasTrailingBits()).isFalse();
    }

    @Test
    void familyLengthAndPathIdAreAllPartOfTheKey() {
        List<Nlri> keys = List.of(nlri("0.0.0.0/0"), nlri("::/0"), nlri("0.0.0.0/32"), nlri("::/128"), nlri("::/32"),
                new Nlri(1, Prefix.parse("0.0.0.0/0")), new Nlri(Nlri.MAX_PATH_ID, Prefix.parse("0.0.0.0/0")),
                new Nlri(Nlri.MAX_PATH_ID, Prefix.parse("2001:db8::/32")), nlri("2001:db8::/32"), nlri("::2001:db8/128"),
                nlri("198.51.100.0/24"), nlri("::c633:6400/120"));
        Map<Nlri, Attributes> model = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Attributes x = Attributes.of(List.of(), ip("192.0.2." + (i + 1)));
            table.put(keys.get(i), x);
            model.put(keys.get(i), x);
        }
        assertThat(table.size()).isEqualTo(keys.size());
        assertThat(contents(table)).isEqualTo(model);
        for (Nlri k : keys) assertThat(table.get(k)).as("%s", k).isSameAs(model.get(k));
    }

    @Test
    void growsAndStaysWithinItsLoadFactor() {
        for (int i = 0; i < MANY; i++) table.put(new Nlri(0, Prefix.v4(i << 8, 24)), i % 2 == 0 ? a : b);
        assertThat(table.size()).isEqualTo(MANY);
        assertThat(Integer.bitCount(table.capacity())).isOne();
        assertThat((long) table.size() * RouteTable.LOAD_DENOMINATOR).isLessThanOrEqualTo((long) table.capacity() * RouteTable.LOAD_NUMERATOR);
        for (int i = 0; i < MANY; i++) assertThat(table.get(new Nlri(0, Prefix.v4(i << 8, 24)))).isSameAs(i % 2 == 0 ? a : b);
        // Remove every other route: the runs shift back and the rest stay reachable.
        for (int i = 0; i < MANY; i += 2) assertThat(table.remove(new Nlri(0, Prefix.v4(i << 8, 24)))).isSameAs(a);
        assertThat(table.size()).isEqualTo(MANY / 2);
        for (int i = 0; i < MANY; i++) {
            assertThat(table.get(new Nlri(0, Prefix.v4(i << 8, 24)))).isSameAs(i % 2 == 0 ? null : b);
        }
    }

    @Test
    void removesOneFamilyAndKeepsTheOther() {
        table.put(nlri("192.0.2.0/24"), a);
        table.put(nlri("2001:db8::/32"), b);
        table.put(new Nlri(7, Prefix.parse("2001:db8:1::/48")), a);
        List<Nlri> removed = new ArrayList<>();
        assertThat(table.removeFamily(true, (n, x) -> removed.add(n))).isEqualTo(2);
        assertThat(removed).containsExactlyInAnyOrder(nlri("2001:db8::/32"), new Nlri(7, Prefix.parse("2001:db8:1::/48")));
        assertThat(contents(table)).containsOnlyKeys(nlri("192.0.2.0/24"));
        assertThat(table.removeFamily(false, (n, x) -> { })).isOne();
        assertThat(table.isEmpty()).isTrue();
    }

    @Test
    void putAllCopiesEveryRoute() {
        table.put(nlri("192.0.2.0/24"), a);
        RouteTable<Attributes> other = new RouteTable<>();
        other.put(nlri("192.0.2.0/24"), b);
        other.put(new Nlri(3, Prefix.parse("2001:db8::/32")), a);
        table.putAll(other);
        assertThat(contents(table)).isEqualTo(contents(other));
    }
}
