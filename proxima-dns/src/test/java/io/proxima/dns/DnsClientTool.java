package io.proxima.dns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code dig} (Debian bind9-dnsutils) or {@code kdig} (knot-dnsutils) run as a process against a
 * responder on loopback. A test that needs one is skipped, with the package to install, when the
 * binary is missing.
 */
record DnsClientTool(String binary, String debianPackage) {

    static final DnsClientTool DIG = new DnsClientTool("dig", "dnsutils");
    static final DnsClientTool KDIG = new DnsClientTool("kdig", "knot-dnsutils");
    /** dig waits 2 s per try by default; every query here is to loopback. */
    private static final long PROCESS_TIMEOUT_SECONDS = 20;

    /** Skips the calling test unless the binary is on the PATH. */
    void assume() {
        assumeTrue(path() != null, binary + " is not installed (Debian: apt-get install " + debianPackage + "; .ci/run installs it)");
    }

    Path path() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Runs the tool with {@code args} and returns stdout and stderr together. */
    String run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(path().toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
