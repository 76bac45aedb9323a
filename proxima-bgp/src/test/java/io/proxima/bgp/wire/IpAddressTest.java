package io.proxima.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        // RFC 5952 §4.2.2: a single zero group is not shortened; §4.2.3: the first of equal runs.
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "2001:DB8::AB, 2001:db8::ab",
        // RFC 5952 §5: IPv4-mapped in dotted decimal; the deprecated IPv4-compatible form is not used.
        "::ffff:192.0.2.1, ::ffff:192.0.2.1",
        "::192.0.2.1, ::c000:201",
        "192.0.2.1, 192.0.2.1",
    })
    void printsCanonically(String in, String out) {
        assertThat(IpAddress.parse(in).toString()).isEqualTo(out);
    }

    @Test
    void roundTripsThroughBytes() {
        IpAddress a = IpAddress.parse("2001:db8:75::1");
        assertThat(IpAddress.of(a.toBytes())).isEqualTo(a);
        assertThat(IpAddress.of(a.toInetAddress())).isEqualTo(a);
        assertThat(a.isLinkLocal()).isFalse();
        assertThat(IpAddress.parse("fe80::1").isLinkLocal()).isTrue();
    }

    @Test
    void refusesNames() {
        // A name would mean a DNS lookup; an address literal never does.
        assertThatThrownBy(() -> IpAddress.parse("example.net")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAddress.parse("1.2.3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixesCompareWithoutTrailingBits() {
        Prefix a = Prefix.parse("11.13.0.0/13");
        Prefix b = Prefix.parse("11.8.0.0/13");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.hasTrailingBits()).isTrue();
        assertThat(a.toString()).isEqualTo("11.8.0.0/13");
        assertThat(a.rawAddress().toString()).isEqualTo("11.13.0.0");
        assertThat(Prefix.parse("2001:db8:ffff::/32")).isEqualTo(Prefix.parse("2001:db8::/32"));
        assertThat(Prefix.parse("2001:db8::1/128")).isNotEqualTo(Prefix.parse("2001:db8::/128"));
        assertThat(Prefix.parse("0.0.0.0/0")).isEqualTo(Prefix.parse("10.0.0.0/0"));
        assertThat(Prefix.parse("198.51.100.0/24").contains(IpAddress.parse("198.51.100.75"))).isTrue();
    }
}
