package io.proxima.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An FRR daemon's vty socket ({@code DIR/bgpd.vty}), spoken directly as vtysh does (LAB.md §4): send
 * the command and a NUL; the reply ends with three NULs and a status octet (0 = success). A poll
 * every 20 ms through {@code vtysh} would fork a process each time, ~60 ms of CPU on a 2-core box.
 */
final class FrrVty implements Closeable {

    private static final Pattern PFX_RCD = Pattern.compile("\"pfxRcd\":\\s*(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\":\\s*\"(\\w+)\"");

    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    FrrVty(Path socket) {
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("FRR vty socket " + socket, e);
        }
        command("enable");
    }

    String command(String command) {
        try {
            byte[] c = (command + "\0").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer out = ByteBuffer.wrap(c);
            while (out.hasRemaining()) channel.write(out);
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            while (true) {
                buffer.clear();
                if (channel.read(buffer) < 0) throw new IOException("FRR closed its vty socket");
                reply.write(buffer.array(), 0, buffer.position());
                byte[] r = reply.toByteArray();
                int n = r.length;
                if (n >= 4 && r[n - 4] == 0 && r[n - 3] == 0 && r[n - 2] == 0) {
                    if (r[n - 1] != 0) throw new IOException("FRR: '" + command + "' failed with status " + r[n - 1]);
                    return new String(r, 0, n - 4, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The peer's session state and prefixes received, from {@code show bgp ipv4 unicast summary json}. */
    record Summary(boolean established, long prefixesReceived) { }

    Summary summary() {
        String json = command("show bgp ipv4 unicast summary json");
        Matcher p = PFX_RCD.matcher(json);
        Matcher s = STATE.matcher(json);
        return new Summary(s.find() && s.group(1).equals("Established"), p.find() ? Long.parseLong(p.group(1)) : 0);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing
        }
    }
}
