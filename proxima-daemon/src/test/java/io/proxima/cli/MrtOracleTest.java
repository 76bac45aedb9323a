package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.SharedData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 1: for every bgpdump test file, {@code proxima mrt -m} prints exactly what bgpdump
 * printed ({@code test_expect/FILE.bgp.gz}), byte for byte. A failure shows the first differing line.
 */
class MrtOracleTest {

    static Stream<Path> files() throws IOException {
        return SharedData.mrtFilesOrPlaceholder();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void outputIsByteIdenticalToBgpdump(Path file) throws IOException {
        SharedData.require();
        Path expectFile = SharedData.bgpdumpExpect().resolve(file.getFileName() + ".bgp.gz");
        byte[] expected;
        try (var in = new GZIPInputStream(Files.newInputStream(expectFile))) {
            expected = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"mrt", "-m", file.toString()}, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(rc).as("exit code; stderr: %s", err).isZero();
        byte[] actual = out.toByteArray();
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new AssertionError(firstDifference(expected, actual));
        }
    }

    private static String firstDifference(byte[] expected, byte[] actual) throws IOException {
        try (BufferedReader e = new BufferedReader(new StringReader(new String(expected, StandardCharsets.US_ASCII)));
             BufferedReader a = new BufferedReader(new StringReader(new String(actual, StandardCharsets.US_ASCII)))) {
            for (int line = 1; ; line++) {
                String x = e.readLine();
                String y = a.readLine();
                if (x == null && y == null) return "outputs differ only in line endings";
                if (x == null || !x.equals(y)) {
                    return "first difference at line " + line + ":\n  bgpdump: " + x + "\n  proxima: " + y;
                }
            }
        }
    }
}
