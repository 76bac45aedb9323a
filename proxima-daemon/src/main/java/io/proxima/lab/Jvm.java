package io.proxima.lab;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code proxima} command line for a child JVM: this JVM's own java and class path (the running
 * jar, or the build's classes in tests), made absolute because the child starts in another directory.
 */
final class Jvm {

    private Jvm() {
    }

    static List<String> proxima(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
        cmd.add("io.proxima.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }
}
