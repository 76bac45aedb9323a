package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ExaBGP 4.2 in a namespace, in the foreground, with its own {@code --root} (so it reads
 * {@code ROOT/etc/exabgp/exabgp.env}, not Debian's, which sets {@code user=exabgp}) and its own
 * CLI pipes. Commands go through the pipes ({@link ExaBgpPipe}); what peers send arrives as JSON
 * lines in {@code received.jsonl}, written by a recorder process.
 *
 * <p>Environment, each for a reason (LAB.md §2, §5): {@code exabgp.daemon.user=root} (else it
 * drops privileges, cannot write its pid file and exits 1 without a word);
 * {@code daemonize=false}; {@code exabgp.tcp.bind=} (never listen: ExaBGP connects out, so start
 * the router first, because its reconnect back-off grows to 60 s); a pipe name per instance;
 * {@code exabgp_cli_pipe} removed (with it set ExaBGP runs as the CLI relay instead).
 */
public final class ExaBgp implements BgpDaemon {

    /** Python start-up: 0.55–0.75 s cold (LAB.md §2). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    /** One readiness probe of the API pipe; a ready ExaBGP answers in ~40 ms (LAB.md §4). */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    /** Debian's interpreter; the PATH may hold a pyenv shim without ExaBGP's modules. */
    static final String PYTHON = "/usr/bin/python3";
    /** Absolute: ExaBGP re-spawns its CLI helper as $PWD/argv[0] (LAB.md §5). */
    static final String EXABGP = "/usr/sbin/exabgp";
    private static final String RECORDER_SCRIPT = """
            # ExaBGP API process written by proxima-labkit: append every message (one JSON object per
            # line) to argv[1]. It reads stdin and never closes stdout: ExaBGP treats EOF on a helper's
            # stdout as its death.
            import sys
            with open(sys.argv[1], 'a', buffering=1) as out:
                for line in sys.stdin:
                    out.write(line)
            """;

    private final Netns ns;
    private final Path dir;
    private final ExaBgpConfig config;
    private final DaemonProcess process;
    private final ExaBgpPipe pipe;

    private ExaBgp(Netns ns, Path dir, ExaBgpConfig config, DaemonProcess process, ExaBgpPipe pipe) {
        this.ns = ns;
        this.dir = dir;
        this.config = config;
        this.process = process;
        this.pipe = pipe;
    }

    public static ExaBgp start(Netns ns, String name, ExaBgpConfig config) {
        Path dir = ns.lab().instanceDir(name);
        Path pipes = dir.resolve("run/exabgp");
        Lab.makeDir(pipes);
        Lab.makeDir(dir.resolve("etc/exabgp"));
        Lab.write(dir.resolve("etc/exabgp/exabgp.env"), ""); // present: silences "environment file missing"
        for (String end : List.of(".in", ".out")) {
            Exec.run(List.of("mkfifo", "-m", "600", pipes.resolve(name + end).toString())).orThrow();
        }
        Lab.write(dir.resolve("recorder.py"), RECORDER_SCRIPT);
        Lab.write(dir.resolve("received.jsonl"), "");
        Lab.write(dir.resolve("exabgp.conf"), config.render(dir.resolve("recorder.py"), dir.resolve("received.jsonl")));
        Map<String, String> env = new HashMap<>();
        env.put("exabgp_cli_pipe", null);
        env.put("exabgp.daemon.user", "root");
        env.put("exabgp.daemon.daemonize", "false");
        env.put("exabgp.daemon.drop", "false");
        env.put("exabgp.daemon.pid", dir.resolve("exabgp.pid").toString());
        env.put("exabgp.log.destination", "stdout");
        env.put("exabgp.tcp.bind", "");
        env.put("exabgp.api.cli", "true");
        env.put("exabgp.api.pipename", name);
        DaemonProcess p = ns.spawn(ns.shortName() + ":exabgp",
                List.of(PYTHON, EXABGP, "--root", dir.toString(), dir.resolve("exabgp.conf").toString()),
                env, dir, dir.resolve("exabgp.log"));
        ExaBgpPipe pipe = new ExaBgpPipe(pipes.resolve(name));
        ns.lab().onClose(pipe::close);
        ExaBgp exa = new ExaBgp(ns, dir, config, p, pipe);
        try {
            p.awaitReady(READY_TIMEOUT, () -> nonEmpty(dir.resolve("exabgp.pid")), "pid file");
            p.awaitReady(READY_TIMEOUT, () -> exa.answers(), "API pipe answering");
        } catch (RuntimeException e) {
            p.stop();
            throw e;
        }
        return exa;
    }

    /**
     * Until ExaBGP's pipe helper runs, nobody holds {@code .in} open, and a command written to it
     * is discarded when the writer closes it. Hence a short reply timeout per probe, retried.
     */
    private boolean answers() {
        pipe.command("version", PROBE_TIMEOUT);
        return true;
    }

    private static boolean nonEmpty(Path f) {
        try {
            return Files.size(f) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    public ExaBgpConfig config() {
        return config;
    }

    /** One API command, e.g. {@code "show neighbor summary"}; its reply lines (without {@code done}). */
    public List<String> command(String command) {
        return pipe.command(command);
    }

    @Override
    public void announce(String prefix) {
        announce(prefix, "");
    }

    /**
     * {@code neighbor N announce route PREFIX next-hop self CLAUSES} for each neighbor of the
     * prefix's family; clauses such as {@code "med 10 community [65001:1]"} or
     * {@link RawAttribute#exabgp()}. "next-hop self" is the session's local address: an IPv6
     * prefix over an IPv4 session would get a 4-octet next hop, so such a peer needs
     * {@code command("neighbor … announce route P next-hop 2001:db8:…")} instead.
     */
    public void announce(String prefix, String clauses) {
        for (String n : neighborsFor(prefix)) {
            command("neighbor " + n + " announce route " + prefix + " next-hop self" + (clauses.isBlank() ? "" : " " + clauses.strip()));
        }
    }

    /** Announces {@code prefix} carrying raw (usually malformed) attributes; see {@link RawAttribute}. */
    public void announce(String prefix, RawAttribute... attributes) {
        StringBuilder b = new StringBuilder();
        for (RawAttribute a : attributes) b.append(' ').append(a.exabgp());
        announce(prefix, b.toString());
    }

    @Override
    public void withdraw(String prefix) {
        for (String n : neighborsFor(prefix)) command("neighbor " + n + " withdraw route " + prefix + " next-hop self");
    }

    private List<String> neighborsFor(String prefix) {
        List<String> out = new ArrayList<>();
        for (Peer p : config.peers()) if (p.families().contains(Family.of(prefix))) out.add(p.address());
        if (out.isEmpty()) throw new IllegalArgumentException("no neighbor carries the family of " + prefix);
        return out;
    }

    /** Every message the recorder has written so far, parsed, in order. */
    public List<JsonNode> received() {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(Files.readAllBytes(dir.resolve("received.jsonl")), StandardCharsets.UTF_8).lines().toList()) {
                // The last line may be half-written; a complete one ends in "}".
                if (line.strip().endsWith("}")) out.add(Json.parse(line));
            }
            return out;
        } catch (IOException e) {
            throw new LabException("cannot read " + dir.resolve("received.jsonl"), e);
        }
    }

    @Override
    public SessionState sessionState(String neighbor) {
        return ExaBgpReceived.state(received(), neighbor);
    }

    /** What neighbors currently announce to this ExaBGP for {@code prefix} (its Adj-RIB-In, replayed). */
    @Override
    public List<Route> routes(String prefix) {
        return ExaBgpReceived.routes(received(), prefix);
    }

    @Override public Netns netns() { return ns; }
    @Override public long pid() { return process.pid(); }
    @Override public boolean alive() { return process.alive(); }
    @Override public Path dir() { return dir; }
    @Override public Path log() { return process.log(); }
    @Override public void freeze() { process.freeze(); }
    @Override public void thaw() { process.thaw(); }

    /**
     * Stops ExaBGP, then its helpers (CLI relay, recorder) if any survive: after a SIGKILL they
     * are orphaned (LAB.md §5). They are found as descendants before the stop, by PID.
     */
    @Override
    public void stop() {
        List<ProcessHandle> helpers = process.process().descendants().toList();
        process.stop();
        for (ProcessHandle h : helpers) {
            if (h.isAlive()) h.destroyForcibly();
        }
        pipe.close();
    }

    @Override
    public String toString() {
        return "ExaBGP " + process;
    }
}
