package io.proxima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code --tcp PORT}: connects and reads the first line the server sends (an SMTP, FTP or SSH
 * banner, or a test server's name), at most {@value #MAX_BANNER_OCTETS} octets, on a new connection
 * per probe. A server that accepts the connection but sends no line before the timeout, or closes
 * without a word, still answered: its identity is {@link ProbeOutcome#UNIDENTIFIED}.
 */
final class TcpBannerProber implements Prober {

    static final int MAX_BANNER_OCTETS = 512;

    private final InetSocketAddress target;
    private final ProbeClock clock;

    TcpBannerProber(InetSocketAddress target, ProbeClock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public Optional<Answer> probe(long seq, Duration timeout) throws IOException {
        long start = clock.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket s = new Socket()) {
            try {
                s.connect(target, HttpServedByProber.millis(timeout));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            s.setSoTimeout(HttpServedByProber.millis(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()))));
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            try {
                for (int i = 0; i < MAX_BANNER_OCTETS; i++) {
                    int c = in.read();
                    if (c < 0 || c == '\n') break;
                    if (c == '\r') continue;
                    line.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
                }
            } catch (SocketTimeoutException e) {
                // connected, but no whole line in time: the connection itself was the answer
            }
            long rtt = clock.nanoTime() - start;
            String banner = line.toString().strip();
            return Optional.of(new Answer(banner.isEmpty() ? ProbeOutcome.UNIDENTIFIED : banner, rtt));
        }
    }

    @Override
    public String describe() {
        return "tcp banner";
    }

    @Override
    public void close() {
        // nothing held between probes
    }
}
