package io.proxima.daemon;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>The JSON is written here, not by Jackson: an idle daemon then loads none of Jackson's classes
 * (databind alone is about 400, several MB of metaspace; the API loads them on its first request).
 * Values are written as Jackson would write them: strings, numbers, booleans, null, maps,
 * collections, arrays, enums by name, records as objects; anything else as its {@code toString()}.
 */
public final class EventLog implements AutoCloseable {

    /** Events kept in memory for the API. */
    public static final int RECENT = 1000;

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
            line = json(m);
        } catch (ReflectiveOperationException | RuntimeException e) {
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

    private static String json(Object value) throws ReflectiveOperationException {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) throws ReflectiveOperationException {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            // JSON has no NaN or infinity; Jackson quotes them, and so do we.
            case Double d when !Double.isFinite(d) -> string(out, d.toString());
            case Float f when !Float.isFinite(f) -> string(out, f.toString());
            case Number n -> out.append(n);
            case Enum<?> e -> string(out, e.name());
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, String.valueOf(e.getKey()));
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case Collection<?> c -> array(out, c.toArray());
            case Object[] a -> array(out, a);
            case Record r -> {
                out.append('{');
                RecordComponent[] cs = r.getClass().getRecordComponents();
                for (int i = 0; i < cs.length; i++) {
                    if (i > 0) out.append(',');
                    string(out, cs[i].getName());
                    out.append(':');
                    write(out, cs[i].getAccessor().invoke(r));
                }
                out.append('}');
            }
            default -> string(out, v.toString());
        }
    }

    private static void array(StringBuilder out, Object[] a) throws ReflectiveOperationException {
        out.append('[');
        for (int i = 0; i < a.length; i++) {
            if (i > 0) out.append(',');
            write(out, a[i]);
        }
        out.append(']');
    }

    /** RFC 8259 §7: quotation mark, reverse solidus and the control characters must be escaped. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
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
