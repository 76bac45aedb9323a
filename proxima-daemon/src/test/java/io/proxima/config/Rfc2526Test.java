package io.proxima.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2526 §2 and §3, value by value. */
class Rfc2526Test {

    private static final Prefix SUBNET = Prefix.parse("2001:db8:1::/64");

    @Test
    void theInterfaceIdentifierIs57OnesButTheUniversalLocalBitThenTheId() {
        // §2: | subnet prefix (64) | 1111110111...111 (57) | anycast ID (7) |
        assertThat(Rfc2526.address(SUBNET, 0)).isEqualTo(IpAddress.parse("2001:db8:1:0:fdff:ffff:ffff:ff80"));
        assertThat(Rfc2526.address(SUBNET, 1)).isEqualTo(IpAddress.parse("2001:db8:1:0:fdff:ffff:ffff:ff81"));
        // §3: 0x7E, Mobile IPv6 Home-Agents anycast; 0x7F reserved.
        assertThat(Rfc2526.address(SUBNET, 0x7E)).isEqualTo(IpAddress.parse("2001:db8:1:0:fdff:ffff:ffff:fffe"));
        assertThat(Rfc2526.address(SUBNET, 0x7F)).isEqualTo(IpAddress.parse("2001:db8:1:0:fdff:ffff:ffff:ffff"));
    }

    @Test
    void theUniversalLocalBitIsZero() {
        // §2: "the universal/local bit MUST be set to 0 (local)": bit 6 of the identifier's first octet.
        for (IpAddress a : Rfc2526.all(SUBNET)) {
            int firstOctetOfInterfaceId = (int) (a.lo() >>> 56);
            assertThat(firstOctetOfInterfaceId & 0x02).isZero();
        }
    }

    @Test
    void theyAreTheHighest128IdentifiersOfTheLocalHalf() {
        List<IpAddress> all = Rfc2526.all(SUBNET);
        assertThat(all).hasSize(128).doesNotHaveDuplicates().isSorted();
        for (int id = 0; id < 128; id++) {
            assertThat(all.get(id).hi()).isEqualTo(SUBNET.network().hi());
            assertThat(all.get(id).lo()).isEqualTo(0xFDFF_FFFF_FFFF_FF80L + id);
        }
    }

    @Test
    void meanings() {
        assertThat(Rfc2526.meaning(126)).isEqualTo("Mobile IPv6 Home-Agents anycast");
        assertThat(Rfc2526.meaning(127)).isEqualTo("reserved");
        assertThat(Rfc2526.meaning(0)).isEqualTo("reserved");
        assertThat(Rfc2526.meaning(125)).isEqualTo("reserved");
    }

    @Test
    void refusesWhatIsNotAnIpv6Slash64OrAnIdOf7Bits() {
        assertThatThrownBy(() -> Rfc2526.address(Prefix.parse("2001:db8:1::/48"), 1)).hasMessage("an RFC 2526 subnet is a /64, not /48");
        assertThatThrownBy(() -> Rfc2526.address(Prefix.parse("192.0.2.0/24"), 1)).hasMessageContaining("is IPv6");
        assertThatThrownBy(() -> Rfc2526.address(Prefix.parse("2001:db8:1::1/64"), 1))
                .hasMessage("2001:db8:1::1/64 has host bits set; did you mean 2001:db8:1::/64?");
        assertThatThrownBy(() -> Rfc2526.address(SUBNET, 128)).hasMessage("an RFC 2526 anycast ID is 0..127, not 128");
        assertThatThrownBy(() -> Rfc2526.address(SUBNET, -1)).hasMessageContaining("0..127");
    }
}
