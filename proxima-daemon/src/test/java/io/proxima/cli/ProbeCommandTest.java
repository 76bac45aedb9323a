package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.proxima.dns.DnsResponder;
import io.proxima.dns.ResponderConfig;
import io.proxima.dns.Zone;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code proxima probe} in-process against real servers on loopback: our DNS responder, an HTTP server, a TCP banner. */
class ProbeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DnsResponder responder(String nodeName) {
        Zone zone = Zone.parse("example.net.", List.of("@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60"));
        return DnsResponder.start(ResponderConfig.of(List.of(ResponderConfig.listenAddress("127.0.0.1:0")), nodeName, zone), 1);
    }

    @Test
    void dnsNamesTheInstanceAndSummarises() {
        try (DnsResponder r = responder("site-a")) {
            String port = String.valueOf(r.boundAddresses().get(0).getPort());
            CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--dns", "--port", port, "--count", "5", "--interval", "5ms");
            assertThat(res.rc()).as(res.err()).isZero();
            assertThat(res.out()).contains("probing 127.0.0.1 port " + port + " (dns id.server/NSID) every 5.0 ms, timeout 1000 ms");
            assertThat(res.out()).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  site-a answers");
            assertThat(res.out()).contains("5 probes, 5 answered, 0 lost (0.0%)", "instances: site-a 5 (100.0%)", "0 changes");
            assertThat(res.out()).containsPattern("rtt p50 [0-9.]+ ms, p99 [0-9.]+ ms");
            assertThat(r.counters().answered()).isEqualTo(5);
        }
    }

    /** The lab's IPv6 clients: {@code proxima probe 2001:db8:75::53 --dns -v}; here on ::1. */
    @Test
    void dnsProbesAnIpv6Address() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ipv6Loopback(), "no ::1 on this machine");
        Zone zone = Zone.parse("example.net.", List.of("@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60"));
        try (DnsResponder r = DnsResponder.start(ResponderConfig.of(List.of(ResponderConfig.listenAddress("[::1]:0")), "site-v6", zone), 1)) {
            String port = String.valueOf(r.boundAddresses().get(0).getPort());
            CliTest.Result res = CliTest.run("probe", "::1", "--dns", "--port", port, "--count", "3", "--interval", "5ms", "-v");
            assertThat(res.rc()).as(res.err()).isZero();
            assertThat(res.out()).contains("3 probes, 3 answered, 0 lost (0.0%)", "instances: site-v6 3 (100.0%)");
            assertThat(res.out()).containsPattern("(?m)^\\S+Z\\s+#1\\s+site-v6");
            assertThat(r.counters().answered()).isEqualTo(3);
        }
    }

    private static boolean ipv6Loopback() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void jsonIsOneObjectWithTheSameFigures() throws Exception {
        try (DnsResponder r = responder("site-b")) {
            String port = String.valueOf(r.boundAddresses().get(0).getPort());
            CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--port", port, "--count", "4", "--interval", "2ms", "-o", "json", "-v");
            assertThat(res.rc()).as(res.err()).isZero();
            JsonNode j = JSON.readTree(res.out());
            assertThat(j.path("method").asText()).isEqualTo("dns");
            assertThat(j.path("sent").asLong()).isEqualTo(4);
            assertThat(j.path("answered").asLong()).isEqualTo(4);
            assertThat(j.path("instances").get(0).path("name").asText()).isEqualTo("site-b");
            assertThat(j.path("instances").get(0).path("share").asDouble()).isEqualTo(1.0);
            assertThat(j.path("changes")).isEmpty();
            assertThat(j.path("interval_ms").asDouble()).isEqualTo(2.0);
            assertThat(j.path("rtt_ms").path("p99").asDouble()).isPositive();
            assertThat(j.path("probes")).hasSize(4);
            assertThat(j.path("probes").get(3).path("seq").asLong()).isEqualTo(3);
        }
    }

    @Test
    void verboseTextPrintsEveryProbe() {
        try (DnsResponder r = responder("site-c")) {
            String port = String.valueOf(r.boundAddresses().get(0).getPort());
            CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--port", port, "--count", "3", "--interval", "2ms", "--verbose");
            assertThat(res.out()).containsPattern("Z  #0  site-c  [0-9.]+ ms").containsPattern("Z  #2  site-c");
        }
    }

    @Test
    void httpReadsXServedBy() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/health", ex -> {
            ex.getResponseHeaders().add("X-Served-By", "web-1");
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            String port = String.valueOf(server.getAddress().getPort());
            CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--http", "--port", port, "--path", "/health", "--count", "3", "--interval", "5ms");
            assertThat(res.rc()).as(res.err()).isZero();
            assertThat(res.out()).contains("(http X-Served-By)", "web-1 answers", "instances: web-1 3 (100.0%)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tcpReadsTheBanner() throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("mx-2 ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
        try {
            CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--tcp", String.valueOf(server.getLocalPort()), "--count", "3", "--interval", "5ms");
            assertThat(res.rc()).as(res.err()).isZero();
            assertThat(res.out()).contains("(tcp banner)", "mx-2 ESMTP ready answers", "3 probes, 3 answered");
        } finally {
            server.close();
            accept.join();
        }
    }

    @Test
    void noAnswerAtAllIsExitCode1() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort(); // free again once closed: nobody answers there
        }
        CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--port", String.valueOf(closed), "--count", "3", "--interval", "5ms", "--timeout", "100ms");
        assertThat(res.rc()).isEqualTo(Main.FINDINGS);
        assertThat(res.out()).contains("3 probes, 0 answered, 3 lost (100.0%)", "instances: none");
        assertThat(res.err()).contains("no answer from 127.0.0.1 port " + closed);
    }

    @Test
    void usageErrorsAreExitCode2() {
        List<List<String>> bad = List.of(
                List.of("probe", "127.0.0.1", "--count", "3", "--duration", "1s"),
                List.of("probe", "127.0.0.1", "--tcp", "25", "--port", "26"),
                List.of("probe", "127.0.0.1", "--dns", "--http"),
                List.of("probe", "127.0.0.1", "--interval", "0ms"),
                List.of("probe", "127.0.0.1", "--interval", "10"),
                List.of("probe", "127.0.0.1", "--count", "0"),
                List.of("probe", "127.0.0.1", "--port", "70000"),
                List.of("probe"));
        for (List<String> args : bad) {
            CliTest.Result res = CliTest.run(args.toArray(String[]::new));
            assertThat(res.rc()).as(String.join(" ", args) + "\n" + res.err()).isEqualTo(Main.USAGE);
            assertThat(res.err()).contains("proxima: ");
        }
        assertThat(CliTest.run("probe", "127.0.0.1", "--interval", "10").err()).contains("is not a duration such as 10ms");
    }

    @Test
    void helpListsProbe() {
        assertThat(CliTest.run("--help").out()).contains("probe");
        assertThat(CliTest.run("probe", "--help").out()).contains("--dns", "--http", "--tcp=PORT", "--count=N", "--duration=DURATION", "Exit codes");
    }
}
