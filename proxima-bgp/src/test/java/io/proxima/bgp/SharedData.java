package io.proxima.bgp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The read-only data in ../shared/data (bgpdump's MRT files and expected output, fuzz corpora).
 * Surefire passes its path as {@code proxima.shared.data}; tests that need it are skipped, with the
 * reason, when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String p = System.getProperty("proxima.shared.data", "../shared/data");
        Path root = Path.of(p).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root), "shared test data not found at " + root + " (set -Dproxima.shared.data)");
        return root;
    }

    public static Path bgpdumpData() {
        return root().resolve("mrt/bgpdump/test_data");
    }

    public static Path bgpdumpExpect() {
        return root().resolve("mrt/bgpdump/test_expect");
    }

    public static List<Path> mrtFiles() throws IOException {
        try (Stream<Path> s = Files.list(bgpdumpData())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * The MRT files, for a parameterized test's source. Without the data it yields one placeholder,
     * so the test runs once and is reported skipped with the reason (an assumption failing in the
     * source itself would leave a silent class with no tests). Tests call {@link #require} first.
     */
    public static Stream<Path> mrtFilesOrPlaceholder() throws IOException {
        String p = System.getProperty("proxima.shared.data", "../shared/data");
        if (!Files.isDirectory(Path.of(p).resolve("mrt/bgpdump/test_data"))) return Stream.of(Path.of("shared-data-missing"));
        return mrtFiles().stream();
    }

    /** Skips the calling test, with the reason, when the shared data is absent. */
    public static void require() {
        root();
    }
}
