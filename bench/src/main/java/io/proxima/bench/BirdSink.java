package io.proxima.bench;

import io.proxima.labkit.Await;
import io.proxima.labkit.Netns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * BIRD 2 as the receiving end of a benchmark: one eBGP session, {@code import all; export none},
 * and no {@code protocol kernel} at all, so nothing goes to the FIB and the kernel is never the
 * bottleneck. Times print with microseconds ({@code timeformat protocol iso long us}), which is how
 * {@link BirdControl} reads the moment the session became Established.
 *
 * <p>The config is written here rather than with labkit's {@code BirdConfig}, which always renders
 * kernel protocols and second-resolution times.
 */
final class BirdSink implements AutoCloseable {

    static final String PROTOCOL = "feed";
    private static final Duration READY = Duration.ofSeconds(10);

    private final Process process;
    private final BirdControl control;

    private BirdSink(Process process, BirdControl control) {
        this.process = process;
        this.control = control;
    }

    /**
     * @param passive wait for the peer to connect (BIRD still accepts); false for GoBGP, whose own
     *                connect waits 5–10 s (LAB.md §5)
     */
    static BirdSink start(Netns ns, String name, String routerId, long localAs, String neighbor, long neighborAs,
                          int holdTime, boolean passive) {
        Path dir = ns.lab().instanceDir(name);
        String conf = """
                # proxima bench: import all, export none, no kernel protocol (the FIB is never touched)
                router id %s;
                log stderr { info, remote, warning, error, auth, fatal, bug };
                timeformat protocol iso long us;
                timeformat route iso long us;
                protocol device { scan time 10; }
                protocol bgp %s {
                  local as %d;
                  neighbor %s as %d;
                  hold time %d; keepalive time %d; startup hold time %d;
                  connect delay time 1; connect retry time 1; error wait time 1, 10;
                  %s
                  ipv4 { import all; export none; };
                }
                """.formatted(routerId, PROTOCOL, localAs, neighbor, neighborAs, holdTime, holdTime / 3, holdTime,
                passive ? "passive on;" : "");
        Path file = dir.resolve("bird.conf");
        try {
            Files.writeString(file, conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path socket = dir.resolve("bird.ctl");
        Process p = ns.spawn(dir.resolve("bird.log"), "bird", "-f", "-c", file.toString(), "-s", socket.toString(),
                "-P", dir.resolve("bird.pid").toString());
        Await.until(READY, () -> {
            if (!p.isAlive()) throw new IllegalStateException("bird exited " + p.exitValue() + ", see " + dir.resolve("bird.log"));
            return Files.exists(socket);
        }, "BIRD's control socket");
        BirdControl control = Await.value(READY, () -> new BirdControl(socket), c -> true, "BIRD answering");
        return new BirdSink(p, control);
    }

    long pid() {
        return process.pid();
    }

    BirdControl control() {
        return control;
    }

    BirdControl.Protocol protocol() {
        return control.protocol(PROTOCOL);
    }

    @Override
    public void close() {
        control.close();
    }
}
