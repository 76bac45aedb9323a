package io.proxima.labkit;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what labs of dead JVMs left: namespaces (and the processes still running in them),
 * file trees, and FRR's empty {@code /var/tmp/frr/<daemon>.<pid>} directories. A lab's name
 * holds its JVM's PID; anything whose PID is still alive is left alone.
 */
final class Sweep {

    private static final Pattern OURS = Pattern.compile("^" + Lab.PREFIX + "(\\d+)-.*");
    /** FRR makes /var/tmp/frr/<daemon>.<pid> per start and cannot rmdir it after dropping privileges (LAB.md §5). */
    private static final Path FRR_TEMP = Path.of("/var/tmp/frr");
    private static final Pattern FRR_TEMP_DIR = Pattern.compile("^[a-z]+\\.(\\d+)$");

    private Sweep() {
    }

    static int run() {
        int removed = 0;
        for (String ns : namespaceNames()) {
            if (ownerAlive(ns)) continue;
            Netns.killAll(ns);
            if (Exec.run(List.of("ip", "netns", "del", ns)).ok()) removed++;
        }
        for (Path d : list(Lab.FILES_ROOT)) {
            if (!ownerAlive(d.getFileName().toString())) deleteTree(d);
        }
        frrTempDirs(List.of());
        return removed;
    }

    /** Names in {@code ip netns list} that this harness made (in any JVM). */
    static List<String> namespaceNames() {
        ExecResult r = Exec.run(List.of("ip", "netns", "list"));
        if (!r.ok()) return List.of();
        List<String> names = new ArrayList<>();
        r.stdout().lines().map(l -> l.strip().split("\\s+")[0]).filter(n -> OURS.matcher(n).matches()).forEach(names::add);
        return names;
    }

    /** True unless the name is ours and its PID is no longer alive (names not ours count as alive). */
    static boolean ownerAlive(String name) {
        Matcher m = OURS.matcher(name);
        if (!m.matches()) return true;
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Removes empty FRR temp dirs whose PID is dead or is one of {@code ourDeadPids}. Only empty
     * ones: a live FRR elsewhere on the machine keeps its files.
     */
    static void frrTempDirs(Collection<Long> ourDeadPids) {
        for (Path d : list(FRR_TEMP)) {
            Matcher m = FRR_TEMP_DIR.matcher(d.getFileName().toString());
            if (!m.matches()) continue;
            long pid = Long.parseLong(m.group(1));
            boolean dead = ourDeadPids.contains(pid) || !Signals.alive(pid);
            if (!dead) continue;
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                // not empty: not a leftover of a clean FRR exit, leave it for a person to look at
            } catch (IOException e) {
                // racing another sweep or not ours to delete; harmless either way
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // gone already
                }
            }
        } catch (IOException e) {
            throw new LabException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
