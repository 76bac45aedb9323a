package io.proxima.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.labkit.Await;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C: {@code proxima lab} as its own JVM, interrupted (SIGINT) in the middle of a run that would
 * go on for many minutes, once its whole lab runs (routers, four site JVMs, eight probe JVMs),
 * exits by the signal and leaves no namespace and no process behind.
 */
class LabInterruptTest {

    /** Routers, 4 site JVMs and 8 probe JVMs starting on two cores, as {@link LabRun#CONVERGE_TIMEOUT}, plus the build's own start. */
    static final Duration UP_TIMEOUT = LabRun.CONVERGE_TIMEOUT.multipliedBy(2);
    /** The shutdown hook stops 12 JVMs and the routers, and deletes 12 namespaces. */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    /** The last progress line before the first scenario. */
    static final String ALL_UP = "catchment over IPv6:";
    /** 4 routers, 4 sites and 8 probes, at least (FRR's daemons are more). */
    static final int LAB_PROCESSES = 16;
    /** A JVM ended by SIGINT exits with 128 + 2. */
    static final int EXIT_BY_SIGINT = 130;

    @Test
    void ctrlCTearsTheWholeLabDown() throws IOException, InterruptedException {
        LabSupport.assumeLab(LabCommand.binaries("bird").toArray(String[]::new));
        // every scenario, many times over: the signal lands in the middle of the run, never after it
        Process lab = new ProcessBuilder(Jvm.proxima(List.of(), "lab", "--routers", "bird", "--scenario", "all",
                "--repeat", Integer.toString(LabCommand.MAX_REPEAT))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> progress = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(lab.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) progress.add(line);
            } catch (IOException e) {
                progress.add("(stderr closed: " + e + ")");
            }
        });
        List<ProcessHandle> children = new ArrayList<>();
        try {
            Await.until(UP_TIMEOUT, () -> !lab.isAlive() || progress.stream().anyMatch(l -> l.contains(ALL_UP)),
                    () -> "the lab up; its progress so far: " + progress);
            assertThat(lab.isAlive()).as("the lab runs; its progress: " + progress).isTrue();
            children.addAll(lab.descendants().toList());
            assertThat(children).as("routers, sites and probes").hasSizeGreaterThanOrEqualTo(LAB_PROCESSES);
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(lab.pid())).start().waitFor()).isZero();
            assertThat(lab.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("the lab exits after SIGINT").isTrue();
            reader.join(EXIT_TIMEOUT.toMillis());
            assertThat(lab.exitValue()).as("exited by the signal; its progress: " + progress).isEqualTo(EXIT_BY_SIGINT);
            String prefix = "pxl" + lab.pid() + "-";
            assertThat(Lab.namespaceNames()).as("no namespace of the interrupted lab").noneMatch(n -> n.startsWith(prefix));
            assertThat(children).as("every process the lab started is gone").noneMatch(ProcessHandle::isAlive);
        } finally {
            // whatever the outcome, nothing may outlive the test: SIGTERM first, so that the lab's own hook tears it down
            if (children.isEmpty()) children.addAll(lab.descendants().toList());
            if (lab.isAlive()) {
                lab.destroy();
                if (!lab.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) lab.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            Lab.sweep();
        }
    }
}
