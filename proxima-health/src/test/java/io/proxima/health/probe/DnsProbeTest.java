package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.DnsCheck.DnsClass;
import io.proxima.health.check.DnsCheck.DnsType;
import io.proxima.health.check.DnsCheck.Rcode;
import io.proxima.health.check.DnsCheck.Transport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The DNS writer and reader on hand-made packets, and the UDP-to-TCP retry against in-test
 * responders on one loopback port.
 */
class DnsProbeTest {

    private static final int ID = 0x1234;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void queryBytes() {
        byte[] q = DnsQuery.encode(ID, "id.server.", 16, 3, true);
        assertThat(HEX.formatHex(q)).isEqualTo(
                "1234" + "0100" + "0001" + "0000" + "0000" + "0001"     // header: RD, one question, one additional
                + "026964" + "06736572766572" + "00" + "0010" + "0003"    // id.server. TXT CH
                + "00" + "0029" + "04d0" + "0000" + "0000" + "0004"       // OPT, UDP size 1232, RDLENGTH 4
                + "0003" + "0000");                                       // NSID, empty
    }

    @Test
    void readsCompressedAnswersAndExtendedRcode() {
        byte[] reply = HEX.parseHex(
                "1234" + "8180" + "0001" + "0002" + "0000" + "0001"
                + "03777777" + "00" + "0001" + "0001"                     // www. A IN
                + "c00c" + "0001" + "0001" + "0000012c" + "0004" + "c000020a"  // -> 192.0.2.10
                + "c00c" + "0010" + "0001" + "0000012c" + "0006" + "026869" + "026f6b" // TXT "hi" "ok"
                + "00" + "0029" + "1000" + "01" + "000000" + "0008" + "0003" + "0004" + "6e733031"); // ext rcode 1, NSID "ns01"
        var m = (DnsReply.Message) DnsReplyReader.read(reply, reply.length);
        assertThat(m.id()).isEqualTo(ID);
        assertThat(m.answers()).containsExactly("192.0.2.10", "hi ok");
        assertThat(m.rcode()).isEqualTo(16);
        assertThat(Rcode.name(m.rcode())).isEqualTo("BADVERS");
        assertThat(m.nsid()).contains("ns01");
    }

    @Test
    void malformedRepliesAreValues() {
        byte[] loop = HEX.parseHex("1234" + "8180" + "0001" + "0000" + "0000" + "0000" + "c00c");
        assertThat(DnsReplyReader.read(loop, loop.length)).isEqualTo(new DnsReply.Malformed("compression pointer loop"));
        byte[] overrun = HEX.parseHex("1234" + "8180" + "0000" + "0001" + "0000" + "0000" + "00" + "0001" + "0001" + "00000000" + "0004" + "c000");
        assertThat(DnsReplyReader.read(overrun, overrun.length)).isEqualTo(new DnsReply.Malformed("record data runs past the message"));
        assertThat(DnsReplyReader.read(new byte[5], 5)).isEqualTo(new DnsReply.Malformed("shorter than a header (5 bytes)"));
    }

    @Test
    void truncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket tcp = new ServerSocket(0, 1, loopback); DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), loopback)) {
            Thread.ofVirtual().start(() -> answerTruncated(udp));
            Thread tcpResponder = Thread.ofVirtual().start(() -> answerFully(tcp));
            var check = new DnsCheck("127.0.0.1", tcp.getLocalPort(), "www", DnsType.A, DnsClass.IN, Transport.UDP, Rcode.NOERROR,
                    Optional.of("^192\\.0\\.2\\.10$"), false, timing());
            ProbeResult r = await(new DnsProbe(check, () -> ID));
            assertThat(r.pass()).as(r.toString()).isTrue();
            tcpResponder.join();
        }
    }

    /** Echoes the question back with QR and TC set and no answers. */
    private static void answerTruncated(DatagramSocket udp) {
        byte[] buf = new byte[512];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            udp.receive(packet);
            byte[] reply = Arrays.copyOf(buf, packet.getLength());
            reply[2] = (byte) 0x83; // QR, TC, RD
            udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        } catch (SocketException closed) {
            // the test is over
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answerFully(ServerSocket tcp) {
        try (Socket s = tcp.accept()) {
            var in = new DataInputStream(s.getInputStream());
            byte[] query = new byte[in.readUnsignedShort()];
            in.readFully(query);
            byte[] answer = HEX.parseHex("c00c" + "0001" + "0001" + "0000012c" + "0004" + "c000020a");
            byte[] reply = Arrays.copyOf(query, query.length + answer.length);
            System.arraycopy(answer, 0, reply, query.length, answer.length);
            reply[2] = (byte) 0x81;
            reply[7] = 1; // ANCOUNT
            var out = new DataOutputStream(s.getOutputStream());
            out.writeShort(reply.length);
            out.write(reply);
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
