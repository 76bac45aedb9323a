package io.proxima.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON-lines event log: one object per transition of a check, service, route, peer or the
 * daemon itself, each with its wall-clock timestamp ({@code ts}, ISO-8601 UTC with microseconds)
 * and its reason. Written to a file (appended and flushed per line, so {@code tail -f} and the
 * benchmarks see each event at once) and/or a stream. The last {@link #RECENT} events are kept for
 * {@code GET /v1/events}.
 *
 * <p>Thread-safe: events come from the engine, the speaker's event loop and the control thread.
 */
public final class EventLog implements AutoCloseable {

    /** Events kept in memory for the API. */
    public static final int RECENT = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final BufferedWriter file;
    private final PrintStream stream;
    private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);

    public EventLog(Clock clock, Optional<Path> file, PrintStream stream) throws IOException {
        this.clock = clock;
        this.file = file.isEmpty() ? null : Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        this.stream = stream;
    }

    /**
     * Logs one event.
     *
     * @param type   what changed: check, service, route, peer, lease, daemon, reload, drain
     * @param fields name, value pairs, in the order they should appear
     */
    public void log(String type, Object... fields) {
        if (fields.length % 2 != 0) throw new IllegalArgumentException("fields come in name, value pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", null);
        m.put("type", type);
        for (int i = 0; i < fields.length; i += 2) m.put((String) fields[i], fields[i + 1]);
        write(m);
    }

    // The timestamp is taken under the lock, so the file's order is the timestamps' order.
    private synchronized void write(Map<String, Object> m) {
        m.put("ts", clock.instant().toString());
        String line;
        try {
            line = JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            line = "{\"ts\":\"" + m.get("ts") + "\",\"type\":\"" + m.get("type") + "\",\"error\":\"unserialisable event\"}";
        }
        if (recent.size() == RECENT) recent.removeFirst();
        recent.addLast(line);
        if (stream != null) {
            stream.println(line);
            stream.flush();
        }
        if (file != null) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                if (stream != System.err) System.err.println("proxima: event log write failed: " + e.getMessage());
            }
        }
    }

    /** The most recent events, oldest first, as JSON lines. */
    public synchronized List<String> recent() {
        return new ArrayList<>(recent);
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to tell
            }
        }
    }
}
