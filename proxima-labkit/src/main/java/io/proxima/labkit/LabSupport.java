package io.proxima.labkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this machine can run the lab: root, working {@code ip netns}, and the daemons' binaries.
 * Tests call {@link #assumeLab}; without root or a daemon they are skipped with the reason, which
 * ./run-tests lists from the surefire reports, instead of failing or passing vacuously.
 */
public final class LabSupport {

    /** What every lab uses: namespaces and links, sysctls inside them, signals by PID. */
    private static final List<String> BASE_TOOLS = List.of("ip", "sysctl", "kill");
    /** The 'bird' package is BIRD 1.6, with another config language; the lab needs 'bird2'. */
    private static final String BIRD2_VERSION = "BIRD version 2.";

    private static volatile String netnsProblem;
    private static volatile boolean netnsChecked;

    private LabSupport() {
    }

    /**
     * Skips the calling test unless the lab can run here with {@code binaries} (command names or
     * absolute paths, e.g. {@code "bird", "birdc", "vtysh", "/usr/lib/frr/bgpd", "gobgpd",
     * "exabgp"}).
     */
    public static void assumeLab(String... binaries) {
        Optional<String> why = unavailable(binaries);
        assumeTrue(why.isEmpty(), () -> why.orElse(""));
    }

    /** Why the lab cannot run here with {@code binaries}, or empty if it can. No JUnit needed. */
    public static Optional<String> unavailable(String... binaries) {
        if (!isRoot()) return Optional.of("the network lab needs root (ip netns, daemons in namespaces)");
        List<String> missing = new ArrayList<>();
        List<String> all = new ArrayList<>(BASE_TOOLS);
        all.addAll(List.of(binaries));
        for (String b : all) {
            if (find(b).isEmpty()) missing.add(b);
        }
        if (!missing.isEmpty()) {
            return Optional.of("missing " + String.join(", ", missing)
                    + " (Debian: apt-get install iproute2 procps bird2 frr gobgpd exabgp; .ci/run installs them)");
        }
        if (List.of(binaries).contains("bird")) {
            ExecResult v = Exec.run(List.of(find("bird").get().toString(), "--version"));
            String text = v.stdout() + v.stderr();
            if (!text.contains(BIRD2_VERSION)) return Optional.of("bird is not BIRD 2: " + text.strip());
        }
        String ns = netnsProblem();
        return ns == null ? Optional.empty() : Optional.of(ns);
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0"); // effective uid
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static Optional<Path> find(String binary) {
        return Binaries.find(binary);
    }

    /** Creates and deletes a probe namespace once per JVM; null if that worked. */
    private static String netnsProblem() {
        if (!netnsChecked) {
            synchronized (LabSupport.class) {
                if (!netnsChecked) {
                    netnsProblem = probeNetns();
                    netnsChecked = true;
                }
            }
        }
        return netnsProblem;
    }

    private static String probeNetns() {
        String probe = Lab.PREFIX + ProcessHandle.current().pid() + "-0-probe";
        try {
            ExecResult add = Exec.run(List.of("ip", "netns", "add", probe));
            if (!add.ok()) return "ip netns add fails here: " + add.stderr().strip();
            ExecResult up = Exec.run(List.of("ip", "-n", probe, "link", "set", "lo", "up"));
            if (!up.ok()) return "cannot configure a namespace: " + up.stderr().strip();
            return null;
        } catch (LabException e) {
            return "ip netns does not work: " + e.getMessage();
        } finally {
            Exec.run(List.of("ip", "netns", "del", probe));
        }
    }
}
