package io.proxima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.dns.DnsResponder;
import io.proxima.dns.ResponderConfig;
import io.proxima.dns.Zone;
import io.proxima.labkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code proxima probe --dns --tcp-sessions} against the real responder on loopback: sessions hold
 * their connections and name the instance, a responder that goes away breaks each session it held
 * (and only those), and hand-off sessions hold their connection to the unicast address answered.
 */
class TcpSessionsTest {

    static final int SESSIONS = 4;
    static final Duration INTERVAL = Duration.ofMillis(20);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Answers every session must have had before a test breaks anything: the connections are in use. */
    static final int ANSWERS_BEFORE = 5 * SESSIONS;
    static final String HANDOFF = "here.example.net.";
    static final String UNICAST = "127.0.0.2";

    static DnsResponder responder(String listen, String nodeName, String handoffTo) {
        Zone zone = Zone.parse("example.net.", List.of("@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60"));
        ResponderConfig c = ResponderConfig.of(List.of(ResponderConfig.listenAddress(listen)), nodeName, zone);
        if (handoffTo != null) {
            try {
                c = c.withHandoff(new ResponderConfig.Handoff(HANDOFF, InetAddress.getByName(handoffTo)));
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        return DnsResponder.start(c, 1);
    }

    /** The sessions on their own virtual thread, their output captured. */
    static final class Running implements AutoCloseable {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final CountDownLatch stop = new CountDownLatch(1);
        final TcpSessions sessions;
        final Thread thread;

        Running(InetSocketAddress target, Optional<String> handoff) {
            sessions = new TcpSessions(target, handoff, SESSIONS, INTERVAL, TIMEOUT, ProbeClock.SYSTEM, out, false);
            thread = Thread.ofVirtual().start(() -> {
                try {
                    sessions.run(stop, null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        String text() {
            synchronized (out) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        long count(String regex) {
            return Pattern.compile(regex, Pattern.MULTILINE).matcher(text()).results().count();
        }

        @Override
        public void close() throws InterruptedException {
            stop.countDown();
            thread.join();
        }
    }

    @Test
    void eachSessionHoldsOneConnectionAndNamesTheInstance() throws Exception {
        try (DnsResponder r = responder("127.0.0.1:0", "site-a", null); Running s = new Running(r.boundAddresses().get(0), Optional.empty())) {
            Await.until(WAIT, () -> r.counters().answered() >= ANSWERS_BEFORE, "answers on every session");
            s.close();
            assertThat(s.count("Z  session \\d+  connected  port \\d+ to 127\\.0\\.0\\.1$")).isEqualTo(SESSIONS);
            assertThat(s.count("Z  session \\d+  answered  site-a$")).isEqualTo(SESSIONS);
            assertThat(s.text()).doesNotContain("broken");
            assertThat(String.join("\n", s.sessions.summary())).contains(SESSIONS + " sessions, " + SESSIONS + " connections", " 0 broken",
                    "answering at the end: site-a " + SESSIONS);
        }
    }

    @Test
    void theWaysAConnectionFailsAreNamed() {
        assertThat(TcpSessions.reason(new java.net.SocketException("Connection reset"))).isEqualTo(TcpSessions.Reason.reset);
        assertThat(TcpSessions.reason(new java.net.SocketException("Broken pipe"))).isEqualTo(TcpSessions.Reason.reset);
        assertThat(TcpSessions.reason(new java.io.EOFException())).isEqualTo(TcpSessions.Reason.closed);
        assertThat(TcpSessions.reason(new java.net.SocketTimeoutException())).isEqualTo(TcpSessions.Reason.timeout);
        assertThat(TcpSessions.reason(new java.net.ConnectException("Connection refused"))).isEqualTo(TcpSessions.Reason.refused);
        assertThat(TcpSessions.reason(new java.io.IOException("something else"))).isEqualTo(TcpSessions.Reason.error);
    }

    @Test
    void aResponderThatGoesAwayBreaksTheSessionsItHeld() throws Exception {
        DnsResponder r = responder("127.0.0.1:0", "site-a", null);
        try (Running s = new Running(r.boundAddresses().get(0), Optional.empty())) {
            Await.until(WAIT, () -> s.count("answered  site-a$") == SESSIONS && r.counters().answered() >= ANSWERS_BEFORE, "every session answered");
            r.close();
            // which word a break gets depends on where the close meets the session (theWaysAConnectionFailsAreNamed)
            Await.until(WAIT, () -> s.count("Z  session \\d+  broken  (reset|closed|timeout|error)  site-a  \\d+ answers$") == SESSIONS,
                    () -> "every session broken on site-a: " + s.text());
        } finally {
            r.close();
        }
    }

    @Test
    void handoffSessionsHoldTheUnicastAddressAnsweredAndSurviveTheAnycastOne() throws Exception {
        DnsResponder anycast = responder("127.0.0.1:0", "site-a", UNICAST);
        int port = anycast.boundAddresses().get(0).getPort();
        try (DnsResponder unicast = responder(UNICAST + ":" + port, "site-b", null);
             Running s = new Running(anycast.boundAddresses().get(0), Optional.of(HANDOFF))) {
            Await.until(WAIT, () -> s.count("answered  site-b$") == SESSIONS && unicast.counters().answered() >= ANSWERS_BEFORE,
                    () -> "every hand-off session answered by site-b: " + s.text());
            assertThat(s.count("Z  session \\d+  hand-off  here\\.example\\.net\\.  127\\.0\\.0\\.2$")).isEqualTo(SESSIONS);
            anycast.close();
            long before = unicast.counters().answered();
            Await.until(WAIT, () -> unicast.counters().answered() >= before + ANSWERS_BEFORE, "more answers after the anycast responder went");
            s.close();
            assertThat(s.text()).doesNotContain("broken").doesNotContain("site-a");
        } finally {
            anycast.close();
        }
    }

    @Test
    void theCommandLineRunsForItsDurationAndRejectsWhatDoesNotFit() {
        try (DnsResponder r = responder("127.0.0.1:0", "site-c", null)) {
            String port = String.valueOf(r.boundAddresses().get(0).getPort());
            CliTest.Result res = CliTest.run("probe", "127.0.0.1", "--dns", "--port", port, "--tcp-sessions", "2", "--interval", "10ms",
                    "--duration", "300ms");
            assertThat(res.rc()).as(res.err()).isZero();
            assertThat(res.out()).startsWith("holding 2 TCP sessions to 127.0.0.1 port " + port).contains("answered  site-c", "--- summary ---",
                    "2 sessions, 2 connections");
        }
        assertThat(CliTest.run("probe", "127.0.0.1", "--handoff", HANDOFF).rc()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("probe", "127.0.0.1", "--http", "--tcp-sessions", "2").rc()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("probe", "127.0.0.1", "--tcp-sessions", "0").rc()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("probe", "127.0.0.1", "--tcp-sessions", "2", "--count", "3").rc()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("probe", "127.0.0.1", "--tcp-sessions", "2", "-o", "json").rc()).isEqualTo(Main.USAGE);
        assertThat(CliTest.run("probe", "127.0.0.1", "--tcp-sessions", "2", "--handoff", "a..b").rc()).isEqualTo(Main.USAGE);
    }

    @Test
    void theHandoffQuestionAndItsAnswerRoundTrip() throws Exception {
        byte[] q = HandoffQuery.encode(0x1234, HANDOFF, HandoffQuery.TYPE_A);
        // ID | flags 0 | QD 1 | AN 0 NS 0 AR 0 | 4 here 7 example 3 net 0 | A | IN
        assertThat(q).hasSize(12 + 18 + 4);
        assertThat(q[0]).isEqualTo((byte) 0x12);
        assertThat(q[12]).isEqualTo((byte) 4);
        // a response: the question echoed, one A record whose owner is a pointer to offset 12
        byte[] a = new byte[q.length + 16];
        System.arraycopy(q, 0, a, 0, q.length);
        a[2] = (byte) 0x84; // QR, AA
        a[7] = 1; // ANCOUNT
        byte[] rr = {(byte) 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, (byte) 192, 0, 2, 70};
        System.arraycopy(rr, 0, a, q.length, rr.length);
        assertThat(HandoffQuery.decode(a, a.length, 0x1234, HandoffQuery.TYPE_A)).contains(InetAddress.getByName("192.0.2.70"));
        assertThat(HandoffQuery.decode(a, a.length, 0x1235, HandoffQuery.TYPE_A)).as("another ID").isEmpty();
        assertThat(HandoffQuery.decode(a, a.length - 1, 0x1234, HandoffQuery.TYPE_A)).as("RDATA cut short").isEmpty();
        assertThat(HandoffQuery.decode(a, a.length, 0x1234, HandoffQuery.TYPE_AAAA)).as("no AAAA").isEmpty();
        a[3] = 3; // NXDOMAIN
        assertThat(HandoffQuery.decode(a, a.length, 0x1234, HandoffQuery.TYPE_A)).isEmpty();
    }
}
