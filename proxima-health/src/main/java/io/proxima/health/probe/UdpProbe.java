package io.proxima.health.probe;

import io.proxima.health.check.UdpCheck;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Sends one datagram on a connected channel and waits for one reply. Connecting lets the kernel
 * report an ICMP port unreachable as an error instead of silence.
 */
final class UdpProbe implements BlockingProbe {

    static final int MAX_REPLY = UdpCheck.MAX_PAYLOAD;
    private static final int MAX_DETAIL = 256;

    private final UdpCheck check;
    private final Pattern expect;

    UdpProbe(UdpCheck check) {
        this.check = check;
        this.expect = check.expect().map(Pattern::compile).orElse(null);
    }

    @Override
    public CompletionStage<ProbeResult> probe(Duration timeout) {
        return Attempt.run("udp", timeout, this::run);
    }

    @Override
    public ProbeResult call(Duration timeout) {
        return Attempt.call(timeout, this::run);
    }

    private ProbeResult run(Duration timeout, Attempt.Clock clock) throws Exception {
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            channel.connect(new InetSocketAddress(check.host(), check.port()));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            channel.write(ByteBuffer.wrap(check.payload()));
            ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
            while (selector.select(clock.remainingMillis(timeout)) == 0 || channel.read(reply) == 0) {
                selector.selectedKeys().clear();
                if (clock.remaining(timeout).isZero()) return Attempt.timeout(timeout);
            }
            reply.flip();
            String text = StandardCharsets.ISO_8859_1.decode(reply).toString();
            if (expect == null) return ProbeResult.pass(clock.elapsed(), "reply of " + text.length() + " bytes");
            if (expect.matcher(text).find()) return ProbeResult.pass(clock.elapsed(), "expect matched");
            return new ProbeResult(false, clock.elapsed(), "expect not matched",
                    text.substring(0, Math.min(MAX_DETAIL, text.length())));
        }
    }
}
