package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
}
