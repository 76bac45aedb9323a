package io.proxima.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line for a bench main class in a JVM of its own, which a namespace's
 * {@code spawn} runs: same JDK and class path as this JVM, and the JVM options of the
 * {@code ./proxima} launcher (Serial GC, no heap limit) so the figures are a daemon's. Options in
 * the environment variable {@value #EXTRA_OPTIONS_ENV} (space-separated) are added after those, e.g.
 * a heap limit or a flight recording.
 */
final class JavaChild {

    /** What ./proxima passes to every run, minus the class-data archive and log settings. */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC");
    static final String EXTRA_OPTIONS_ENV = "PROXIMA_BENCH_JAVA_OPTS";

    private JavaChild() {
    }

    /** The JVM options every child gets: the launcher's, then those of {@value #EXTRA_OPTIONS_ENV}. */
    static List<String> options() {
        List<String> o = new ArrayList<>(LAUNCHER_OPTIONS);
        o.addAll(extraOptions());
        return o;
    }

    /** The options of {@value #EXTRA_OPTIONS_ENV}, space-separated. */
    static List<String> extraOptions() {
        String env = System.getenv(EXTRA_OPTIONS_ENV);
        return env == null || env.isBlank() ? List.of() : List.of(env.strip().split("\\s+"));
    }

    /** This JVM's class path with every entry absolute: a child may run in another directory. */
    static String absoluteClassPath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            out.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    static String[] command(Class<?> main, List<String> extraJvmOptions, String... args) {
        List<String> jvm = new ArrayList<>(options());
        jvm.addAll(extraJvmOptions);
        return line(main, jvm, args);
    }

    /**
     * The command line with exactly {@code baseOptions} and then the options of
     * {@value #EXTRA_OPTIONS_ENV} (which therefore win), instead of the launcher's.
     */
    static String[] commandWith(Class<?> main, List<String> baseOptions, String... args) {
        List<String> jvm = new ArrayList<>(baseOptions);
        jvm.addAll(extraOptions());
        return line(main, jvm, args);
    }

    private static String[] line(Class<?> main, List<String> jvmOptions, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd.toArray(String[]::new);
    }
}
