package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.SharedData;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.nlri.Nlri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as functions: arguments in, output and exit code out. */
class CliTest {

    record Result(int rc, String out, String err) { }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.rc()).isZero();
        assertThat(r.out()).contains("mrt", "decode", "version", "Exit codes");
    }

    /** `run` registers only itself (Main.run): its help, usage errors and exit codes are still picocli's. */
    @Test
    void runAloneStillHasItsHelpAndUsageErrors() {
        Result help = run("run", "--help");
        assertThat(help.rc()).isZero();
        assertThat(help.out()).contains("Usage: proxima run", "--config", "SIGHUP", "Exit codes");
        Result missing = run("run");
        assertThat(missing.rc()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("Missing required option", "Try 'proxima run --help'.");
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(run("--version").out()).startsWith("proxima ");
        assertThat(run("version").out()).startsWith("proxima ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("mrt", "--no-such-option", "x");
        assertThat(r.rc()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void mrtLinesSkipPicocliOnlyForAPlainCommandLine() {
        assertThat(Main.plainMrtLines(new String[] {"mrt", "-m", "a.gz", "b"})).hasSize(2);
        assertThat(Main.plainMrtLines(new String[] {"mrt", "-m", "--help"})).isNull();
        assertThat(Main.plainMrtLines(new String[] {"mrt", "-m", "--", "a.gz"})).isNull();
        assertThat(Main.plainMrtLines(new String[] {"mrt", "-m", "@args"})).isNull();
        assertThat(Main.plainMrtLines(new String[] {"mrt", "a.gz", "-m"})).isNull();
        Result r = run("mrt", "-m", "/nonexistent/file.gz");
        assertThat(r.rc()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("cannot read");
    }

    @Test
    void mrtOnAMissingFileIsAUsageError() {
        Result r = run("mrt", "/nonexistent/file.gz");
        assertThat(r.rc()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("cannot read");
    }

    @Test
    void mrtSummaryCountsRecordsPeersAndPrefixes() {
        Path f = SharedData.bgpdumpData().resolve("updates.20100722.2015.gz");
        Result r = run("mrt", f.toString());
        assertThat(r.rc()).isZero();
        // 789 MESSAGE + 1364 MESSAGE_AS4 + 40 STATE_CHANGE records (counted independently by walking the MRT headers).
        assertThat(r.out()).contains("records: 2193", "BGP4MP/MESSAGE_AS4", "errors: 0");
        // bgpdump prints 5067 A lines and 547 W lines for this file; the summary counts the same prefixes.
        assertThat(r.out()).containsPattern("ipv4-unicast\\s+\\d+ / \\d+");
        long a = 0, w = 0;
        for (String line : r.out().split("\n")) {
            var m = java.util.regex.Pattern.compile("^\\s+ipv[46]-unicast\\s+(\\d+) / (\\d+)").matcher(line);
            if (m.find()) { a += Long.parseLong(m.group(1)); w += Long.parseLong(m.group(2)); }
        }
        assertThat(a).isEqualTo(5067);
        assertThat(w).isEqualTo(547);
    }

    @Test
    void decodeWellFormedExitsZero(@TempDir Path dir) throws IOException {
        Update u = new Update(List.of(), List.of(new Origin(Origin.IGP), AsPath.sequence(65001, 65002),
                new NextHop(IpAddress.parse("192.0.2.1"))), List.of(Nlri.of("198.51.100.0/24")));
        Path f = dir.resolve("update.bin");
        Files.write(f, MessageEncoder.toBytes(u, SessionFacts.AS4));
        Result text = run("decode", "--as4", f.toString());
        assertThat(text.rc()).isZero();
        assertThat(text.out()).contains("UPDATE", "65001 65002", "198.51.100.0/24");
        Result json = run("decode", "--as4", "-o", "json", f.toString());
        assertThat(json.rc()).isZero();
        assertThat(json.out()).contains("\"well_formed\" : true", "\"type\" : \"UPDATE\"");
    }

    @Test
    void decodeMalformedExitsOneAndSaysWhy(@TempDir Path dir) throws IOException {
        // An UPDATE whose ORIGIN is 3 (RFC 7606 §7.1: treat-as-withdraw).
        String hex = "ffffffffffffffffffffffffffffffff" + "002f" + "02" + "0000" + "0014"
                + "400101" + "03" + "400206020100000001" + "400304c0000201" + "18c63364";
        Path f = dir.resolve("bad.hex");
        Files.writeString(f, hex);
        assertThat(HexFormat.of().parseHex(hex)).hasSize(0x2f);
        Result r = run("decode", "--hex", "--as4", f.toString());
        assertThat(r.rc()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains("code: 3", "subcode: 6", "treat-as-withdraw", "198.51.100.0/24");
    }

    @Test
    void decodeOfNonHexIsAUsageError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.hex");
        Files.writeString(f, "zz");
        assertThat(run("decode", "--hex", f.toString()).rc()).isEqualTo(Main.USAGE);
    }
}
