package io.proxima.address;

import io.proxima.bgp.wire.Prefix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Puts anycast addresses on an interface with iproute2 ({@code ip addr add/del}), and takes away
 * only what it put there: an address that was already present at start is never removed. Only
 * host prefixes (/32, /128) are addresses; a wider service prefix is routed, not configured, and
 * is left alone.
 *
 * <p>The daemon calls {@link #remove} only after the withdraw is on the wire (DESIGN.md): a
 * router must never forward to a node that no longer answers for the address.
 */
public final class AddressManager {

    /** How long one {@code ip} command may take. */
    public static final long IP_TIMEOUT_SECONDS = 10;

    private final String device;
    private final Set<Prefix> added = new LinkedHashSet<>();

    public AddressManager(String device) {
        this.device = device;
    }

    /** The addresses this manager added and has not removed. */
    public synchronized Set<Prefix> managed() {
        return Set.copyOf(added);
    }

    /** Adds each host prefix not yet on the device; returns those it added. */
    public synchronized List<Prefix> add(Iterable<Prefix> prefixes) throws IOException {
        List<Prefix> now = new ArrayList<>();
        Set<Prefix> present = present();
        for (Prefix p : prefixes) {
            if (!isHost(p) || added.contains(p)) continue;
            if (present.contains(p)) continue; // someone else's: never ours to remove
            ip("addr", "add", p.toString(), "dev", device);
            added.add(p);
            now.add(p);
        }
        return now;
    }

    /** Removes the given prefixes if this manager added them; returns those it removed. */
    public synchronized List<Prefix> remove(Iterable<Prefix> prefixes) throws IOException {
        List<Prefix> gone = new ArrayList<>();
        for (Prefix p : prefixes) {
            if (!added.contains(p)) continue;
            ip("addr", "del", p.toString(), "dev", device);
            added.remove(p);
            gone.add(p);
        }
        return gone;
    }

    public synchronized List<Prefix> removeAll() throws IOException {
        return remove(new ArrayList<>(added));
    }

    static boolean isHost(Prefix p) {
        return p.length() == (p.isV6() ? 128 : 32);
    }

    private Set<Prefix> present() throws IOException {
        Set<Prefix> out = new LinkedHashSet<>();
        String listing = ip("-o", "addr", "show", "dev", device);
        for (String line : listing.split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals("inet") || f[i].equals("inet6")) out.add(Prefix.parse(f[i + 1]));
            }
        }
        return out;
    }

    private static String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ip");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(IP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer in " + IP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": interrupted");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": " + out.strip());
        return out;
    }
}
