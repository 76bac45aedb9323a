package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.DnsCheck.DnsClass;
import io.proxima.health.check.DnsCheck.DnsType;
import io.proxima.health.check.DnsCheck.Rcode;
import io.proxima.health.check.DnsCheck.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DNS prober against a real NSD on 127.0.0.1 (installed by .ci/run): IN and CHAOS questions,
 * NSID, TCP, rcodes, and a server that is killed or stopped.
 */
class NsdDnsProbeTest {

    private static final Path NSD = Path.of("/usr/sbin/nsd");
    private static final String LOOPBACK = "127.0.0.1";
    private static final String IDENTITY = "proxima-test";
    private static final String NSID = "proxima-nsid";
    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Duration SHORT = Duration.ofMillis(500);
    private static final String ZONE = """
            $ORIGIN example.test.
            $TTL 300
            @    IN SOA ns.example.test. admin.example.test. 1 3600 900 604800 300
            @    IN NS  ns
            ns   IN A   127.0.0.1
            www  IN A   192.0.2.10
            www  IN AAAA 2001:db8::10
            txt  IN TXT "proxima health"
            """;

    @TempDir Path dir;
    private Process nsd;
    private int port;

    @BeforeEach
    void startNsd() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NSD), "NSD is not installed (/usr/sbin/nsd); .ci/run installs it");
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName(LOOPBACK))) {
            port = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("example.test.zone"), ZONE);
        Path conf = Files.writeString(dir.resolve("nsd.conf"), """
                server:
                  ip-address: %1$s@%2$d
                  username: ""
                  chroot: ""
                  zonesdir: "%3$s"
                  database: ""
                  pidfile: "%3$s/nsd.pid"
                  xfrdfile: "%3$s/xfrd.state"
                  xfrdir: "%3$s"
                  zonelistfile: "%3$s/zone.list"
                  identity: "%4$s"
                  nsid: "ascii_%5$s"
                  server-count: 1
                  verbosity: 1
                remote-control:
                  control-enable: no
                zone:
                  name: example.test
                  zonefile: example.test.zone
                """.formatted(LOOPBACK, port, dir, IDENTITY, NSID));
        nsd = new ProcessBuilder(NSD.toString(), "-d", "-c", conf.toString()).redirectErrorStream(true).start();
        CountDownLatch started = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(nsd.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("nsd started")) started.countDown();
                }
            } catch (Exception e) {
                // NSD was killed
            }
        });
        boolean up = started.await(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (log) {
            assertThat(up).as("NSD started; its log:\n%s", log).isTrue();
        }
    }

    @AfterEach
    void killNsd() {
        if (nsd != null) tree().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void addressRecord() throws Exception {
        ProbeResult r = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, "^192\\.0\\.2\\.10$", false));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.reason()).isEqualTo("rcode NOERROR, answer matched");
    }

    @Test
    void aaaaAndTxtRecordsAsText() throws Exception {
        assertThat(await(dns("www.example.test", DnsType.AAAA, DnsClass.IN, Transport.UDP, Rcode.NOERROR, "^2001:db8:0:0:0:0:0:10$", false)).pass()).isTrue();
        assertThat(await(dns("txt.example.test", DnsType.TXT, DnsClass.IN, Transport.UDP, Rcode.NOERROR, "^proxima health$", false)).pass()).isTrue();
    }

    @Test
    void chaosIdServer() throws Exception {
        ProbeResult r = await(dns("id.server", DnsType.TXT, DnsClass.CH, Transport.UDP, Rcode.NOERROR, "^" + IDENTITY + "$", false));
        assertThat(r.pass()).as(r.toString()).isTrue();
    }

    @Test
    void nsidIsReported() throws Exception {
        ProbeResult r = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, null, true));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.detail()).isEqualTo("nsid " + NSID);
    }

    @Test
    void overTcp() throws Exception {
        ProbeResult r = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.TCP, Rcode.NOERROR, "^192\\.0\\.2\\.10$", true));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.detail()).isEqualTo("nsid " + NSID);
    }

    @Test
    void rcodeIsCompared() throws Exception {
        assertThat(await(dns("missing.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NXDOMAIN, null, false)).pass()).isTrue();
        ProbeResult r = await(dns("missing.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, null, false));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("rcode NXDOMAIN, expected NOERROR");
        ProbeResult refused = await(dns("www.other.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, null, false));
        assertThat(refused.reason()).isEqualTo("rcode REFUSED, expected NOERROR");
    }

    @Test
    void answerNotMatchingFails() throws Exception {
        ProbeResult r = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, "^198\\.51\\.100\\.1$", false));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("rcode NOERROR, no answer matched");
        assertThat(r.detail()).isEqualTo("answers: 192.0.2.10");
    }

    @Test
    void killedServerFails() throws Exception {
        List<ProcessHandle> all = tree();
        all.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        for (ProcessHandle p : all) p.onExit().get(ProbeFixture.SLACK.toMillis(), TimeUnit.MILLISECONDS);
        ProbeResult udp = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, null, false));
        assertThat(udp.pass()).isFalse();
        assertThat(udp.reason()).isEqualTo("port unreachable");
        ProbeResult tcp = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.TCP, Rcode.NOERROR, null, false));
        assertThat(tcp.reason()).isEqualTo("connect refused");
    }

    @Test
    void stoppedServerFailsAsTimeout() throws Exception {
        // NSD may fork a server process while we list its tree: stop what we see, list again,
        // until every process we can see is stopped (state T in /proc), then probe.
        for (int round = 0; round < MAX_STOP_ROUNDS && !allStopped(); round++) signal("-STOP");
        assertThat(allStopped()).as("every NSD process stopped").isTrue();
        ProbeResult r = await(dns("www.example.test", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR, null, false), SHORT);
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("timeout after 500 ms");
    }

    static final int MAX_STOP_ROUNDS = 20;

    private boolean allStopped() throws java.io.IOException {
        for (ProcessHandle p : tree()) {
            String stat;
            try {
                stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "stat"));
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            // /proc/PID/stat: "pid (comm) S ...": the state follows the last ')'.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state != 'T' && state != 't') return false;
        }
        return true;
    }

    /** NSD's main process and the server and xfrd processes it forks. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>(nsd.toHandle().descendants().toList());
        all.add(nsd.toHandle());
        return all;
    }

    private void signal(String signal) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        tree().forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor(ProbeFixture.SLACK.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private Probe dns(String name, DnsType type, DnsClass dnsClass, Transport transport, Rcode rcode, String regex, boolean nsid) {
        return Probes.of(new DnsCheck(LOOPBACK, port, name, type, dnsClass, transport, rcode, Optional.ofNullable(regex), nsid, timing()));
    }
}
