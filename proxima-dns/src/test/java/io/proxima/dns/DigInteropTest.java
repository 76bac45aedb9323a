package io.proxima.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The responder against real clients: ISC's {@code dig} and Knot's {@code kdig}, run as processes
 * against 127.0.0.1 on an ephemeral port. Their parsers are stricter judges of our responses than
 * any decoder of our own.
 */
class DigInteropTest {

    private static DnsResponder responder;
    private static InetSocketAddress at;

    @BeforeAll
    static void start() {
        responder = DnsResponder.start(TestZones.config("site-a"));
        at = responder.boundAddresses().get(0);
    }

    @AfterAll
    static void stop() {
        if (responder != null) responder.close();
    }

    private static String dig(String... args) {
        DnsClientTool.DIG.assume();
        return DnsClientTool.DIG.run(common(args, "+time=2", "+tries=1"));
    }

    private static String kdig(String... args) {
        DnsClientTool.KDIG.assume();
        return DnsClientTool.KDIG.run(common(args, "+timeout=2", "+retry=0"));
    }

    /** Server, port and one short try (every query goes to loopback), then the test's arguments. */
    private static String[] common(String[] args, String timeout, String tries) {
        String[] all = new String[args.length + 5];
        all[0] = "@" + at.getAddress().getHostAddress();
        all[1] = "-p";
        all[2] = String.valueOf(at.getPort());
        all[3] = timeout;
        all[4] = tries;
        System.arraycopy(args, 0, all, 5, args.length);
        return all;
    }

    @Test
    void digGetsAnAuthoritativeA() {
        String out = dig("www.example.net", "A");
        assertThat(out).contains("status: NOERROR").containsPattern("flags: qr aa[ ;]");
        assertThat(out).containsPattern("www\\.example\\.net\\.\\s+60\\s+IN\\s+A\\s+198\\.51\\.100\\.80");
        assertThat(out).doesNotContainPattern("flags:[a-z ]* ra");
    }

    @Test
    void digGetsAaaaTxtAndSoa() {
        assertThat(dig("+short", "www.example.net", "AAAA").strip()).isEqualTo("2001:db8:75::80");
        assertThat(dig("+short", "www.example.net", "TXT").strip()).isEqualTo("\"v=1\" \"hello world\"");
        assertThat(dig("+short", "example.net", "SOA").strip()).isEqualTo("ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60");
        assertThat(dig("+short", "example.net", "NS").strip()).isEqualTo("ns1.example.net.");
    }

    @Test
    void digGetsNxdomainWithTheSoa() {
        String out = dig("nope.example.net", "A");
        assertThat(out).contains("status: NXDOMAIN").containsPattern("flags: qr aa");
        assertThat(out).containsPattern("AUTHORITY SECTION:\\s+example\\.net\\.\\s+60\\s+IN\\s+SOA");
    }

    @Test
    void digGetsNodata() {
        String out = dig("ns1.example.net", "AAAA");
        assertThat(out).contains("status: NOERROR", "ANSWER: 0", "AUTHORITY: 1");
    }

    @Test
    void digGetsTheNodeNameFromIdServerAndHostnameBind() {
        assertThat(dig("+short", "id.server", "CH", "TXT").strip()).isEqualTo("\"site-a\"");
        assertThat(dig("+short", "hostname.bind", "CH", "TXT").strip()).isEqualTo("\"site-a\"");
    }

    @Test
    void digGetsNsid() {
        String out = dig("+nsid", "www.example.net", "A");
        assertThat(out).contains("NSID: 73 69 74 65 2d 61 (\"site-a\")");
    }

    @Test
    void digOverTcp() {
        String out = dig("+tcp", "www.example.net", "A");
        assertThat(out).contains("status: NOERROR").containsPattern("198\\.51\\.100\\.80").contains("(TCP)");
    }

    @Test
    void digFallsBackToTcpWhenTheAnswerIsTruncated() {
        long truncatedBefore = responder.counters().truncated();
        String out = dig("+noedns", "big.example.net", "TXT");
        assertThat(out).contains("Truncated, retrying in TCP mode");
        assertThat(out).contains("ANSWER: " + TestZones.BIG_TXT_RECORDS);
        for (int i = 0; i < TestZones.BIG_TXT_RECORDS; i++) {
            assertThat(out).contains(String.valueOf((char) ('a' + i)).repeat(TestZones.BIG_TXT_LENGTH));
        }
        assertThat(responder.counters().truncated()).isGreaterThan(truncatedBefore);
    }

