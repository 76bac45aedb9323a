package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GoBGP 3.10 ({@code gobgpd}) in a namespace, driven with the {@code gobgp} CLI over a unix socket.
 * Without {@code --api-hosts unix://…} gRPC would listen on TCP :50051 inside the namespace, and
 * pprof on localhost:6060: both off (LAB.md §2, §5). gobgpd never touches the kernel FIB.
 */
public final class GoBgp implements BgpDaemon {

    /** Cold start ~230 ms (LAB.md §2). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Netns ns;
    private final Path dir;
    private final GoBgpConfig config;
    private final DaemonProcess process;

    private GoBgp(Netns ns, Path dir, GoBgpConfig config, DaemonProcess process) {
        this.ns = ns;
        this.dir = dir;
        this.config = config;
        this.process = process;
    }

    public static GoBgp start(Netns ns, String name, GoBgpConfig config) {
        Path dir = ns.lab().instanceDir(name);
        Lab.write(dir.resolve("gobgpd.toml"), config.render());
        // -p: plain-text log lines instead of JSON.
        DaemonProcess p = ns.spawn(ns.shortName() + ":gobgpd", List.of("gobgpd", "-f", dir.resolve("gobgpd.toml").toString(),
                "-t", "toml", "-p", "--api-hosts", "unix://" + dir.resolve("gobgpd.sock"), "--pprof-disable"),
                Map.of(), dir, dir.resolve("gobgpd.log"));
        GoBgp g = new GoBgp(ns, dir, config, p);
        p.awaitReady(READY_TIMEOUT, () -> Files.exists(g.socket()) && g.gobgp("global").ok(), "API socket " + g.socket());
        return g;
    }

    public GoBgpConfig config() {
        return config;
    }

    public Path socket() {
        return dir.resolve("gobgpd.sock");
    }

    /** {@code gobgp --target unix://SOCKET args…}. */
    public ExecResult gobgp(String... args) {
        List<String> cmd = new ArrayList<>(List.of("gobgp", "--target", "unix://" + socket()));
        cmd.addAll(Arrays.asList(args));
        return Exec.run(cmd);
    }

    private JsonNode json(String... args) {
        List<String> cmd = new ArrayList<>(List.of("-j"));
        cmd.addAll(Arrays.asList(args));
        return Json.parse(gobgp(cmd.toArray(String[]::new)).orThrow().stdout());
    }

    @Override
    public SessionState sessionState(String neighbor) {
        for (JsonNode n : json("neighbor")) {
            if (neighbor.equals(n.path("conf").path("neighbor_address").asText())) {
                return SessionState.ofGoBgp(n.path("state").path("session_state").asInt(0));
            }
        }
        return SessionState.UNKNOWN;
    }

    @Override
    public List<Route> routes(String prefix) {
        return GoBgpJson.rib(json("global", "rib", "-a", Family.of(prefix).afi(), prefix), prefix);
    }

    /** What {@code neighbor} sent us (Adj-RIB-In), all prefixes of {@code family}. */
    public List<Route> adjIn(String neighbor, Family family) {
        return GoBgpJson.rib(json("neighbor", neighbor, "adj-in", "-a", family.afi()), null);
    }

    /** What we send {@code neighbor} (Adj-RIB-Out). */
    public List<Route> adjOut(String neighbor, Family family) {
        return GoBgpJson.rib(json("neighbor", neighbor, "adj-out", "-a", family.afi()), null);
    }

    @Override
    public void announce(String prefix) {
        announce(prefix, new String[0]);
    }

    /**
     * {@code gobgp global rib add PREFIX ATTRIBUTES… -a FAMILY}, e.g. attributes {@code "community",
     * "65001:7", "med", "10", "aspath", "65001,65010"}. Next hop self unless {@code "nexthop", X} is given.
     */
    public void announce(String prefix, String... attributes) {
        List<String> cmd = new ArrayList<>(List.of("global", "rib", "add", prefix));
        cmd.addAll(Arrays.asList(attributes));
        cmd.addAll(List.of("-a", Family.of(prefix).afi()));
        gobgp(cmd.toArray(String[]::new)).orThrow();
    }

    @Override
    public void withdraw(String prefix) {
        gobgp("global", "rib", "del", prefix, "-a", Family.of(prefix).afi()).orThrow();
    }

    @Override public Netns netns() { return ns; }
    @Override public long pid() { return process.pid(); }
    @Override public boolean alive() { return process.alive(); }
    @Override public Path dir() { return dir; }
    @Override public Path log() { return process.log(); }
    @Override public void freeze() { process.freeze(); }
    @Override public void thaw() { process.thaw(); }
    @Override public void stop() { process.stop(); }

    @Override
    public String toString() {
        return "GoBGP " + process;
    }
}
