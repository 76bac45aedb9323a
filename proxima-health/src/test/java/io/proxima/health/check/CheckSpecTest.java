package io.proxima.health.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad configuration fails when it loads, with a message that names the field. */
class CheckSpecTest {

    private static final Timing TIMING = new Timing(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 3, Optional.empty(), Optional.empty());

    @TempDir Path dir;

    @Test
    void timeoutMustBeSmallerThanInterval() {
        assertThatThrownBy(() -> new Timing(Duration.ofSeconds(2), Duration.ofSeconds(2), 1, 1, Optional.empty(), Optional.empty()))
                .hasMessage("timeout 2000 ms must be smaller than interval 2000 ms");
    }

    @Test
    void riseZeroIsRejected() {
        assertThatThrownBy(() -> new Timing(Duration.ofSeconds(5), Duration.ofSeconds(1), 0, 1, Optional.empty(), Optional.empty()))
                .hasMessage("rise must be 1..100, not 0");
    }

    @Test
    void unreadablePasswordFileIsNamed() {
        Path missing = dir.resolve("ldap.pw");
        assertThatThrownBy(() -> new LdapCheck(URI.create("ldap://127.0.0.1"), "cn=x", missing, "dc=x", "(uid=a)", TIMING))
                .hasMessage("ldap: password file " + missing + " is missing or not readable");
    }

    @Test
    void ldapFilterAndScheme() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "x");
        assertThatThrownBy(() -> new LdapCheck(URI.create("ldap://127.0.0.1"), "cn=x", pw, "dc=x", "uid=a)(", TIMING))
                .hasMessageStartingWith("ldap: filter is not valid");
        assertThatThrownBy(() -> new LdapCheck(URI.create("http://127.0.0.1"), "cn=x", pw, "dc=x", "(uid=a)", TIMING))
                .hasMessage("ldap: url must be ldap:// or ldaps://, not http://127.0.0.1");
        var ldaps = new LdapCheck(URI.create("ldaps://127.0.0.1"), "cn=x", pw, "dc=x", "(uid=a)", TIMING);
        assertThat(ldaps.effectivePort()).isEqualTo(636);
    }

    @Test
    void portAndRegex() {
        assertThatThrownBy(() -> new TcpCheck("127.0.0.1", 0, Optional.empty(), Optional.empty(), TIMING))
                .hasMessage("tcp: port must be 1..65535, not 0");
        assertThatThrownBy(() -> new TcpCheck("127.0.0.1", 80, Optional.empty(), Optional.of("(unclosed"), TIMING))
                .hasMessageStartingWith("tcp: expect is not a valid regex");
    }

    @Test
    void udpPayloadIsHex() {
        assertThatThrownBy(() -> new UdpCheck("127.0.0.1", 53, "abc", Optional.empty(), TIMING))
                .hasMessageStartingWith("udp: payload is not hex");
        assertThat(new UdpCheck("127.0.0.1", 53, "0a0B", Optional.empty(), TIMING).payload()).containsExactly(0x0a, 0x0b);
    }

    @Test
    void httpUrlMethodAndStatuses() {
        assertThatThrownBy(() -> new HttpCheck(URI.create("ftp://h/"), "GET", Optional.empty(), HttpCheck.DEFAULT_ACCEPTED, Optional.empty(), true, TIMING))
                .hasMessage("http: url must be http:// or https://, not ftp://h/");
        assertThatThrownBy(() -> new HttpCheck(URI.create("http://h/"), "GE T", Optional.empty(), HttpCheck.DEFAULT_ACCEPTED, Optional.empty(), true, TIMING))
                .hasMessage("http: method is not a token: 'GE T'");
        assertThatThrownBy(() -> new HttpCheck.StatusRange(400, 200))
                .hasMessage("http: status range must lie in 100..599 with from <= to, not 400-200");
        var check = new HttpCheck(URI.create("http://h/"), "HEAD", Optional.empty(), HttpCheck.DEFAULT_ACCEPTED, Optional.empty(), true, TIMING);
        assertThat(check.accepts(200)).isTrue();
        assertThat(check.accepts(399)).isTrue();
        assertThat(check.accepts(400)).isFalse();
    }

    @Test
    void dnsName() {
        String longLabel = "a".repeat(64);
        assertThatThrownBy(() -> dns(longLabel + ".example")).hasMessage("dns: label longer than 63 in '" + longLabel + ".example'");
        assertThatThrownBy(() -> dns("a..b")).hasMessage("dns: name has an empty label: 'a..b'");
        String tooLong = String.join(".", java.util.Collections.nCopies(5, "a".repeat(60)));
        assertThatThrownBy(() -> dns(tooLong)).hasMessage("dns: name longer than 255 octets");
        assertThat(dns("id.server.").name()).isEqualTo("id.server.");
    }

    @Test
    void execNeedsAProgram() {
        assertThatThrownBy(() -> new ExecCheck(List.of(), Set.of(), Optional.empty(), TIMING)).hasMessage("exec: argv must name a program");
    }

    @Test
    void specsCompareByValue() throws Exception {
        var a = new AddressCheck(InetAddress.getByName("192.0.2.1"), Optional.of("lo"), TIMING);
        var b = new AddressCheck(InetAddress.getByName("192.0.2.1"), Optional.of("lo"), TIMING);
        assertThat(a).isEqualTo(b);
    }

    private static DnsCheck dns(String name) {
        return new DnsCheck("127.0.0.1", DnsCheck.DEFAULT_PORT, name, DnsCheck.DnsType.A, DnsCheck.DnsClass.IN,
                DnsCheck.Transport.UDP, DnsCheck.Rcode.NOERROR, Optional.empty(), false, TIMING);
    }
}
