package io.proxima.labkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A network namespace made by a {@link Lab}: lo up, IPv6 DAD off, forwarding on. Commands run in
 * it through {@code ip netns exec}, which exec()s rather than forks, so the PID of a spawned
 * process is the PID of the daemon itself (LAB.md §2).
 */
public final class Netns {

    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    static final int MAX_INTERFACE_NAME = 15;

    /**
     * accept_dad=0: a new IPv6 address is usable at once instead of "tentative" for 1–2 s (bind
     * fails meanwhile). Forwarding: every namespace may be a router.
     */
    private static final List<String> SYSCTLS = List.of(
            "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
            "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");

    private final Lab lab;
    private final String shortName;
    private final String name;
    private volatile boolean deleted;

    private Netns(Lab lab, String shortName, String name) {
        this.lab = lab;
        this.shortName = shortName;
        this.name = name;
    }

    static Netns create(Lab lab, String shortName, String name) {
        Exec.run(List.of("ip", "netns", "add", name)).orThrow();
        Netns ns = new Netns(lab, shortName, name);
        ns.ip("link", "set", "lo", "up");
        List<String> sysctl = new ArrayList<>(List.of("sysctl", "-qw"));
        sysctl.addAll(SYSCTLS);
        ns.exec(sysctl.toArray(String[]::new)).orThrow();
        return ns;
    }

    /** The full namespace name, e.g. {@code pxl4242-1-r}, as {@code ip netns} knows it. */
    public String name() {
        return name;
    }

    /** The name the test gave, e.g. {@code r}. */
    public String shortName() {
        return shortName;
    }

    public Lab lab() {
        return lab;
    }

    /** Runs a command inside this namespace and waits for it. */
    public ExecResult exec(String... command) {
        return Exec.run(inside(List.of(command)));
    }

    /** {@code ip -n NAME args…}; throws unless it exits 0. */
    public ExecResult ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(Arrays.asList(args));
        return Exec.run(cmd).orThrow();
    }

    /**
     * Starts a long-running command inside this namespace with stdout and stderr going to
     * {@code log}. The lab stops it on close (SIGTERM, then SIGKILL).
     */
    public Process spawn(Path log, String... command) {
        return spawn(shortName + ":" + command[0], List.of(command), Map.of(), null, log).process();
    }

    /**
     * Starts a long-running command inside this namespace, with extra environment variables, its
     * output to {@code log}; the lab stops it on close (SIGTERM, then SIGKILL).
     */
    public DaemonProcess spawn(String label, List<String> command, Map<String, String> env, Path workDir, Path log) {
        DaemonProcess p = DaemonProcess.start(label, inside(command), env, workDir, log);
        lab.track(p);
        return p;
    }

    private List<String> inside(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(command);
        return cmd;
    }

    /** Adds an address; IPv6 ones get {@code nodad} so they are usable at once. */
    public void addAddress(String device, String cidr) {
        if (cidr.contains(":")) ip("-6", "addr", "add", cidr, "dev", device, "nodad");
        else ip("addr", "add", cidr, "dev", device);
    }

    /** Adds a route to {@code prefix} (or {@code default}) via a gateway, IPv4 or IPv6. */
    public void addRoute(String prefix, String gateway) {
        if (gateway.contains(":")) ip("-6", "route", "add", prefix, "via", gateway);
        else ip("route", "add", prefix, "via", gateway);
    }

    /** Brings a link up or down, e.g. to fail a veth under a running session. */
    public void setLink(String device, boolean up) {
        ip("link", "set", device, up ? "up" : "down");
    }

    /**
     * The kernel FIB's next hops for exactly {@code prefix} in the main table: empty when there is no
     * such route. ECMP routes yield one entry per next hop.
     */
    public List<NextHop> fib(String prefix) {
        String json = prefix.contains(":")
                ? ip("-j", "-6", "route", "show", "exact", prefix).stdout()
                : ip("-j", "route", "show", "exact", prefix).stdout();
        List<NextHop> hops = new ArrayList<>();
        for (JsonNode route : Json.parse(json)) {
            JsonNode multi = route.path("nexthops");
            if (multi.isArray() && !multi.isEmpty()) {
                multi.forEach(h -> hops.add(new NextHop(Json.text(h, "gateway"), Json.text(h, "dev"))));
            } else {
                hops.add(new NextHop(Json.text(route, "gateway"), Json.text(route, "dev")));
            }
        }
        return List.copyOf(hops);
    }

    /** PIDs of every process whose network namespace this is. */
    public List<Long> pids() {
        return pids(name);
    }

    static List<Long> pids(String namespace) {
        ExecResult r = Exec.run(List.of("ip", "netns", "pids", namespace));
        if (!r.ok()) return List.of();
        return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    /**
     * Creates a veth pair between two namespaces, both ends down and without addresses. Each end is
     * created directly inside its namespace, so equal names in different labs never clash.
     */
    public static Veth link(Netns a, String ifA, Netns b, String ifB) {
        checkInterfaceName(ifA);
        checkInterfaceName(ifB);
        Exec.run(List.of("ip", "link", "add", ifA, "netns", a.name, "type", "veth", "peer", "name", ifB, "netns", b.name)).orThrow();
        return new Veth(a, ifA, b, ifB);
    }

    static void checkInterfaceName(String ifname) {
        if (ifname.isEmpty() || ifname.length() > MAX_INTERFACE_NAME || ifname.contains("/") || ifname.contains(" ")) {
            throw new IllegalArgumentException("interface name '" + ifname + "' must be 1.." + MAX_INTERFACE_NAME + " characters without '/' or space");
        }
    }

    /** Kills every process left in the namespace (all of them were started by this lab) and deletes it. */
    public void delete() {
        if (deleted) return;
        killAll(name);
        Exec.run(List.of("ip", "netns", "del", name)).orThrow();
        deleted = true;
    }

    /** SIGKILL every process in {@code namespace}, by PID, and wait until none is left. */
    static void killAll(String namespace) {
        List<Long> left = pids(namespace);
        for (long pid : left) Signals.send(pid, "KILL");
        if (!left.isEmpty()) {
            Await.until(DaemonProcess.KILL_WAIT, () -> pids(namespace).isEmpty(), "processes in " + namespace + " to die");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