    @Test
    void digWithEdnsGetsTheBigAnswerOverUdp() {
        String out = dig("+bufsize=1232", "big.example.net", "TXT");
        assertThat(out).doesNotContain("Truncated").contains("ANSWER: " + TestZones.BIG_TXT_RECORDS).contains("(UDP)");
    }

    @Test
    void digIgnoringTruncationSeesTheTcBit() {
        String out = dig("+noedns", "+ignore", "big.example.net", "TXT");
        assertThat(out).containsPattern("flags: qr aa tc").contains("ANSWER: 0");
    }

    @Test
    void digIsRefusedOutsideTheZone() {
        String out = dig("+rec", "www.example.org", "A");
        assertThat(out).contains("status: REFUSED");
        assertThat(out).doesNotContainPattern("flags:[a-z ]* ra");
        assertThat(dig("version.bind", "CH", "TXT")).contains("status: REFUSED");
    }

    @Test
    void digGetsTheHandoffAddress() {
        String out = dig("here.example.net", "A");
        assertThat(out).containsPattern("here\\.example\\.net\\.\\s+10\\s+IN\\s+A\\s+203\\.0\\.113\\.2");
        assertThat(dig("here.example.net", "AAAA")).contains("status: NOERROR", "ANSWER: 0");
    }

    @Test
    void kdigGetsAnswersOverUdpAndTcp() {
        assertThat(kdig("+short", "www.example.net", "A").strip()).isEqualTo("198.51.100.80");
        String tcp = kdig("+tcp", "www.example.net", "AAAA");
        assertThat(tcp).contains("status: NOERROR").contains("2001:db8:75::80").contains("TCP");
        assertThat(kdig("+short", "id.server", "CH", "TXT").strip()).isEqualTo("\"site-a\"");
    }

    @Test
    void kdigGetsNsidAndTheFlags() {
        String out = kdig("+nsid", "www.example.net", "A");
        assertThat(out).contains("NSID: 736974652D61 \"site-a\"");
        assertThat(out).containsPattern("Flags: qr aa rd;");
        assertThat(kdig("www.example.org", "A")).contains("status: REFUSED");
    }

    @Test
    void kdigFallsBackToTcpOnTruncation() {
        String out = kdig("+noedns", "big.example.net", "TXT");
        assertThat(out).contains("ANSWER: " + TestZones.BIG_TXT_RECORDS).contains("TCP");
    }

    /** Queries with a header that promises more than the datagram holds: each gets a FORMERR. */
    static final int GARBAGE = 20;
    /** How long the responder's other event loops may take to count them after dig's answer. */
    static final Duration COUNTED_WITHIN = Duration.ofSeconds(5);
    static final Duration POLL = Duration.ofMillis(1);

    @Test
    void malformedDatagramsAreCountedAndTheResponderAnswersAfterwards() throws Exception {
        DnsClientTool.DIG.assume();
        Counters before = responder.counters();
        Random random = new Random(7); // fixed seed: the same garbage every run
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, at)); // shorter than a header: dropped
            byte[] responseBit = new byte[12];
            responseBit[2] = (byte) 0x80; // QR set: a response, never answered
            s.send(new DatagramPacket(responseBit, responseBit.length, at));
            for (int i = 0; i < GARBAGE; i++) {
                byte[] garbage = new byte[12 + random.nextInt(60)];
                random.nextBytes(garbage);
                garbage[2] &= 0x7F; // a query as far as the header goes
                garbage[4] = (byte) 0xFF; // QDCOUNT 65280+: runs off the end of the datagram
                s.send(new DatagramPacket(garbage, garbage.length, at));
            }
        }
        assertThat(dig("+short", "www.example.net", "A").strip()).isEqualTo("198.51.100.80");
        // SO_REUSEPORT spreads the datagrams over the event loops: dig's answer may come from one loop
        // while another is still counting the garbage, so wait for the count (bounded), then assert it
        long deadline = System.nanoTime() + COUNTED_WITHIN.toNanos();
        while (responder.counters().formerr() - before.formerr() < GARBAGE && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
        Counters after = responder.counters();
        assertThat(after.dropped() - before.dropped()).isGreaterThanOrEqualTo(2);
        assertThat(after.formerr() - before.formerr()).isEqualTo(GARBAGE);
    }
}
