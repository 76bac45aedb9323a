package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.ExecCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argv names /bin/sh itself: the prober never adds a shell. */
class ExecProbeTest {

    private static final String SH = "/bin/sh";
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(2);
    /** sh, a background sleep, a subshell and the subshell's sleep. */
    private static final int TREE_SIZE = 4;

    @TempDir Path dir;

    @Test
    void exitZeroPassesWithItsOutput() throws Exception {
        ProbeResult r = await(Probes.of(exec(List.of(SH, "-c", "echo all good; echo warn >&2"))));
        assertThat(r.pass()).isTrue();
        assertThat(r.reason()).isEqualTo("exit 0");
        assertThat(r.detail()).contains("all good").contains("warn");
    }

    @Test
    void exitTwoFails() throws Exception {
        ProbeResult r = await(Probes.of(exec(List.of(SH, "-c", "exit 2"))));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("exit 2");
    }

    @Test
    void outputIsBounded() throws Exception {
        ProbeResult r = await(Probes.of(exec(List.of(SH, "-c", "yes 0123456789 | head -c 100000"))));
        assertThat(r.pass()).isTrue();
        assertThat(r.detail()).endsWith("[truncated]");
        assertThat(r.detail().length()).isLessThan(ExecProbe.MAX_OUTPUT + 20);
    }

    @Test
    void environmentIsCutToTheAllowList() throws Exception {
        var check = new ExecCheck(List.of(SH, "-c", "echo \"A=$A B=$B\""), Set.of("A"), Optional.empty(), timing());
        ProbeResult r = await(new ExecProbe(check, Map.of("A", "1", "B", "2")));
        assertThat(r.detail().strip()).isEqualTo("A=1 B=");
    }

    @Test
    void workingDirectory() throws Exception {
        Files.writeString(dir.resolve("marker"), "here");
        var check = new ExecCheck(List.of(SH, "-c", "cat marker"), Set.of(), Optional.of(dir), timing());
        assertThat(await(Probes.of(check)).detail()).isEqualTo("here");
    }

    @Test
    void missingProgramFails() throws Exception {
        ProbeResult r = await(Probes.of(exec(List.of(dir.resolve("no-such-program").toString()))));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).startsWith("cannot start");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        Path ready = dir.resolve("ready");
        Path script = Files.writeString(dir.resolve("hang.sh"), """
                sleep 300 & echo $! >> pids
                ( sleep 300 & echo $! >> pids; wait ) & echo $! >> pids
                echo $$ >> pids
                while [ "$(wc -l < pids)" -lt %d ]; do :; done
                touch ready
                wait
                """.formatted(TREE_SIZE));
        var check = new ExecCheck(List.of(SH, script.toString()), Set.of("PATH"), Optional.of(dir), timing());
        ProbeResult r = await(Probes.of(check), HANG_TIMEOUT);
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).startsWith("timeout after");
        assertThat(ready).as("the script started its whole tree before the timeout").exists();

        List<Long> tree = Files.readAllLines(pids).stream().map(String::strip).map(Long::parseLong).toList();
        assertThat(tree).hasSize(TREE_SIZE);
        for (long pid : tree) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit()
                    .completeOnTimeout(p, ProbeFixture.SLACK.toMillis(), TimeUnit.MILLISECONDS).join());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid %d is gone", pid).isNotEqualTo(Optional.of(true));
        }
    }

    private ExecCheck exec(List<String> argv) {
        return new ExecCheck(argv, Set.of(), Optional.empty(), timing());
    }
}
