package io.proxima.cli;

import io.proxima.dns.DnsResponder;
import io.proxima.dns.ResponderConfig;
import io.proxima.dns.Zone;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A DNS responder as a process of its own, for {@link ProbeLabTest} to start inside a lab
 * namespace ({@code ip netns exec NS java … LabDnsServer ADDRESS NODE_NAME}). Prints {@code ready}
 * once bound and serves until killed.
 */
public final class LabDnsServer {

    static final int WARM_UP_QUERIES = 500;
    static final int WARM_UP_TIMEOUT_MILLIS = 2000;

    private LabDnsServer() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Zone zone = Zone.parse("example.net.", List.of("@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60"));
        DnsResponder r = DnsResponder.start(ResponderConfig.of(List.of(ResponderConfig.listenAddress(args[0])), args[1], zone), 1);
        warmUp(r.boundAddresses().get(0));
        System.out.println("ready " + r.boundAddresses() + " " + r.counters());
        System.out.flush();
        Thread.currentThread().join(); // until SIGTERM from the lab
    }

    /**
     * Asks itself a few hundred times, so that the classes are loaded and the code compiled before
     * the probe arrives: otherwise the first answers after the route moves here take a cold JVM's
     * hundred milliseconds, which is not what an instance in service does.
     */
    private static void warmUp(InetSocketAddress self) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(WARM_UP_TIMEOUT_MILLIS);
            byte[] buf = new byte[512];
            for (int i = 0; i < WARM_UP_QUERIES; i++) {
                byte[] q = IdentityQuery.encode(i);
                s.send(new DatagramPacket(q, q.length, self));
                s.receive(new DatagramPacket(buf, buf.length));
            }
        }
    }
}
