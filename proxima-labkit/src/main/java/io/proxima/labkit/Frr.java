package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FRR 8.4 (zebra + bgpd, and bfdd when a peer wants BFD) in the foreground in a namespace, queried
 * with {@code vtysh --vty_socket DIR -c "… json"} (LAB.md §2, §4).
 *
 * <p>Flags, each for a reason: {@code -u root -g frrvty} (root must pass FRR's vty-group check,
 * {@code -g root} fails); {@code -z DIR/zserv.api} (a private zebra socket per instance);
 * {@code --vty_socket DIR} (vty sockets in the instance dir); {@code -P 0} (no TCP vty);
 * {@code --log stdout} (to the instance's log file). Nothing goes to /etc/frr or /var/run/frr.
 */
public final class Frr implements BfdDaemon {

    static final String FRR_LIB = "/usr/lib/frr/";
    /** zebra + bgpd cold start is ~300 ms (LAB.md §2). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final Netns ns;
    private final Path dir;
    private final FrrConfig config;
    private final DaemonProcess zebra;
    private final DaemonProcess bfdd;
    private final DaemonProcess bgpd;

    private Frr(Netns ns, Path dir, FrrConfig config, DaemonProcess zebra, DaemonProcess bfdd, DaemonProcess bgpd) {
        this.ns = ns;
        this.dir = dir;
        this.config = config;
        this.zebra = zebra;
        this.bfdd = bfdd;
        this.bgpd = bgpd;
    }

    /** Starts zebra, waits for its zserv socket (bgpd would otherwise retry, slower), then bfdd and bgpd. */
    public static Frr start(Netns ns, String name, FrrConfig config) {
        Path dir = ns.lab().instanceDir(name);
        Lab.write(dir.resolve("zebra.conf"), "hostname " + name + "\n");
        Lab.write(dir.resolve("bgpd.conf"), config.renderBgpd(name));
        DaemonProcess zebra = daemon(ns, dir, "zebra", List.of());
        zebra.awaitReady(READY_TIMEOUT, () -> Files.exists(dir.resolve("zserv.api")) && Files.exists(dir.resolve("zebra.vty")), "zserv socket");
        DaemonProcess bfdd = null;
        if (config.needsBfd()) {
            Lab.write(dir.resolve("bfdd.conf"), config.renderBfdd(name));
            bfdd = daemon(ns, dir, "bfdd", List.of("--bfdctl", dir.resolve("bfdd.sock").toString()));
            bfdd.awaitReady(READY_TIMEOUT, () -> Files.exists(dir.resolve("bfdd.vty")), "bfdd vty socket");
        }
        DaemonProcess bgpd = daemon(ns, dir, "bgpd", List.of("-p", Integer.toString(config.listenPort())));
        Frr frr = new Frr(ns, dir, config, zebra, bfdd, bgpd);
        bgpd.awaitReady(READY_TIMEOUT, () -> Files.exists(dir.resolve("bgpd.vty"))
                && frr.vtysh("show bgp summary json").ok(), "bgpd vty socket");
        return frr;
    }

    private static DaemonProcess daemon(Netns ns, Path dir, String daemon, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of(FRR_LIB + daemon, "-u", "root", "-g", "frrvty",
                "-i", dir.resolve(daemon + ".pid").toString(), "-z", dir.resolve("zserv.api").toString(),
                "--vty_socket", dir.toString(), "-f", dir.resolve(daemon + ".conf").toString(),
                "-A", "127.0.0.1", "-P", "0", "--log", "stdout"));
        cmd.addAll(extra);
        return ns.spawn(ns.shortName() + ":" + daemon, cmd, Map.of(), dir, dir.resolve(daemon + ".log"));
    }

    public FrrConfig config() {
        return config;
    }

    /** {@code vtysh --vty_socket DIR -c c1 -c c2 …}. */
    public ExecResult vtysh(String... commands) {
        List<String> cmd = new ArrayList<>(List.of("vtysh", "--vty_socket", dir.toString()));
        for (String c : commands) {
            cmd.add("-c");
            cmd.add(c);
        }
        return Exec.run(cmd);
    }

    /** One show command ending in {@code json}, parsed. */
    public JsonNode json(String command) {
        return Json.parse(vtysh(command).orThrow().stdout());
    }

    /** Applies config lines in {@code configure terminal}, e.g. {@code "router bgp 65000", "neighbor … shutdown"}. */
    public void configure(String... lines) {
        List<String> cmds = new ArrayList<>();
        cmds.add("configure terminal");
        cmds.addAll(List.of(lines));
        cmds.add("end");
        ExecResult r = vtysh(cmds.toArray(String[]::new)).orThrow();
        if (r.stdout().contains("% ")) throw new LabException("vtysh refused config: " + r.stdout().strip());
    }

    /** {@code clear bgp NEIGHBOR soft in}: re-applies inbound policy from the soft-reconfiguration copy. */
    public void clearSoftIn(String neighbor) {
        vtysh("clear bgp " + neighbor + " soft in").orThrow();
    }

    @Override
    public SessionState sessionState(String neighbor) {
        JsonNode n = json("show bgp neighbors " + neighbor + " json").path(neighbor);
        return SessionState.parse(Json.text(n, "bgpState"));
    }

    @Override
    public List<Route> routes(String prefix) {
        Family f = Family.of(prefix);
        return FrrJson.prefixPaths(json("show bgp " + f.afi() + " unicast " + prefix + " json"), prefix);
    }

    /** What the neighbor sent, before inbound policy (needs soft-reconfiguration inbound, which FrrConfig sets). */
    public List<Route> receivedRoutes(String neighbor, Family family) {
        return FrrJson.adjRib(json("show bgp " + family.afi() + " unicast neighbors " + neighbor + " received-routes json"),
                "receivedRoutes", neighbor);
    }

    public List<Route> advertisedRoutes(String neighbor, Family family) {
        return FrrJson.adjRib(json("show bgp " + family.afi() + " unicast neighbors " + neighbor + " advertised-routes json"),
                "advertisedRoutes", "local");
    }

    /** Adds a {@code network} statement at run time. */
    @Override
    public void announce(String prefix) {
        configure("router bgp " + config.localAs(), "address-family " + Family.of(prefix).afi() + " unicast", "network " + prefix);
    }

    @Override
    public void withdraw(String prefix) {
        configure("router bgp " + config.localAs(), "address-family " + Family.of(prefix).afi() + " unicast", "no network " + prefix);
    }

    /**
     * bfdd's sessions ({@code show bfd peers json}); empty when bfdd is not running. Static peers
     * and those BGP registered both show.
     */
    public List<BfdStatus> bfdPeers() {
        if (bfdd == null) return List.of();
        return BfdStatus.parseFrr(json("show bfd peers json"));
    }

    /** The session with {@code peer}, if bfdd has one. */
    public java.util.Optional<BfdStatus> bfdPeer(String peer) {
        return BfdStatus.find(bfdPeers(), peer);
    }

    /** {@link #bfdPeer}, in {@link BfdDaemon}'s words. */
    @Override
    public java.util.Optional<BfdStatus> bfdSession(String peer) {
        return bfdPeer(peer);
    }

    /** SIGSTOP to bfdd only: BFD goes silent while bgpd and zebra run on. */
    @Override
    public void freezeBfd() {
        requireBfdd().freeze();
    }

    @Override
    public void thawBfd() {
        requireBfdd().thaw();
    }

    /** bfdd's PID, or -1 when it is not running. */
    public long bfddPid() {
        return bfdd == null ? -1 : bfdd.pid();
    }

    private DaemonProcess requireBfdd() {
        if (bfdd == null) throw new IllegalStateException("bfdd runs only when a peer has bfd or the config has BFD settings");
        return bfdd;
    }

    /** zebra's PID; {@link #pid()} is bgpd's. */
    public long zebraPid() {
        return zebra.pid();
    }

    @Override public Netns netns() { return ns; }
    @Override public long pid() { return bgpd.pid(); }
    @Override public boolean alive() { return bgpd.alive() && zebra.alive(); }
    @Override public Path dir() { return dir; }
    @Override public Path log() { return bgpd.log(); }

    /** Freezes bgpd only: the BGP speaker goes silent, zebra keeps the FIB as it is. */
    @Override public void freeze() { bgpd.freeze(); }
    @Override public void thaw() { bgpd.thaw(); }

    /** bgpd first (it withdraws its routes from zebra), then bfdd, then zebra. */
    @Override
    public void stop() {
        bgpd.stop();
        if (bfdd != null) bfdd.stop();
        zebra.stop();
    }

    @Override
    public String toString() {
        return "FRR " + bgpd;
    }
}
