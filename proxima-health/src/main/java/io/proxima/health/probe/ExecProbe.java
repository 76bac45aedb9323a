package io.proxima.health.probe;

import io.proxima.health.check.ExecCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command without a shell, its environment cut to the allow-list and stdout and stderr
 * merged into a bounded buffer. Exit 0 passes. A command still running at the timeout is killed
 * together with every process it started.
 */
final class ExecProbe implements BlockingProbe {

    /** The command's output kept for the event log. */
    static final int MAX_OUTPUT = 4 * 1024;
    /**
     * A dying tree can fork once more between a snapshot and its kill, so the tree is walked again,
     * including the orphans of killed parents, up to this many times.
     */
    static final int KILL_ROUNDS = 5;
    /** How long a finished command's output reader may take to reach end of stream. */
    private static final Duration OUTPUT_GRACE = Duration.ofMillis(200);

    private final ExecCheck check;
    private final Map<String, String> environment;

    ExecProbe(ExecCheck check) {
        this(check, System.getenv());
    }

    ExecProbe(ExecCheck check, Map<String, String> parentEnvironment) {
        this.check = check;
        Map<String, String> env = new java.util.TreeMap<>();
        for (String name : check.envAllowList()) {
            String value = parentEnvironment.get(name);
            if (value != null) env.put(name, value);
        }
        this.environment = Map.copyOf(env);
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("exec", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(check.argv()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        check.workingDir().ifPresent(dir -> builder.directory(dir.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            return ProbeResult.fail(clock.elapsed(), "cannot start " + check.argv().getFirst() + ": " + e.getMessage());
        }
        BoundedText output = new BoundedText(MAX_OUTPUT);
        Thread reader = Thread.ofVirtual().name("exec-output").start(() -> {
            try {
                output.drain(process.getInputStream());
            } catch (java.io.IOException e) {
                // the stream closes when the process is killed; what was read is kept
            }
        });
        boolean exited = false;
        try {
            exited = process.waitFor(clock.remaining(timeout).toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            if (!exited) killTree(process.toHandle());
        }
        if (!exited) return new ProbeResult(false, timeout, Attempt.timeout(timeout).reason() + ", process tree killed", output.text());
        reader.join(OUTPUT_GRACE);
        int status = process.exitValue();
        return new ProbeResult(status == 0, clock.elapsed(), "exit " + status, output.text());
    }

    /**
     * Kills the process and all its descendants. Children are killed before their parents, and
     * the walk repeats from every process seen, so an orphan re-parented to init is still found.
     */
    static void killTree(ProcessHandle root) {
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        seen.add(root);
        for (int round = 0; round < KILL_ROUNDS; round++) {
            List<ProcessHandle> found = new ArrayList<>();
            for (ProcessHandle p : List.copyOf(seen)) p.descendants().forEach(found::add);
            boolean grew = seen.addAll(found);
            List<ProcessHandle> victims = new ArrayList<>(seen);
            java.util.Collections.reverse(victims);
            victims.forEach(ProcessHandle::destroyForcibly);
            if (!grew && round > 0) break;
        }
    }
}
