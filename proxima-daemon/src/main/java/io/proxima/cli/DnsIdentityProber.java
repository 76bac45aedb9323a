package io.proxima.cli;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --dns}: asks CHAOS TXT {@code id.server} with an NSID option, from one UDP socket for the
 * whole run, so every probe is the same flow (the same 5-tuple) and routers hashing flows over
 * equal-cost paths keep it on one path: a change of instance is then a change of routing, not of
 * hashing. A reader thread matches replies to probes by DNS ID.
 */
final class DnsIdentityProber implements Prober {

    /** Room for any UDP reply. */
    private static final int RECEIVE_BUFFER = 65_535;
    /** DNS IDs are 16 bits: probe {@code seq} uses {@code seq mod 65536}. */
    private static final int ID_MASK = 0xFFFF;

    private final InetSocketAddress target;
    private final DatagramSocket socket;
    private final Map<Integer, CompletableFuture<Received>> pending = new ConcurrentHashMap<>();
    private final ProbeClock clock;
    private final Thread reader;

    /** A reply as the reader saw it: the identity, and when it arrived. */
    private record Received(String instance, long atNanos) { }

    DnsIdentityProber(InetSocketAddress target, ProbeClock clock) throws SocketException {
        this.target = target;
        this.clock = clock;
        this.socket = new DatagramSocket();
        // A platform thread blocked in receive(): the arrival is timed when the kernel hands the
        // datagram over, not when a virtual thread's carrier gets round to it.
        this.reader = Thread.ofPlatform().daemon().name("probe-dns-reader").start(this::read);
    }

    @Override
    public Optional<Answer> probe(long seq, Duration timeout) throws IOException, InterruptedException {
        int id = (int) (seq & ID_MASK);
        CompletableFuture<Received> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            byte[] q = IdentityQuery.encode(id);
            long sent = clock.nanoTime();
            socket.send(new DatagramPacket(q, q.length, target));
            Received r = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return Optional.of(new Answer(r.instance(), r.atNanos() - sent));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pending.remove(id, answer);
        }
    }

    private void read() {
        byte[] buf = new byte[RECEIVE_BUFFER];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            long at = clock.nanoTime();
            // Only the target's replies count: anything else on our port is not an answer.
            if (!target.equals(p.getSocketAddress())) continue;
            IdentityQuery.decode(buf, p.getLength()).ifPresent(identity -> {
                CompletableFuture<Received> f = pending.get(identity.id());
                if (f != null) f.complete(new Received(identity.best(), at));
            });
        }
    }

    @Override
    public String describe() {
        return "dns id.server/NSID";
    }

    @Override
    public void close() {
        socket.close();
        reader.interrupt();
    }
}
