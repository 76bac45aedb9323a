package io.proxima.labkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One foreground child process of the lab, normally a daemon inside a namespace. Its stdout and
 * stderr go to a log file (never to a pipe that the JVM would have to drain). Stopping is SIGCONT
 * (a frozen process cannot act on SIGTERM), SIGTERM, a grace period, then SIGKILL: BIRD, FRR,
 * GoBGP and ExaBGP all exit cleanly on SIGTERM (LAB.md §6).
 */
public final class DaemonProcess {

    /** Time for a daemon to exit on SIGTERM; all four take well under a second. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** Time for the kernel to reap a process after SIGKILL. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);
    /** Lines of the log quoted when a daemon dies or does not become ready. */
    static final int LOG_TAIL_LINES = 30;

    private final String label;
    private final Process process;
    private final Path log;

    private DaemonProcess(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
    }

    static DaemonProcess start(String label, List<String> command, Map<String, String> env, Path workDir, Path log) {
        ProcessBuilder pb = new ProcessBuilder(Binaries.resolve(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().put("PATH", Binaries.childPath());
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getValue() == null) pb.environment().remove(e.getKey());
            else pb.environment().put(e.getKey(), e.getValue());
        }
        try {
            return new DaemonProcess(label, pb.start(), log);
        } catch (IOException e) {
            throw new LabException("cannot start " + label + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    String label() {
        return label;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * SIGSTOP to the process and every process it started (NSD answers from its children, ExaBGP
     * runs its healthcheck as one): they keep their sockets but send nothing, like a hung node.
     */
    public void freeze() {
        signalTree("STOP");
    }

    /** SIGCONT to the process and its descendants. */
    public void thaw() {
        signalTree("CONT");
    }

    private void signalTree(String signal) {
        if (!Signals.send(pid(), signal)) throw new LabException(label + " (pid " + pid() + ") is not running");
        signalChildren(signal);
    }

    /** One kill(1) for every process this one started; one that exited meanwhile is no failure. */
    private void signalChildren(String signal) {
        List<Long> children = process.descendants().map(ProcessHandle::pid).toList();
        if (!children.isEmpty()) Signals.sendAll(children, signal);
    }

    /** Polls {@code ready} until it holds; fails at once, with the log, if the process exits. */
    public void awaitReady(Duration timeout, Supplier<Boolean> ready, String what) {
        Await.until(timeout, () -> {
            if (!process.isAlive()) {
                throw new LabDiedException(label + " exited with status " + process.exitValue()
                        + " before " + what + "; end of " + log + ":\n" + logTail());
            }
            return ready.get();
        }, label + ": " + what);
    }

    /**
     * SIGCONT (to the whole tree, as {@link #freeze} stops it) + SIGTERM without waiting, so that a
     * lab can stop all its daemons at once.
     */
    void requestStop() {
        if (!process.isAlive()) return;
        Signals.send(pid(), "CONT");
        signalChildren("CONT");
        process.destroy();
    }

    /** Waits until {@code deadlineNanos} (System.nanoTime) for exit, then SIGKILLs. True if it exited on its own. */
    boolean awaitStop(long deadlineNanos) {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            if (process.waitFor(left, TimeUnit.NANOSECONDS)) return true;
            process.destroyForcibly();
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LabException(label + " (pid " + pid() + ") survived SIGKILL for " + KILL_WAIT);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LabException("interrupted while stopping " + label, e);
        }
    }

    /** Stops this one process: SIGTERM, up to {@link #STOP_GRACE}, then SIGKILL. */
    public void stop() {
        requestStop();
        awaitStop(System.nanoTime() + STOP_GRACE.toNanos());
    }

    public String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return label + "[" + pid() + "]";
    }
}
