package io.proxima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --http}: one HTTP/1.1 GET per probe on a new connection, reading the response's
 * {@code X-Served-By} header. A new connection per probe, because an open one stays with the
 * instance it reached (or breaks) whatever the routing does; only a new one shows where the
 * anycast address leads now. Only the headers are read, at most {@value #MAX_HEADER_OCTETS} octets.
 */
final class HttpServedByProber implements Prober {

    static final String HEADER = "x-served-by";
    static final int MAX_HEADER_OCTETS = 16 << 10;

    private final InetSocketAddress target;
    private final String hostHeader;
    private final String path;
    private final ProbeClock clock;

    HttpServedByProber(InetSocketAddress target, String hostHeader, String path, ProbeClock clock) {
        this.target = target;
        this.clock = clock;
        this.hostHeader = hostHeader;
        this.path = path;
    }

    @Override
    public Optional<Answer> probe(long seq, Duration timeout) throws IOException {
        long start = clock.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket s = new Socket()) {
            s.connect(target, millis(timeout));
            s.setSoTimeout(millis(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()))));
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: proxima-probe\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(s.getInputStream());
            long rtt = clock.nanoTime() - start;
            if (!head.startsWith("HTTP/")) return Optional.empty();
            String servedBy = ProbeOutcome.UNIDENTIFIED;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(HEADER)) {
                    String v = line.substring(colon + 1).strip();
                    if (!v.isEmpty()) servedBy = v;
                    break;
                }
            }
            return Optional.of(new Answer(servedBy, rtt));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /** The status line and headers, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_HEADER_OCTETS];
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
            String sofar = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            int end = sofar.indexOf("\r\n\r\n");
            if (end >= 0) return sofar.substring(0, end);
        }
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }

    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    @Override
    public String describe() {
        return "http X-Served-By";
    }

    @Override
    public void close() {
        // nothing held between probes
    }
}
