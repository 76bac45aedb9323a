package io.proxima.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.config.ConfigLoader.Loaded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in config/invalid states the errors it must produce in its leading comment lines,
 * {@code # expect: LINE:COL: message substring}; the loader must report exactly those.
 */
class InvalidConfigTest {

    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+):(\\d+): (.+)$");
    /** The issue asks for at least 30 committed invalid configs. */
    static final int MIN_FIXTURES = 30;

    record Expected(int line, int col, String message) {
        boolean matches(ConfigError e) {
            return e.line() == line && e.col() == col && e.message().contains(message);
        }

        @Override
        public String toString() {
            return line + ":" + col + ": " + message;
        }
    }

    static List<Path> fixtures() {
        List<Path> files = Fixtures.yamlFiles("invalid");
        assertThat(files).hasSizeGreaterThanOrEqualTo(MIN_FIXTURES);
        return files;
    }

    static List<Expected> expectations(Path file) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = EXPECT.matcher(line);
            if (!m.matches()) break;
            out.add(new Expected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedErrors(Path file) throws IOException {
        List<Expected> expected = expectations(file);
        assertThat(expected).as("%s states its errors in '# expect:' lines", file.getFileName()).isNotEmpty();

        Loaded loaded = ConfigLoader.load(file);

        assertThat(loaded).isInstanceOf(Loaded.Invalid.class);
        List<ConfigError> errors = ((Loaded.Invalid) loaded).errors();
        String actual = String.join("\n", errors.stream().map(ConfigError::toString).toList());
        for (Expected e : expected) {
            assertThat(errors).as("expected %s among:\n%s", e, actual).anyMatch(e::matches);
        }
        assertThat(errors).as("exactly the expected errors:\n%s", actual).hasSameSizeAs(expected);
        for (ConfigError e : errors) {
            assertThat(e.toString()).startsWith(file + ":" + e.line() + ":" + e.col() + ": ");
        }
    }
}
