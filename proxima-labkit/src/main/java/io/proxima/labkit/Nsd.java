package io.proxima.labkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * NSD in a namespace, in the foreground, answering one small zone ({@code example.test.}) and
 * CHAOS {@code id.server} with the given identity: the real DNS service the daemon's lab test and
 * the failover benchmark check and kill. NSD forks a server child and xfrd, so killing it means
 * killing every NSD process in the namespace ({@link #killAll}).
 */
public final class Nsd {

    /** Debian's binary. */
    public static final Path BINARY = Path.of("/usr/sbin/nsd");

    private Nsd() {
    }

    /**
     * @param address  the one address it listens on (port 53)
     * @param freebind bind even before the address exists (it may be added later, e.g. by proxima)
     */
    public static DaemonProcess start(Netns ns, Path dir, String address, String identity, boolean freebind) {
        Lab.makeDir(dir);
        Lab.write(dir.resolve("example.test.zone"), """
                $ORIGIN example.test.
                $TTL 300
                @    IN SOA ns.example.test. admin.example.test. 1 3600 900 604800 300
                @    IN NS  ns
                ns   IN A   %s
                """.formatted(address));
        Path conf = dir.resolve("nsd.conf");
        Lab.write(conf, """
                server:
                  ip-address: %1$s
                %3$s  username: ""
                  chroot: ""
                  zonesdir: "%2$s"
                  database: ""
                  pidfile: "%2$s/nsd.pid"
                  xfrdfile: "%2$s/xfrd.state"
                  xfrdir: "%2$s"
                  zonelistfile: "%2$s/zone.list"
                  identity: "%4$s"
                  server-count: 1
                  verbosity: 1
                remote-control:
                  control-enable: no
                zone:
                  name: example.test
                  zonefile: example.test.zone
                """.formatted(address, dir, freebind ? "  ip-freebind: yes\n" : "", identity));
        return ns.spawn("nsd", List.of(BINARY.toString(), "-d", "-c", conf.toString()), Map.of(), dir,
                dir.resolve("nsd-" + System.nanoTime() + ".log"));
    }

    /** The NSD processes in the namespace. */
    public static List<Long> pids(Netns ns) {
        List<Long> out = new ArrayList<>();
        for (long pid : ns.pids()) {
            ProcessHandle.of(pid).filter(Nsd::isNsd).ifPresent(h -> out.add(pid));
        }
        return out;
    }

    /** SIGKILL to every NSD process in the namespace at once, then waits for them to go. */
    public static void killAll(Netns ns) {
        List<ProcessHandle> all = new ArrayList<>();
        for (long pid : pids(ns)) ProcessHandle.of(pid).ifPresent(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(DaemonProcess.KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                // reaped by the lab at close
            }
        }
    }

    private static boolean isNsd(ProcessHandle h) {
        Optional<String> cmd = h.info().command();
        return cmd.isPresent() && cmd.get().endsWith("/nsd");
    }
}
