package io.proxima.health.probe;

import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.DnsCheck.Rcode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Asks one question over UDP or TCP. Over UDP, a datagram whose ID is not ours is ignored (RFC
 * 5452 section 4.3), and a truncated answer is asked again over TCP (RFC 7766 section 5: "the
 * client SHOULD retry over TCP").
 */
final class DnsProbe implements BlockingProbe {

    /** The largest DNS message: TCP's two-byte length prefix (RFC 1035 section 4.2.2). */
    static final int MAX_MESSAGE = 65_535;
    static final int ID_SPACE = 1 << 16;

    private final DnsCheck check;
    private final Pattern answerRegex;
    private final IntSupplier ids;

    DnsProbe(DnsCheck check) {
        this(check, randomIds());
    }

    DnsProbe(DnsCheck check, IntSupplier ids) {
        this.check = check;
        this.answerRegex = check.answerRegex().map(Pattern::compile).orElse(null);
        this.ids = ids;
    }

    private static IntSupplier randomIds() {
        SecureRandom random = new SecureRandom();
        return () -> random.nextInt(ID_SPACE);
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("dns", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        int id = ids.getAsInt() & 0xffff;
        byte[] query = DnsQuery.encode(id, check.name(), check.type().code, check.dnsClass().code, check.requestNsid());
        boolean overTcp = check.transport() == DnsCheck.Transport.TCP;
        DnsReply reply = overTcp ? tcp(query, timeout, clock) : udp(query, id, timeout, clock);
        if (!overTcp && reply instanceof DnsReply.Message m && m.truncated()) {
            reply = tcp(query, timeout, clock);
        }
        return switch (reply) {
            case DnsReply.Malformed bad -> ProbeResult.fail(clock.elapsed(), "malformed response: " + bad.reason());
            case DnsReply.Message m when m.id() != id -> ProbeResult.fail(clock.elapsed(), "response ID " + m.id() + " is not the query's " + id);
            case DnsReply.Message m -> verdict(m, clock.elapsed());
        };
    }

    private ProbeResult verdict(DnsReply.Message m, Duration latency) {
        String rcode = "rcode " + Rcode.name(m.rcode());
        String detail = m.nsid().map(n -> "nsid " + n).orElse("");
        if (m.rcode() != check.expectedRcode().code) {
            return new ProbeResult(false, latency, rcode + ", expected " + check.expectedRcode(), detail);
        }
        if (answerRegex == null) return new ProbeResult(true, latency, rcode + ", " + m.answers().size() + " answers", detail);
        for (String answer : m.answers()) {
            if (answerRegex.matcher(answer).find()) return new ProbeResult(true, latency, rcode + ", answer matched", detail);
        }
        String answers = String.join(" | ", m.answers());
        return new ProbeResult(false, latency, rcode + ", no answer matched",
                (detail.isEmpty() ? "" : detail + "; ") + "answers: " + answers);
    }

    private DnsReply udp(byte[] query, int id, Duration timeout, Attempt.Clock clock) throws Exception {
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            channel.connect(new InetSocketAddress(check.server(), check.port()));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            channel.write(ByteBuffer.wrap(query));
            ByteBuffer buf = ByteBuffer.allocate(MAX_MESSAGE);
            while (true) {
                if (clock.remaining(timeout).isZero()) throw new java.net.SocketTimeoutException();
                selector.select(clock.remainingMillis(timeout));
                selector.selectedKeys().clear();
                buf.clear();
                if (channel.read(buf) <= 0) continue;
                DnsReply reply = DnsReplyReader.read(buf.array(), buf.position());
                if (reply instanceof DnsReply.Message m && m.id() != id) continue; // not ours: keep waiting
                return reply;
            }
        }
    }

    private DnsReply tcp(byte[] query, Duration timeout, Attempt.Clock clock) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(check.server(), check.port()), clock.remainingMillis(timeout));
            socket.setSoTimeout(clock.remainingMillis(timeout));
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(query.length); // RFC 1035 section 4.2.2: two-byte length prefix
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readUnsignedShort();
            byte[] message = new byte[length];
            in.readFully(message);
            return DnsReplyReader.read(message, length);
        }
    }
}
