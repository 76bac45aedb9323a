package io.proxima.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several responders in one JVM, as the demo runs them: independent sockets, names and counters. */
class MultipleRespondersTest {

    private static final int RECEIVE_TIMEOUT_MILLIS = 2000;

    /** Asks CH TXT id.server over UDP with plain JDK sockets. */
    static String idServer(InetSocketAddress at) throws Exception {
        byte[] q = Messages.query(99, "id.server", Messages.TYPE_TXT, Messages.CLASS_CH);
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            s.send(new DatagramPacket(q, q.length, at));
            byte[] buf = new byte[1232];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            DnsResponse r = Messages.decode(buf, p.getLength());
            try {
                return Messages.txt(r.recordAt(DnsSection.ANSWER));
            } finally {
                r.release();
            }
        }
    }

    @Test
    void fourRespondersAnswerWithTheirOwnNames() throws Exception {
        List<DnsResponder> responders = new ArrayList<>();
        try {
            for (String name : List.of("site-a", "site-b", "site-c", "site-d")) responders.add(DnsResponder.start(TestZones.config(name), 1));
            assertThat(responders.stream().map(r -> r.boundAddresses().get(0).getPort()).distinct()).hasSize(4);
            for (DnsResponder r : responders) {
                assertThat(idServer(r.boundAddresses().get(0))).isEqualTo(r.config().nodeName());
            }
            assertThat(responders).allSatisfy(r -> assertThat(r.counters().answered()).isEqualTo(1));
        } finally {
            responders.forEach(DnsResponder::close);
        }
    }

    @Test
    void udpAndTcpShareThePortAndCloseFreesIt() throws Exception {
        DnsResponder r = DnsResponder.start(TestZones.config("site-a"));
        InetSocketAddress at = r.boundAddresses().get(0);
        try (Socket tcp = new Socket(at.getAddress(), at.getPort())) {
            assertThat(tcp.isConnected()).isTrue();
        }
        r.close();
        r.close(); // idempotent
        DnsResponder again = DnsResponder.start(TestZones.config("site-b").withListen(List.of(at)));
        try {
            assertThat(idServer(at)).isEqualTo("site-b");
        } finally {
            again.close();
        }
    }

    @Test
    void reconfigureSwapsTheAnswersWithoutTouchingTheSockets() throws Exception {
        try (DnsResponder r = DnsResponder.start(TestZones.config("site-a"))) {
            InetSocketAddress at = r.boundAddresses().get(0);
            assertThat(idServer(at)).isEqualTo("site-a");
            ResponderConfig renamed = TestZones.config("site-a2").withListen(r.config().listen());
            r.reconfigure(renamed);
            assertThat(r.config()).isEqualTo(renamed);
            assertThat(idServer(at)).isEqualTo("site-a2");
            assertThat(r.counters().answered()).as("counters carry on").isEqualTo(2);
            assertThatThrownBy(() -> r.reconfigure(TestZones.config("x").withListen(List.of(ResponderConfig.listenAddress("127.0.0.2:0")))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listen addresses changed");
        }
    }

    @Test
    void ipv6LoopbackWorksToo() throws Exception {
        InetSocketAddress v6 = ResponderConfig.listenAddress("[::1]:0");
        try (DatagramSocket probe = new DatagramSocket(v6)) {
            assertThat(probe.getLocalPort()).isPositive();
        } catch (java.net.SocketException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
        }
        try (DnsResponder r = DnsResponder.start(TestZones.config("site-6").withListen(List.of(v6)))) {
            assertThat(idServer(r.boundAddresses().get(0))).isEqualTo("site-6");
        }
    }

    @Test
    void aPortInUseIsAnErrorNamingTheAddress() {
        try (DnsResponder first = DnsResponder.start(TestZones.config("site-a"))) {
            InetSocketAddress at = first.boundAddresses().get(0);
            assertThatThrownBy(() -> DnsResponder.start(TestZones.config("site-b").withListen(List.of(at))))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1 port " + at.getPort() + "/tcp");
        }
    }
}
