package io.proxima.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Prefix#compareTo} orders as its definition says: by network address ({@link IpAddress}'s
 * order: IPv4 before IPv6, then unsigned), then by length; trailing bits do not count (RFC 4271
 * §4.3), and the order agrees with {@link Prefix#equals}. Named *Test so that surefire's default
 * includes run it.
 */
class PrefixOrderTest {

    @Provide
    Arbitrary<Prefix> prefixes() {
        // Few distinct values per field, so that equal networks, equal lengths and trailing bits all occur.
        Arbitrary<Prefix> v4 = Combinators.combine(Arbitraries.of(0, 0x0A000000, 0x0A0000FF, 0x80000000, 0xC6336400, 0xFFFFFFFF),
                Arbitraries.of(0, 1, 8, 24, 31, 32)).as(Prefix::v4);
        Arbitrary<Prefix> v6 = Combinators.combine(Arbitraries.of(0L, 0x20010DB800000000L, Long.MIN_VALUE, -1L),
                Arbitraries.of(0L, 0xC6336400L, Long.MIN_VALUE, -1L), Arbitraries.of(0, 1, 32, 64, 65, 128)).as(Prefix::v6);
        return Arbitraries.oneOf(v4, v6);
    }

    @Property(tries = 2000)
    void ordersByNetworkThenLength(@ForAll("prefixes") Prefix a, @ForAll("prefixes") Prefix b) {
        int byNetwork = a.network().compareTo(b.network());
        int expected = byNetwork != 0 ? byNetwork : Integer.compare(a.length(), b.length());
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(expected));
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-Integer.signum(a.compareTo(b)));
    }
}
