package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK search shared by ./proxima, ./run-tests and .ci/run (scripts/find-jdk.sh), run by bash. */
class LauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    record Run(int rc, String out) { }

    private static Run findJdk(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                ". scripts/find-jdk.sh && proxima_find_jdk && echo \"found $PROXIMA_JAVA_HOME\"");
        pb.directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    /** A directory that looks like a JDK of the given feature version, for the search to find. */
    private static Path fakeJdk(Path dir, String name, int feature) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + feature + "' >&2\n");
        Files.copy(java, bin.resolve("javac"));
        java.toFile().setExecutable(true);
        bin.resolve("javac").toFile().setExecutable(true);
        return dir.resolve(name);
    }

    @Test
    void skipsAnOldJavaHomeAndTakesTheNewestUnderTheJvmDirectory(@TempDir Path dir) throws Exception {
        Path old = fakeJdk(dir, "jdk-17", 17);
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        fakeJdk(jvms, "jdk-21", 21);
        Path newest = fakeJdk(jvms, "jdk-25", 25);
        Run r = findJdk(Map.of("JAVA_HOME", old.toString(), "PATH", "/usr/bin:/bin", "PROXIMA_JVM_DIR", jvms.toString()));
        assertThat(r.rc()).isZero();
        assertThat(r.out()).contains("found " + newest);
    }

    @Test
    void prefersASuitableJavaHome(@TempDir Path dir) throws Exception {
        Path home = fakeJdk(dir, "jdk-21", 21);
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        fakeJdk(jvms, "jdk-25", 25);
        Run r = findJdk(Map.of("JAVA_HOME", home.toString(), "PROXIMA_JVM_DIR", jvms.toString()));
        assertThat(r.out()).contains("found " + home);
    }

    @Test
    void saysWhatItNeedsWhenThereIsNoJdk(@TempDir Path dir) throws Exception {
        Path old = fakeJdk(dir, "jdk-17", 17);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run r = findJdk(Map.of("JAVA_HOME", old.toString(), "PATH", old.resolve("bin") + ":/usr/bin:/bin",
                "PROXIMA_JVM_DIR", empty.toString()));
        assertThat(r.rc()).isNotZero();
        assertThat(r.out()).contains("needs a JDK 21 or newer");
        assertThat(List.of(r.out().split("\n"))).noneMatch(l -> l.startsWith("found"));
    }

    /**
     * `./proxima run` and packaging/proxima.service start the daemon with the same JVM flags and
     * malloc setting: the footprint measured in docs/benchmarks.md (whose benchmark reads the unit)
     * is then the one users get either way.
     */
    @Test
    void theLauncherRunsTheDaemonWithTheSystemdUnitsJvmFlags() throws IOException {
        String unit = Files.readString(ROOT.resolve("packaging/proxima.service"));
        Matcher exec = Pattern.compile("(?m)^ExecStart=\\$\\{JAVA} (.*) -jar \\$\\{PROXIMA_JAR} run ").matcher(unit);
        assertThat(exec.find()).as("the unit's ExecStart").isTrue();
        Set<String> unitFlags = new TreeSet<>(Arrays.asList(exec.group(1).trim().split("\\s+")));

        String launcher = Files.readString(ROOT.resolve("proxima"));
        Matcher common = Pattern.compile("(?m)^jvm=\\(([^)]*)\\)").matcher(launcher);
        assertThat(common.find()).as("the launcher's common flags").isTrue();
        int run = launcher.indexOf("if [ \"${1:-}\" = run ]; then");
        int orElse = launcher.indexOf("\nelse\n", run);
        assertThat(run).as("the launcher's run branch").isPositive();
        Set<String> launcherFlags = new TreeSet<>(flags(common.group(1)));
        Matcher added = Pattern.compile("jvm\\+=\\(([^)]*)\\)").matcher(launcher.substring(run, orElse));
        while (added.find()) launcherFlags.addAll(flags(added.group(1)));
        launcherFlags.removeIf(f -> f.startsWith("-Xlog:"));   // the launcher keeps JVM messages off stdout; journald needs no such care

        assertThat(launcherFlags).isEqualTo(unitFlags);
        assertThat(unit).contains("Environment=MALLOC_ARENA_MAX=2");
        assertThat(launcher.substring(run, orElse)).contains("export MALLOC_ARENA_MAX=2");
    }

    private static List<String> flags(String words) {
        return Arrays.stream(words.trim().split("\\s+")).filter(w -> w.startsWith("-")).toList();
    }
}
