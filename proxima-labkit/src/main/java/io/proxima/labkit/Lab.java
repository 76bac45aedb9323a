package io.proxima.labkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the namespaces, veths and processes of one lab and tears all of them down on
 * {@link #close()}, also when a test fails half-way, and from a JVM shutdown hook.
 *
 * <p>Names carry the JVM's PID: lab {@code pxl<pid>-<n>}, namespaces {@code pxl<pid>-<n>-<name>},
 * files under {@code /tmp/proxima-lab/pxl<pid>-<n>/}. That is how {@link #sweep()} tells leftovers
 * of a dead JVM (a kill -9 skips shutdown hooks) from the labs of a live one.
 *
 * <p>Thread-safety: a lab is built by one thread; {@code close()} may race with the shutdown hook
 * and runs once.
 */
public final class Lab implements AutoCloseable {

    static final String PREFIX = "pxl";
    static final Path FILES_ROOT = Path.of("/tmp/proxima-lab");
    /** Set -Dproxima.lab.keep=true to keep configs and daemon logs after close, for debugging. */
    static final String KEEP_PROPERTY = "proxima.lab.keep";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<Lab> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private final String id;
    private final Path dir;
    private final List<Netns> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<DaemonProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> closers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lab(String id, Path dir) {
        this.id = id;
        this.dir = dir;
    }

    /**
     * A new, empty lab. The first lab of a JVM first sweeps leftovers of dead JVMs, and installs the
     * shutdown hook that closes every lab still open.
     */
    public static Lab create() {
        if (SWEPT.compareAndSet(false, true)) Sweep.run();
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Lab::closeAllQuietly, "proxima-lab-shutdown"));
        }
        String id = PREFIX + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Lab lab = new Lab(id, FILES_ROOT.resolve(id));
        makeDir(FILES_ROOT);
        makeDir(lab.dir);
        OPEN.add(lab);
        return lab;
    }

    /** The names of this harness's namespaces, of any JVM's labs, that exist now ({@code ip netns list}). */
    public static List<String> namespaceNames() {
        return Sweep.namespaceNames();
    }

    /** Removes what dead JVMs' labs left behind; returns how many namespaces it deleted. */
    public static int sweep() {
        return Sweep.run();
    }

    public String id() {
        return id;
    }

    /** This lab's directory (mode 0755): per-daemon subdirectories with configs, sockets and logs. */
    public Path dir() {
        return dir;
    }

    /**
     * A fresh directory for one daemon instance, mode 0755 rather than a 0700 JUnit {@code @TempDir}:
     * FRR checks that its files are reachable (LAB.md §5). Kept short: unix socket paths end at 107
     * bytes.
     */
    public Path instanceDir(String name) {
        checkName(name);
        Path d = dir.resolve(name);
        if (Files.exists(d)) throw new IllegalArgumentException("instance directory " + d + " already exists");
        makeDir(d);
        return d;
    }

    /** A new namespace {@code <id>-<name>}. */
    public Netns netns(String name) {
        checkOpen();
        checkName(name);
        Netns ns = Netns.create(this, name, id + "-" + name);
        namespaces.add(ns);
        return ns;
    }

    /**
     * A veth pair from the host namespace (this JVM's) into {@code ns}. The host end is named
     * after this lab so parallel labs never clash: {@code px<pid>-<n><suffix>}, at most 15 characters.
     */
    public HostLink hostLink(String suffix, Netns ns, String nsIf) {
        checkOpen();
        String host = "px" + id.substring(PREFIX.length()) + suffix;
        if (host.length() > 15) host = host.substring(host.length() - 15);
        return HostLink.create(this, host, ns, nsIf);
    }

    /** Same as {@link Netns#link}. */
    public Veth link(Netns a, String ifA, Netns b, String ifB) {
        return Netns.link(a, ifA, b, ifB);
    }

    public List<Netns> namespaces() {
        return List.copyOf(namespaces);
    }

    void track(DaemonProcess p) {
        checkOpen();
        processes.add(p);
    }

    /** Runs {@code closer} on close, after the processes are stopped (e.g. an ExaBGP pipe reader). */
    void onClose(Runnable closer) {
        closers.add(closer);
    }

    /** PIDs of every process this lab started, alive or not. */
    public List<Long> pids() {
        synchronized (processes) {
            return processes.stream().map(DaemonProcess::pid).toList();
        }
    }

    /**
     * Tears down in reverse: SIGTERM every process at once, wait, SIGKILL stragglers; SIGKILL
     * whatever else runs in the namespaces (children such as ExaBGP's helpers); delete the
     * namespaces, which deletes their veth ends; remove FRR's empty temp dirs; delete the files.
     * Idempotent. Every step runs even if an earlier one failed; the first failure is thrown.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        OPEN.remove(this);
        List<RuntimeException> failures = new ArrayList<>();
        List<DaemonProcess> procs;
        synchronized (processes) {
            procs = new ArrayList<>(processes);
        }
        Collections.reverse(procs);
        procs.forEach(p -> attempt(failures, p::requestStop));
        long deadline = System.nanoTime() + DaemonProcess.STOP_GRACE.toNanos();
        procs.forEach(p -> attempt(failures, () -> p.awaitStop(deadline)));
        List.copyOf(closers).forEach(c -> attempt(failures, c));
        List<Netns> nss = new ArrayList<>(namespaces);
        Collections.reverse(nss);
        nss.forEach(ns -> attempt(failures, ns::delete));
        attempt(failures, () -> Sweep.frrTempDirs(pids()));
        if (!Boolean.getBoolean(KEEP_PROPERTY)) attempt(failures, () -> Sweep.deleteTree(dir));
        if (!failures.isEmpty()) {
            LabException e = new LabException("lab " + id + " did not close cleanly: " + failures.get(0).getMessage(), failures.get(0));
            failures.subList(1, failures.size()).forEach(e::addSuppressed);
            throw e;
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void checkOpen() {
        if (closed.get()) throw new IllegalStateException("lab " + id + " is closed");
    }

    private static void attempt(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static void checkName(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]{0,15}")) {
            throw new IllegalArgumentException("name '" + name + "': use 1..16 of [a-z0-9-], starting with a letter or digit");
        }
    }

    static void makeDir(Path d) {
        try {
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeAllQuietly() {
        for (Lab lab : List.copyOf(OPEN)) {
            try {
                lab.close();
            } catch (RuntimeException e) {
                System.err.println("proxima-lab: " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
