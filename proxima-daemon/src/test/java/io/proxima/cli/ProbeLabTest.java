package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.labkit.Await;
import io.proxima.labkit.HostLink;
import io.proxima.labkit.Lab;
import io.proxima.labkit.LabSupport;
import io.proxima.labkit.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code proxima probe} while the route moves between two instances of an anycast DNS service.
 *
 * <pre>
 *   this JVM (root ns)                     router r                        s1: lo 198.51.100.53, "site-a"
 *   203.0.113.65/30 ── host link ── 203.0.113.66/30   203.0.113.69/30 ── 203.0.113.70/30
 *   route 198.51.100.53/32 via .66         route 198.51.100.53/32          s2: lo 198.51.100.53, "site-b"
 *                                          via .70, then via .74   203.0.113.73/30 ── 203.0.113.74/30
 * </pre>
 *
 * Each instance is Proxima's DNS responder in a JVM of its own inside its namespace. The probe
 * runs in this JVM, as {@code proxima probe} would on a client; the test replaces the router's
 * route while it runs, which is atomic, so the change should cost no probe and show a gap of one
 * interval, give or take the sender's scheduling jitter.
 */
class ProbeLabTest {

    static final String ANYCAST = "198.51.100.53";
    static final String HOST = "203.0.113.65", R_HOST = "203.0.113.66";
    static final String R_S1 = "203.0.113.69", S1 = "203.0.113.70";
    static final String R_S2 = "203.0.113.73", S2 = "203.0.113.74";
    static final Duration INTERVAL = Duration.ofMillis(10);
    static final Duration RUN = Duration.ofSeconds(4);
    /** Queries site-a gets from the probe before the route moves: about a second's worth. */
    static final int PROBES_BEFORE_SWITCH = 100;
    static final Duration READY = Duration.ofSeconds(30);
    /** Scheduling jitter allowed on top of the ideal gap, on a busy 2-core machine. */
    static final Duration JITTER = Duration.ofMillis(40);
    static final ObjectMapper JSON = new ObjectMapper();

    static Lab lab;
    static Netns r;
    static HostLink host;

    @BeforeAll
    static void lab() {
        LabSupport.assumeLab();
        lab = Lab.create();
        try {
            r = lab.netns("r");
            Netns s1 = lab.netns("s1");
            Netns s2 = lab.netns("s2");
            lab.link(r, "eth-a", s1, "eth0").ipv4(R_S1 + "/30", S1 + "/30").up();
            lab.link(r, "eth-b", s2, "eth0").ipv4(R_S2 + "/30", S2 + "/30").up();
            host = lab.hostLink("p", r, "eth0").ipv4(HOST + "/30", R_HOST + "/30").up();
            for (Netns s : List.of(s1, s2)) s.addAddress("lo", ANYCAST + "/32");
            s1.addRoute("default", R_S1);
            s2.addRoute("default", R_S2);
            r.addRoute(ANYCAST + "/32", S1);
            root("ip", "route", "replace", ANYCAST + "/32", "via", R_HOST, "dev", host.hostInterface());
            startServer(s1, "site-a");
            startServer(s2, "site-b");
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    @AfterAll
    static void closeLab() {
        if (lab == null) return;
        try {
            root("ip", "route", "del", ANYCAST + "/32", "dev", host.hostInterface());
        } catch (RuntimeException e) {
            // gone with the host link already
        } finally {
            lab.close();
        }
    }

    static void startServer(Netns ns, String name) {
        Path dir = lab.instanceDir(name);
        Path log = dir.resolve("dns.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), LabDnsServer.class.getName(), ANYCAST, name));
        ns.spawn(name, cmd, Map.of(), dir, log);
        Await.until(READY, () -> read(log).contains("ready"), name + " listening; its log: " + read(log));
    }

    /** Packets the router has sent towards site-a, from its interface counters (ip netns exec mounts the namespace's sysfs). */
    static long packetsToSiteA() {
        return Long.parseLong(r.exec("cat", "/sys/class/net/eth-a/statistics/tx_packets").stdout().strip());
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static void root(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theProbeReportsTheChangeAndAGapOfAboutOneInterval() throws Exception {
        // site-a answers before the run starts
        Await.until(READY, () -> CliTest.run("probe", ANYCAST, "--count", "1", "--timeout", "500ms").out().contains("site-a answers"),
                "site-a answers through the router");

        AtomicReference<CliTest.Result> result = new AtomicReference<>();
        Thread probe = Thread.ofPlatform().name("probe").start(() -> result.set(CliTest.run("probe", ANYCAST, "--dns",
                "--interval", INTERVAL.toMillis() + "ms", "--duration", RUN.toMillis() + "ms", "-o", "json")));
        // move the route once site-a has had a good run of this probe's queries (packets the router sent it)
        long sent = packetsToSiteA();
        Await.until(READY, () -> packetsToSiteA() >= sent + PROBES_BEFORE_SWITCH, "the probe's queries reach site-a");
        r.ip("route", "replace", ANYCAST + "/32", "via", S2);
        probe.join(RUN.plus(Duration.ofSeconds(10)).toMillis());
        assertThat(probe.isAlive()).as("the probe run ends").isFalse();

        CliTest.Result res = result.get();
        assertThat(res.rc()).as(res.err()).isZero();
        JsonNode j = JSON.readTree(res.out());
        assertThat(j.path("instances").findValuesAsText("name")).containsExactly("site-a", "site-b");
        assertThat(j.path("changes")).as(res.out()).hasSize(1);
        JsonNode change = j.path("changes").get(0);
        assertThat(change.path("from").asText()).isEqualTo("site-a");
        assertThat(change.path("to").asText()).isEqualTo("site-b");

        long lost = change.path("lost").asLong();
        double gap = change.path("gap_ms").asDouble();
        double ideal = (lost + 1) * (double) INTERVAL.toMillis();
        assertThat(lost).as("an atomic route replace loses few probes, if any: %s", change).isLessThanOrEqualTo(5);
        assertThat(gap).as("gap = (lost + 1) x interval, within jitter: %s", change)
                .isBetween(ideal - JITTER.toMillis(), ideal + JITTER.toMillis());
        assertThat(j.path("longest_gap_ms").asDouble()).isGreaterThanOrEqualTo(gap);
        assertThat(j.path("sent").asLong()).isGreaterThan(RUN.toMillis() / INTERVAL.toMillis() / 2);
    }
}
