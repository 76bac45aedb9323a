package io.proxima.bench;

import io.proxima.labkit.Await;
import io.proxima.labkit.Netns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * FRR 8.4 as the receiving end of a benchmark, configured as LAB.md §7 measured it: zebra up, bgpd
 * with {@code -n} (no routes into zebra and the kernel FIB), one passive eBGP neighbor, an outbound
 * deny-all route-map so nothing is sent back, and no {@code soft-reconfiguration inbound} (which
 * would keep a second copy of every route; labkit's {@code FrrConfig} always sets it, for its
 * {@code received-routes} queries).
 */
final class FrrSink implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(15);

    private final Process bgpd;
    private final FrrVty vty;

    private FrrSink(Process bgpd, FrrVty vty) {
        this.bgpd = bgpd;
        this.vty = vty;
    }

    static FrrSink start(Netns ns, String name, String routerId, long localAs, String neighbor, long neighborAs, int holdTime) {
        Path dir = ns.lab().instanceDir(name);
        String bgpdConf = """
                ! proxima bench: receive only; bgpd -n keeps routes out of zebra and the FIB
                hostname %s
                router bgp %d
                 bgp router-id %s
                 no bgp ebgp-requires-policy
                 no bgp default ipv4-unicast
                 timers bgp %d %d
                 neighbor %s remote-as %d
                 neighbor %s passive
                 neighbor %s timers connect 1
                 address-family ipv4 unicast
                  neighbor %s activate
                  neighbor %s route-map DENY-ALL out
                 exit-address-family
                exit
                !
                route-map DENY-ALL deny 10
                exit
                """.formatted(name, localAs, routerId, holdTime / 3, holdTime, neighbor, neighborAs, neighbor, neighbor, neighbor, neighbor);
        try {
            Files.writeString(dir.resolve("zebra.conf"), "hostname " + name + "\n");
            Files.writeString(dir.resolve("bgpd.conf"), bgpdConf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process zebra = ns.spawn(dir.resolve("zebra.log"), daemon(dir, "zebra"));
        awaitFile(zebra, dir.resolve("zserv.api"));
        awaitFile(zebra, dir.resolve("zebra.vty"));
        List<String> b = new ArrayList<>(List.of(daemon(dir, "bgpd")));
        b.add("-n");
        Process bgpd = ns.spawn(dir.resolve("bgpd.log"), b.toArray(String[]::new));
        awaitFile(bgpd, dir.resolve("bgpd.vty"));
        FrrVty vty = Await.value(READY, () -> new FrrVty(dir.resolve("bgpd.vty")), v -> true, "bgpd's vty answering");
        return new FrrSink(bgpd, vty);
    }

    /**
     * LAB.md §2, §5: {@code -u root -g frrvty} (root must pass the vty group check), a private zserv
     * socket, vty sockets in the instance dir, no TCP vty, logs to stdout (the instance's log file).
     */
    private static String[] daemon(Path dir, String daemon) {
        return new String[] {"/usr/lib/frr/" + daemon, "-u", "root", "-g", "frrvty",
            "-i", dir.resolve(daemon + ".pid").toString(), "-z", dir.resolve("zserv.api").toString(),
            "--vty_socket", dir.toString(), "-f", dir.resolve(daemon + ".conf").toString(),
            "-A", "127.0.0.1", "-P", "0", "--log", "stdout"};
    }

    private static void awaitFile(Process p, Path file) {
        Await.until(READY, () -> {
            if (!p.isAlive()) throw new IllegalStateException(p.info().command().orElse("FRR") + " exited " + p.exitValue());
            return Files.exists(file);
        }, file.toString());
    }

    /** bgpd's PID: the process that receives and holds the routes (zebra gets none with -n). */
    long pid() {
        return bgpd.pid();
    }

    FrrVty.Summary summary() {
        return vty.summary();
    }

    @Override
    public void close() {
        vty.close();
    }
}
