package io.proxima.labkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command (ip, birdc, vtysh, gobgp, kill) to completion. Both streams are drained on
 * their own threads, so a chatty command cannot fill a pipe and block; a command that hangs is
 * killed after its timeout.
 */
final class Exec {

    /** Every control command here answers in well under a second (LAB.md §4: 15–60 ms each). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private Exec() {
    }

    static ExecResult run(List<String> command) {
        return run(command, DEFAULT_TIMEOUT);
    }

    static ExecResult run(List<String> command, Duration timeout) {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(Binaries.resolve(command)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("PATH", Binaries.childPath());
            p = pb.start();
        } catch (IOException e) {
            throw new LabException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new LabException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new ExecResult(command, p.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new LabException("cannot read the output of " + String.join(" ", command), e.getCause());
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Thread::startVirtualThread);
    }
}
