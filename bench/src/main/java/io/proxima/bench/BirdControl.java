package io.proxima.bench;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIRD 2's control socket, spoken directly rather than through {@code birdc}: a poll every 10 ms
 * must not fork a process on a 2-core machine. Protocol (LAB.md §4): a hello line, then per command
 * reply lines {@code DDDD-text} or {@code " text"} (continuation), ending with a line
 * {@code DDDD text}; codes 8xxx and 9xxx are errors.
 */
final class BirdControl implements Closeable {

    /**
     * What {@code show protocols all P} says about a BGP protocol.
     *
     * @param established the BGP state is Established
     * @param since       when the protocol last changed state (for "up": when the session became
     *                    Established), with the precision of {@code timeformat protocol}
     * @param imported    routes imported from the peer
     */
    record Protocol(boolean established, Instant since, long imported) { }

    private static final Pattern REPLY_END = Pattern.compile("^\\d{4} .*");
    private static final Pattern BGP_STATE = Pattern.compile("BGP state:\\s+(\\w+)");
    private static final Pattern ROUTES = Pattern.compile("Routes:\\s+(\\d+) imported");
    /** The "Since" column, as "timeformat protocol iso long us" prints it (local time). */
    private static final Pattern SINCE = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6})");
    private static final DateTimeFormatter ISO_LONG_US = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final SocketChannel channel;
    private final BufferedReader in;
    private final Writer out;

    BirdControl(Path socket) {
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            in = new BufferedReader(Channels.newReader(channel, StandardCharsets.US_ASCII));
            out = Channels.newWriter(channel, StandardCharsets.US_ASCII);
            String hello = in.readLine();
            if (hello == null || !hello.startsWith("0001")) throw new IOException("BIRD said " + hello);
        } catch (IOException e) {
            throw new UncheckedIOException("BIRD control socket " + socket, e);
        }
    }

    /** The reply lines of one command; throws on an error reply. */
    List<String> command(String command) {
        try {
            out.write(command + "\n");
            out.flush();
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (REPLY_END.matcher(line).matches()) {
                    if (line.charAt(0) == '8' || line.charAt(0) == '9') throw new IOException("BIRD: " + String.join("\n", lines));
                    return lines;
                }
            }
            throw new IOException("BIRD closed its control socket");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Protocol protocol(String name) {
        String text = String.join("\n", command("show protocols all " + name));
        Matcher state = BGP_STATE.matcher(text);
        Matcher routes = ROUTES.matcher(text);
        Matcher since = SINCE.matcher(text);
        boolean up = state.find() && state.group(1).equals("Established");
        Instant at = since.find() ? parseTime(since.group(1)) : null;
        return new Protocol(up, at, routes.find() ? Long.parseLong(routes.group(1)) : 0);
    }

    /** A time as BIRD prints it with {@code iso long us}: local time, which BIRD and this JVM share. */
    static Instant parseTime(String text) {
        return LocalDateTime.parse(text, ISO_LONG_US).atZone(ZoneId.systemDefault()).toInstant();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
