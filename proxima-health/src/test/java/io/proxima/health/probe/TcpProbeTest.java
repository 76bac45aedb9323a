package io.proxima.health.probe;

import static io.proxima.health.probe.ProbeFixture.await;
import static io.proxima.health.probe.ProbeFixture.timing;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.TcpCheck;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpProbeTest {

    private static final String LOOPBACK = "127.0.0.1";

    @Test
    void listeningPortPasses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            ProbeResult r = await(Probes.of(new TcpCheck(LOOPBACK, server.getLocalPort(), Optional.empty(), Optional.empty(), timing())));
            assertThat(r.pass()).isTrue();
            assertThat(r.reason()).isEqualTo("connected");
        }
    }

    @Test
    void closedPortFailsAsRefused() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            port = server.getLocalPort();
        }
        ProbeResult r = await(Probes.of(new TcpCheck(LOOPBACK, port, Optional.empty(), Optional.empty(), timing())));
        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("connect refused");
    }

    /** Connects that fill a listener's accept queue, after which the kernel drops further SYNs. */
    private static final int QUEUE_FILLERS = 8;
    private static final java.time.Duration SHORT = java.time.Duration.ofMillis(300);

    @Test
    void aConnectThatNeverCompletesFailsAtTheTimeout() throws Exception {
        List<SocketChannel> fillers = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            for (int i = 0; i < QUEUE_FILLERS; i++) {
                SocketChannel c = SocketChannel.open();
                fillers.add(c);
                c.configureBlocking(false);
                c.connect(server.getLocalSocketAddress());
            }
            Probe probe = Probes.of(new TcpCheck(LOOPBACK, server.getLocalPort(), Optional.empty(), Optional.empty(), timing()));
            ProbeResult r = await(probe, SHORT);
            assertThat(r.pass()).isFalse();
            assertThat(r.reason()).isEqualTo("timeout after 300 ms");

            // Called directly, the wait ends at the caller's interrupt.
            BlockingQueue<ProbeResult> result = new LinkedBlockingQueue<>();
            Thread caller = Thread.ofVirtual().start(() -> result.add(((BlockingProbe) probe).call(SHORT)));
            caller.interrupt();
            ProbeResult interrupted = result.poll(ProbeFixture.SLACK.toSeconds(), TimeUnit.SECONDS);
            assertThat(interrupted).isNotNull();
            assertThat(interrupted.pass()).isFalse();
        } finally {
            for (SocketChannel c : fillers) c.close();
        }
    }

    @Test
    void sendAndExpect() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Thread responder = Thread.ofVirtual().start(() -> answerOnce(server));
            ProbeResult r = await(Probes.of(new TcpCheck(LOOPBACK, server.getLocalPort(), Optional.of("ping\n"), Optional.of("^PONG ping$"), timing())));
            assertThat(r.pass()).as(r.toString()).isTrue();
            assertThat(r.reason()).isEqualTo("expect matched");
            responder.join();
        }
    }

    @Test
    void replyNotMatchingFails() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Thread responder = Thread.ofVirtual().start(() -> answerOnce(server));
            ProbeResult r = await(Probes.of(new TcpCheck(LOOPBACK, server.getLocalPort(), Optional.of("ping\n"), Optional.of("^OK"), timing())));
            assertThat(r.pass()).isFalse();
            assertThat(r.reason()).isEqualTo("expect not matched");
            assertThat(r.detail()).contains("PONG ping");
            responder.join();
        }
    }

    /** Reads one line, answers "PONG line" and closes. */
    private static void answerOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            s.getOutputStream().write(("PONG " + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
