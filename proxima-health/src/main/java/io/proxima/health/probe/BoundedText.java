package io.proxima.health.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes of a stream and drains the rest, so a chatty command or
 * server can neither block on a full pipe nor fill the heap. Thread-safe: one reader appends while
 * the prober may take the text at any time.
 */
final class BoundedText {

    private static final int CHUNK = 1024;

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean truncated;

    BoundedText(int limit) {
        this.limit = limit;
    }

    /** Reads {@code in} to its end. */
    void drain(InputStream in) throws IOException {
        byte[] buf = new byte[CHUNK];
        for (int n; (n = in.read(buf)) >= 0; ) append(buf, n);
    }

    synchronized void append(byte[] buf, int n) {
        int room = limit - kept.size();
        if (n > room) truncated = true;
        kept.write(buf, 0, Math.max(0, Math.min(room, n)));
    }

    synchronized boolean full() {
        return kept.size() >= limit;
    }

    /** ISO-8859-1: one char per byte, so a regex sees every byte and nothing fails to decode. */
    synchronized String latin1() {
        return kept.toString(StandardCharsets.ISO_8859_1);
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8) + (truncated ? "…[truncated]" : "");
    }
}
