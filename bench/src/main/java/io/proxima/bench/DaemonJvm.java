package io.proxima.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options and environment of {@code proxima run} as installed: read from
 * {@code packaging/proxima.service} (its {@code Environment=} lines and the options of
 * {@code ExecStart} between {@code ${JAVA}} and {@code -jar}), so the benchmark measures the daemon
 * users run. {@code ./proxima run} carries the same ones (LauncherTest checks that).
 *
 * @param options JVM options, in order
 * @param environment variables such as {@code MALLOC_ARENA_MAX}; the unit's own {@code JAVA} and
 *                    {@code PROXIMA_JAR} are left out
 */
record DaemonJvm(List<String> options, Map<String, String> environment) {

    static final Path UNIT = Path.of("packaging", "proxima.service");

    static DaemonJvm fromUnit(Path unit) {
        List<String> lines;
        try {
            lines = Files.readAllLines(unit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + unit.toAbsolutePath() + " (run from the repository's root)", e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        List<String> options = null;
        for (String line : lines) {
            if (line.startsWith("Environment=")) {
                String kv = line.substring("Environment=".length());
                int eq = kv.indexOf('=');
                String key = kv.substring(0, eq);
                if (!key.equals("JAVA") && !key.equals("PROXIMA_JAR")) env.put(key, kv.substring(eq + 1));
            } else if (line.startsWith("ExecStart=")) {
                List<String> words = List.of(line.substring("ExecStart=".length()).trim().split("\\s+"));
                int jar = words.indexOf("-jar");
                if (!words.getFirst().equals("${JAVA}") || jar < 0) throw new IllegalStateException(unit + ": unexpected ExecStart: " + line);
                options = new ArrayList<>(words.subList(1, jar));
            }
        }
        if (options == null) throw new IllegalStateException(unit + " has no ExecStart");
        return new DaemonJvm(List.copyOf(options), Map.copyOf(env));
    }
}
