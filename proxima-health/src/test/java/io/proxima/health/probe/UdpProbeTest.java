package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.UdpCheck;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpProbeTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final String HELLO = HexFormat.of().formatHex("hello".getBytes(StandardCharsets.US_ASCII));

    private DatagramSocket socket;

    @BeforeEach
    void bind() throws Exception {
        socket = new DatagramSocket(0, InetAddress.getByName(LOOPBACK));
    }

    @AfterEach
    void close() {
        socket.close();
    }

    @Test
    void echoMatchingTheRegexPasses() throws Exception {
        Thread.ofVirtual().start(this::echo);
        ProbeResult r = await(Probes.of(new UdpCheck(LOOPBACK, socket.getLocalPort(), HELLO, Optional.of("^ECHO:hel+o$"), timing())));
        assertThat(r.pass()).as(r.toString()).isTrue();
        assertThat(r.reason()).isEqualTo("expect matched");
    }

    @Test
    void echoNotMatchingFails() throws Exception {
        Thread.ofVirtual().start(this::echo);
        ProbeResult r = await(Probes.of(new UdpCheck(LOOPBACK, socket.getLocalPort(), HELLO, Optional.of("^OK"), timing())));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("expect not matched");
        assertThat(r.detail()).isEqualTo("ECHO:hello");
    }

    @Test
    void silentResponderFailsAsTimeout() throws Exception {
        ProbeResult r = await(Probes.of(new UdpCheck(LOOPBACK, socket.getLocalPort(), HELLO, Optional.empty(), timing())), SHORT);
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("timeout after 300 ms");
        assertThat(r.latency()).isEqualTo(SHORT);
    }

    @Test
    void closedPortFailsAsUnreachable() throws Exception {
        int port = socket.getLocalPort();
        socket.close();
        ProbeResult r = await(Probes.of(new UdpCheck(LOOPBACK, port, HELLO, Optional.empty(), timing())));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("port unreachable");
    }

    private void echo() {
        byte[] buf = new byte[512];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(packet);
            byte[] reply = ("ECHO:" + new String(Arrays.copyOf(buf, packet.getLength()), StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        } catch (SocketException closed) {
            // the test is over
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
