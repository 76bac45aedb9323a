package io.proxima.labkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the lab's programs. Debian puts ip's helpers, sysctl, bird and exabgp in /usr/sbin and
 * FRR's daemons in /usr/lib/frr, which a non-login PATH may lack. The JVM looks a command up in
 * its own PATH, so bare names are resolved here; children get a PATH with the sbin directories too,
 * because {@code ip netns exec} looks its command up in the child's PATH.
 */
final class Binaries {

    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/lib/frr");
    private static final Map<String, Path> FOUND = new ConcurrentHashMap<>();

    private Binaries() {
    }

    /** An absolute path for {@code binary} (a name or a path), if it is an executable file. */
    static Optional<Path> find(String binary) {
        if (binary.contains("/")) {
            Path p = Path.of(binary);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path cached = FOUND.get(binary);
        if (cached != null) return Optional.of(cached);
        for (String d : path()) {
            Path p = Path.of(d, binary);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                FOUND.put(binary, p);
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** {@code command} with its program resolved to an absolute path where it can be. */
    static List<String> resolve(List<String> command) {
        List<String> out = new ArrayList<>(command);
        find(command.get(0)).ifPresent(p -> out.set(0, p.toString()));
        return out;
    }

    /** The JVM's PATH followed by the sbin directories it lacks, as a PATH value. */
    static String childPath() {
        return String.join(":", path());
    }

    private static Set<String> path() {
        Set<String> dirs = new LinkedHashSet<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) dirs.add(d);
        }
        dirs.addAll(SBIN);
        return dirs;
    }
}
