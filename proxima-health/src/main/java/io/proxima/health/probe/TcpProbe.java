package io.proxima.health.probe;

import io.proxima.health.check.TcpCheck;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/** Connects, optionally sends, and reads until the expected pattern shows up or the peer closes. */
final class TcpProbe implements BlockingProbe {

    /** At most this much of the reply is read and matched. */
    static final int MAX_REPLY = 4096;
    private static final int READ_CHUNK = 512;

    /** Dotted-quad IPv4; anything with a colon is taken for IPv6. */
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final TcpCheck check;
    private final Pattern expect;
    /** The target when the host is an address literal, which never changes; null for a name. */
    private final InetSocketAddress literal;

    TcpProbe(TcpCheck check) {
        this.check = check;
        this.expect = check.expect().map(Pattern::compile).orElse(null);
        // A name is looked up on every probe, so that the check follows a DNS change (the JVM
        // caches lookups itself); a literal is parsed once instead of at every probe.
        boolean isLiteral = check.host().indexOf(':') >= 0 || IPV4_LITERAL.matcher(check.host()).matches();
        this.literal = isLiteral ? new InetSocketAddress(check.host(), check.port()) : null;
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("tcp", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        InetSocketAddress target = literal != null ? literal : new InetSocketAddress(check.host(), check.port());
        if (target.isUnresolved()) return ProbeResult.fail(clock.elapsed(), "unknown host " + check.host());
        // A channel rather than a Socket, which has no proxy to bypass, and whose connect can be
        // checked before waiting: a Socket's timed connect on a virtual thread always parks and
        // goes through the JDK's poller first, even when the handshake is complete by the time the
        // connect call returns, as it always is on loopback. The wait, when there is one, takes no
        // timeout of its own: the caller's interrupt at the deadline ends it (BlockingProbe).
        try (SocketChannel channel = SocketChannel.open()) {
            channel.configureBlocking(false);
            boolean connected = channel.connect(target);
            channel.configureBlocking(true);
            if (!connected) channel.finishConnect();
            Socket socket = channel.socket();
            if (check.send().isPresent()) {
                socket.getOutputStream().write(check.send().get().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            if (expect == null) return ProbeResult.pass(clock.elapsed(), "connected");
            BoundedText reply = new BoundedText(MAX_REPLY);
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[READ_CHUNK];
            while (!reply.full()) {
                socket.setSoTimeout(clock.remainingMillis(timeout));
                int n = in.read(buf);
                if (n < 0) break;
                reply.append(buf, n);
                if (expect.matcher(reply.latin1()).find()) return ProbeResult.pass(clock.elapsed(), "expect matched");
            }
            return new ProbeResult(false, clock.elapsed(), "expect not matched", reply.text());
        }
    }
}
