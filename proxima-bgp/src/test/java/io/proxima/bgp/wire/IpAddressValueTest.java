package io.proxima.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link IpAddress}'s written-out {@code equals} and {@code hashCode} are the record's own: equal
 * exactly when the components are, and the same hash as a record with the same components, so
 * nothing that hashes addresses sees a difference. Named *Test so that surefire's default includes
 * run it.
 */
class IpAddressValueTest {

    /** What the record generates, for comparison. */
    record Components(boolean v6, long hi, long lo) { }

    @Provide
    Arbitrary<IpAddress> addresses() {
        Arbitrary<IpAddress> v4 = Arbitraries.of(0, 1, 0x0A000001, 0x7F000001, 0xC0000201, -1).map(IpAddress::v4);
        Arbitrary<IpAddress> v6 = Combinators.combine(Arbitraries.of(0L, 1L, 0x20010DB800000000L, Long.MIN_VALUE, -1L),
                Arbitraries.of(0L, 1L, 0xC0000201L, Long.MIN_VALUE, -1L)).as(IpAddress::v6);
        return Arbitraries.oneOf(v4, v6);
    }

    @Property(tries = 1000)
    void equalsAndHashCodeAreTheRecords(@ForAll("addresses") IpAddress a, @ForAll("addresses") IpAddress b) {
        Components ca = new Components(a.v6(), a.hi(), a.lo());
        Components cb = new Components(b.v6(), b.hi(), b.lo());
        assertThat(a.hashCode()).isEqualTo(ca.hashCode());
        assertThat(a.equals(b)).isEqualTo(ca.equals(cb));
        assertThat(a.equals(new IpAddress(a.v6(), a.hi(), a.lo()))).isTrue();
        assertThat(a.equals(null)).isFalse();
    }
}
