package io.proxima.demo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of RFC 4892's instance identification: one CHAOS TXT {@code id.server} question
 * over UDP, and the first TXT string of the answer. Just enough DNS for the demo's clients; the
 * health checks use the full prober.
 */
final class IdServer {

    static final int QTYPE_TXT = 16;
    static final int QCLASS_CH = 3;
    static final int HEADER = 12;
    static final int MAX_UDP = 512;
    /** A compressed name is a two-octet pointer whose first octet has the top two bits set (RFC 1035 §4.1.4). */
    static final int POINTER = 0xC0;

    private IdServer() {
    }

    /** The instance's name, or empty when nothing (or nothing usable) answered within {@code timeout}. */
    static Optional<String> ask(DatagramSocket socket, InetSocketAddress server, Duration timeout) throws IOException {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] q = query(id);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        socket.send(new DatagramPacket(q, q.length, server));
        byte[] buf = new byte[MAX_UDP];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (java.net.PortUnreachableException e) {
                return Optional.empty();
            }
            Optional<String> a = answer(ByteBuffer.wrap(buf, 0, p.getLength()), id);
            if (a.isPresent() || System.nanoTime() > deadline) return a;
        }
    }

    static byte[] query(int id) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + 11 + 4);
        b.putShort((short) id).putShort((short) 0).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (String label : new String[] {"id", "server"}) {
            b.put((byte) label.length()).put(label.getBytes(StandardCharsets.US_ASCII));
        }
        b.put((byte) 0).putShort((short) QTYPE_TXT).putShort((short) QCLASS_CH);
        return b.array();
    }

    static Optional<String> answer(ByteBuffer b, int id) {
        try {
            if (b.remaining() < HEADER || (b.getShort(0) & 0xFFFF) != id) return Optional.empty();
            int flags = b.getShort(2) & 0xFFFF;
            if ((flags & 0x8000) == 0 || (flags & 0xF) != 0) return Optional.empty(); // not a response, or an error rcode
            int qd = b.getShort(4) & 0xFFFF, an = b.getShort(6) & 0xFFFF;
            b.position(HEADER);
            for (int i = 0; i < qd; i++) {
                skipName(b);
                b.position(b.position() + 4);
            }
            for (int i = 0; i < an; i++) {
                skipName(b);
                int type = b.getShort() & 0xFFFF;
                b.getShort();
                b.getInt();
                int len = b.getShort() & 0xFFFF;
                int end = b.position() + len;
                if (type == QTYPE_TXT && len > 0) {
                    int n = b.get() & 0xFF;
                    byte[] text = new byte[Math.min(n, len - 1)];
                    b.get(text);
                    return Optional.of(new String(text, StandardCharsets.UTF_8));
                }
                b.position(end);
            }
        } catch (RuntimeException e) {
            // a truncated or malformed answer identifies nobody
        }
        return Optional.empty();
    }

    private static void skipName(ByteBuffer b) {
        while (true) {
            int len = b.get() & 0xFF;
            if (len == 0) return;
            if ((len & POINTER) == POINTER) {
                b.get();
                return;
            }
            b.position(b.position() + len);
        }
    }
}
