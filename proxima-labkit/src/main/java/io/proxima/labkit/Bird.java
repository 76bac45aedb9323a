package io.proxima.labkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * BIRD 2 ({@code bird -f}) in a namespace, controlled through {@code birdc -s SOCKET}. The control
 * socket is a pathname unix socket, so the JVM reaches it from the root namespace (LAB.md §2).
 */
public final class Bird implements BfdDaemon {

    /** Cold start to socket-ready is ~55 ms (LAB.md §2); generous for a loaded CI box. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Netns ns;
    private final Path dir;
    private final DaemonProcess process;
    private volatile BirdConfig config;

    private Bird(Netns ns, Path dir, DaemonProcess process, BirdConfig config) {
        this.ns = ns;
        this.dir = dir;
        this.process = process;
        this.config = config;
    }

    /** Writes the config to a new instance directory {@code name}, starts BIRD in {@code ns}, waits for its socket. */
    public static Bird start(Netns ns, String name, BirdConfig config) {
        Path dir = ns.lab().instanceDir(name);
        Lab.write(dir.resolve("bird.conf"), config.render());
        DaemonProcess p = ns.spawn(ns.shortName() + ":bird", List.of("bird", "-f",
                "-c", dir.resolve("bird.conf").toString(), "-s", dir.resolve("bird.ctl").toString(),
                "-P", dir.resolve("bird.pid").toString()), Map.of(), dir, dir.resolve("bird.log"));
        Bird bird = new Bird(ns, dir, p, config);
        p.awaitReady(READY_TIMEOUT, () -> Files.exists(bird.socket()) && bird.birdc("show", "status").ok(), "control socket " + bird.socket());
        return bird;
    }

    public BirdConfig config() {
        return config;
    }

    public Path socket() {
        return dir.resolve("bird.ctl");
    }

    /** {@code birdc -s SOCKET command…}; birdc exits non-zero on BIRD's 8xxx/9xxx error replies. */
    public ExecResult birdc(String... command) {
        List<String> cmd = new ArrayList<>(List.of("birdc", "-s", socket().toString()));
        cmd.addAll(Arrays.asList(command));
        return Exec.run(cmd);
    }

    /** The {@code show protocols} row of a protocol, or a LabException if there is none. */
    public BirdProtocol protocolState(String name) {
        String out = birdc("show", "protocols", name).orThrow().stdout();
        return BirdProtocol.find(out, name).orElseThrow(() -> new LabException("no protocol " + name + " in: " + out));
    }

    @Override
    public SessionState sessionState(String neighbor) {
        String name = BirdConfig.protocolName(neighbor);
        if (!config.protocolNames().containsKey(name)) return SessionState.UNKNOWN;
        return protocolState(name).sessionState();
    }

    /** Paths for exactly {@code prefix} in BIRD's tables ({@code show route PREFIX all}). */
    @Override
    public List<Route> routes(String prefix) {
        ExecResult r = birdc("show", "route", prefix, "all");
        if (!r.ok()) {
            if (r.stdout().contains("Network not found")) return List.of();
            r.orThrow();
        }
        return BirdRoutes.parse(r.stdout());
    }

    /** The sessions of {@code protocol bfd} ({@code show bfd sessions}): static neighbors and BGP's. */
    public List<BfdStatus> bfdSessions() {
        return BfdStatus.parseBird(birdc("show", "bfd", "sessions").orThrow().stdout());
    }

    /** The BFD session with {@code peer}, if BIRD has one. */
    @Override
    public java.util.Optional<BfdStatus> bfdSession(String peer) {
        return BfdStatus.find(bfdSessions(), peer);
    }

    /** BIRD is one process: all of it stops, BGP too. */
    @Override
    public void freezeBfd() {
        freeze();
    }

    @Override
    public void thawBfd() {
        thaw();
    }

    /** {@code birdc configure}: re-reads bird.conf; BIRD restarts only protocols whose config changed. */
    public void configure() {
        ExecResult r = birdc("configure").orThrow();
        if (!r.stdout().contains("Reconfigur")) throw new LabException("birdc configure: " + r.stdout().strip());
    }

    /** Writes a new config and applies it with {@link #configure()}. */
    public void reconfigure(BirdConfig newConfig) {
        Lab.write(dir.resolve("bird.conf"), newConfig.render());
        config = newConfig;
        configure();
    }

    /** Adds an unreachable static route for {@code prefix}; BGP exports it with next hop self. */
    @Override
    public void announce(String prefix) {
        reconfigure(config.withStaticRoute(prefix));
    }

    @Override
    public void withdraw(String prefix) {
        reconfigure(config.withoutStaticRoute(prefix));
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
        return "BIRD " + process;
    }
}
