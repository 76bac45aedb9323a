package io.proxima.demo;

import io.proxima.cli.IdentityQuery;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A demo client's one question: CHAOS TXT {@code id.server} over UDP (RFC 4892), encoded and read
 * by {@code proxima probe}'s {@link IdentityQuery}, asked and awaited synchronously.
 */
final class IdServer {

    /** Room for the reply: a TXT answer and an NSID option. */
    static final int MAX_UDP = 512;
    /** Query ids are 16 bits. */
    static final int ID_SPACE = 0x10000;

    private IdServer() {
    }

    /** The instance's name, or empty when no id.server answer came within {@code timeout}. */
    static Optional<String> ask(DatagramSocket socket, InetSocketAddress server, Duration timeout) throws IOException {
        int id = ThreadLocalRandom.current().nextInt(ID_SPACE);
        byte[] q = IdentityQuery.encode(id);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        socket.send(new DatagramPacket(q, q.length, server));
        byte[] buf = new byte[MAX_UDP];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException | PortUnreachableException e) {
                return Optional.empty();
            }
            Optional<String> a = IdentityQuery.decode(buf, p.getLength()).filter(i -> i.id() == id).flatMap(IdentityQuery.Identity::idServer);
            if (a.isPresent() || System.nanoTime() > deadline) return a;
        }
    }
}
