package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxima validate} and {@code proxima rfc2526}, run in-process. */
class ConfigCommandsTest {

    private static final String VALID = """
            router-id: 192.0.2.10
            local-as: 65010
            peers:
              - address: 192.0.2.1
                remote-as: 65000
            services:
              dns:
                prefixes: [198.51.100.75/32]
                checks:
                  - tcp: { address: "127.0.0.1:53" }
            """;

    @Test
    void validateSaysOkAndCountsServicesAndPeers(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("proxima.yaml"), VALID);
        CliTest.Result r = CliTest.run("validate", "-c", f.toString());
        assertThat(r.rc()).isEqualTo(Main.OK);
        assertThat(r.out()).isEqualTo(f + ": ok (1 service, 1 peer)\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validatePrintsEveryErrorAndExits2(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("proxima.yaml"), VALID.replace("remote-as: 65000", "remote_as: 65000")
                .replace("198.51.100.75/32", "198.51.100.75/24"));
        CliTest.Result r = CliTest.run("validate", "--config", f.toString());
        assertThat(r.rc()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(f + ":5:5: unknown key 'remote_as' in peer; did you mean 'remote-as'?\n"
                + f + ":8:16: 198.51.100.75/24 has host bits set; did you mean 198.51.100.0/24?\n"
                + f + ": 2 errors\n");
    }

    @Test
    void validateOnAMissingFileExits2() {
        CliTest.Result r = CliTest.run("validate", "-c", "/nonexistent/proxima.yaml");
        assertThat(r.rc()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("/nonexistent/proxima.yaml: no such file");
    }

    @Test
    void validateWithoutAFileIsAUsageError() {
        CliTest.Result r = CliTest.run("validate");
        assertThat(r.rc()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--config");
    }

    @Test
    void validateAcceptsTheDocumentedExample() {
        Path example = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/examples/proxima.yaml");
        CliTest.Result r = CliTest.run("validate", "-c", example.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).endsWith(": ok (3 services, 3 peers)\n");
    }

    @Test
    void rfc2526PrintsAll128WithTheirMeaning() {
        CliTest.Result r = CliTest.run("rfc2526", "2001:db8:1::/64");
        assertThat(r.rc()).isEqualTo(Main.OK);
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(1 + 128);
        assertThat(lines[0]).startsWith("ID").contains("ADDRESS", "MEANING");
        assertThat(lines[1]).matches("0\\s+2001:db8:1:0:fdff:ffff:ffff:ff80\\s+reserved");
        assertThat(lines[127]).matches("126\\s+2001:db8:1:0:fdff:ffff:ffff:fffe\\s+Mobile IPv6 Home-Agents anycast");
        assertThat(lines[128]).matches("127\\s+2001:db8:1:0:fdff:ffff:ffff:ffff\\s+reserved");
    }

    @Test
    void rfc2526WithAnIdPrintsTheAddressAlone() {
        CliTest.Result r = CliTest.run("rfc2526", "2001:db8:1::/64", "--id", "126");
        assertThat(r.rc()).isEqualTo(Main.OK);
        assertThat(r.out()).isEqualTo("2001:db8:1:0:fdff:ffff:ffff:fffe\n");
    }

    @Test
    void rfc2526RefusesBadInputWithExit2() {
        assertThat(CliTest.run("rfc2526", "2001:db8:1::/48").err()).contains("an RFC 2526 subnet is a /64, not /48");
        assertThat(CliTest.run("rfc2526", "192.0.2.0/24").rc()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("rfc2526", "banana").err()).contains("not a prefix: 'banana'");
        assertThat(CliTest.run("rfc2526", "2001:db8:1::1/64").err()).contains("has host bits set; did you mean 2001:db8:1::/64?");
        CliTest.Result id = CliTest.run("rfc2526", "2001:db8:1::/64", "--id", "128");
        assertThat(id.rc()).isEqualTo(Main.USAGE);
        assertThat(id.err()).contains("0..127, not 128");
        assertThat(CliTest.run("rfc2526", "2001:db8:1::/64", "--id", "x").rc()).isEqualTo(Main.USAGE);
    }

    @Test
    void helpListsTheNewCommands() {
        assertThat(CliTest.run("--help").out()).contains("validate", "rfc2526");
    }
}
