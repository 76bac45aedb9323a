package io.proxima.bench;

import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Keepalive;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.cap.RouteRefreshCapability;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The feeder's BGP session: a minimal active speaker built on Proxima's codec, with no RIB and no
 * FSM beyond the handshake (RFC 4271 §8: OPEN, KEEPALIVE, then Established). After that it writes
 * pre-encoded UPDATEs as fast as TCP takes them, sends a KEEPALIVE every third of the hold time
 * between two messages, and reads and discards whatever the receiver sends (its KEEPALIVEs and
 * End-of-RIB), keeping only a NOTIFICATION to report.
 *
 * <p>Threads: the caller's thread writes the UPDATEs, a scheduler writes KEEPALIVEs; both take
 * {@link #writeLock} per chunk, which ends on a message boundary. A reader thread drains the input.
 */
final class FeederSession implements Closeable {

    static final int PORT = 179;
    /** Chunks of this size keep a KEEPALIVE from waiting long behind a slow receiver. */
    static final int CHUNK = 64 * 1024;
    private static final Duration CONNECT_RETRY = Duration.ofMillis(100);

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final Object writeLock = new Object();
    private final ScheduledExecutorService keepalives = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feeder-keepalive");
        t.setDaemon(true);
        return t;
    });
    private volatile String peerNotification;
    private Instant established;

    private FeederSession(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
    }

    /**
     * Connects from {@code local} to {@code peer}:179 (retrying while the receiver is not yet
     * listening) and completes the handshake. Returns in Established.
     */
    static FeederSession open(IpAddress local, IpAddress peer, long localAs, long peerAs, int holdTime, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket s;
        while (true) {
            s = new Socket();
            try {
                s.bind(new InetSocketAddress(local.toInetAddress(), 0));
                s.connect(new InetSocketAddress(peer.toInetAddress(), PORT), (int) CONNECT_RETRY.toMillis() * 10);
                break;
            } catch (IOException e) {
                s.close();
                if (System.nanoTime() > deadline) throw new IOException("cannot connect to " + peer + ":" + PORT + ": " + e.getMessage(), e);
                Thread.sleep(CONNECT_RETRY);
            }
        }
        s.setTcpNoDelay(true);
        s.setSoTimeout((int) timeout.toMillis());
        FeederSession f = new FeederSession(s);
        try {
            f.handshake(local, localAs, peerAs, holdTime);
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    private void handshake(IpAddress routerId, long localAs, long peerAs, int holdTime) throws IOException {
        Open mine = Open.of(localAs, holdTime, routerId,
                List.of(new Multiprotocol(Family.IPV4_UNICAST), RouteRefreshCapability.INSTANCE, new FourOctetAs(localAs)));
        write(mine);
        BgpMessage m = read(SessionFacts.RFC4271);
        if (!(m instanceof Open theirs)) throw new IOException("expected OPEN, got " + m);
        if (theirs.asn() != peerAs) throw new IOException("peer is AS " + theirs.asn() + ", expected " + peerAs);
        if (theirs.capability(FourOctetAs.class).isEmpty()) throw new IOException("peer lacks 4-octet AS support; the feed is encoded for it");
        int hold = Math.min(holdTime, theirs.holdTime());
        write(Keepalive.INSTANCE);
        m = read(SessionFacts.AS4);
        if (!(m instanceof Keepalive)) throw new IOException("expected KEEPALIVE, got " + m);
        established = Instant.now();
        socket.setSoTimeout(0);
        Thread reader = new Thread(this::drain, "feeder-reader");
        reader.setDaemon(true);
        reader.start();
        if (hold > 0) keepalives.scheduleAtFixedRate(this::keepalive, hold / 3, hold / 3, TimeUnit.SECONDS);
    }

    /** When the handshake completed: the receiver's KEEPALIVE had arrived, and no UPDATE was sent yet. */
    Instant established() {
        return established;
    }

    /** Writes {@code wire} in chunks that end on the message boundaries given; returns when all is written. */
    void send(byte[] wire, int[] messageEnds) throws IOException {
        int start = 0;
        int i = 0;
        while (start < wire.length) {
            int end = start;
            while (i < messageEnds.length && (end == start || messageEnds[i] - start <= CHUNK)) end = messageEnds[i++];
            synchronized (writeLock) {
                out.write(wire, start, end - start);
            }
            start = end;
        }
        out.flush();
    }

    /** The NOTIFICATION the receiver sent, described, or null. */
    String peerNotification() {
        return peerNotification;
    }

    private void keepalive() {
        try {
            write(Keepalive.INSTANCE);
        } catch (IOException e) {
            keepalives.shutdown();
        }
    }

    private void drain() {
        try {
            while (true) {
                BgpMessage m = read(SessionFacts.AS4);
                if (m instanceof Notification n) peerNotification = n.describe();
            }
        } catch (IOException | RuntimeException e) {
            // the session is over
        }
    }

    private void write(BgpMessage m) throws IOException {
        byte[] b = MessageEncoder.toBytes(m, SessionFacts.AS4);
        synchronized (writeLock) {
            out.write(b);
            out.flush();
        }
    }

    /** One message, framed by its header's length (RFC 4271 §4.1). */
    private BgpMessage read(SessionFacts facts) throws IOException {
        byte[] header = new byte[BgpMessage.HEADER_LENGTH];
        in.readFully(header);
        int length = ((header[BgpMessage.MARKER_LENGTH] & 0xFF) << 8) | (header[BgpMessage.MARKER_LENGTH + 1] & 0xFF);
        if (length < BgpMessage.HEADER_LENGTH || length > BgpMessage.MAX_EXTENDED_LENGTH) throw new IOException("bad message length " + length);
        byte[] frame = new byte[length];
        System.arraycopy(header, 0, frame, 0, header.length);
        in.readFully(frame, header.length, length - header.length);
        DecodeResult r = MessageDecoder.decode(Unpooled.wrappedBuffer(frame), facts.withExtendedMessage(true));
        if (r instanceof DecodeResult.Decoded d) return d.message();
        throw new IOException("undecodable message from the peer: " + r);
    }

    @Override
    public void close() {
        keepalives.shutdownNow();
        try {
            if (!socket.isClosed() && established != null) {
                write(Notification.cease(ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN, "benchmark done"));
            }
        } catch (IOException e) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
