package io.proxima.lab;

import io.proxima.labkit.DaemonProcess;
import io.proxima.labkit.Netns;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code proxima probe 198.51.100.75 --dns --tcp-sessions N} (with {@code --handoff} for the
 * unicast hand-off) as its own JVM in a client's namespace, for the ecmp scenario: its event lines
 * read while it runs (TcpSessions' format), so that the lab knows which site each long-lived TCP
 * session is on at any moment and when it broke.
 */
final class SessionProbe {

    /** Sessions per probe: with two equal-cost paths, all of them on one path has odds 2^-15. */
    static final int SESSIONS = 16;
    /** A query every 100 ms on each connection: well inside the responder's 10 s idle timeout (RFC 7766). */
    static final String INTERVAL = "100ms";
    /** A reset comes back within a round trip; a query unanswered after this long counts its session broken. */
    static final String TIMEOUT = "500ms";
    static final String HANDOFF_NAME = "here.example.net.";
    static final String BROKEN = "broken";
    static final String ANSWERED = "answered";
    /** {@code 2026-…Z  session 3  answered  site-2} / {@code …  broken  reset  site-2  83 answers} / {@code …  connected  …}. */
    private static final Pattern LINE = Pattern.compile("^(\\S+Z)\\s+session (\\d+)\\s+(\\S+)\\s*(.*)$");

    /** One line: when, which session, what (connected, hand-off, answered, broken), and the rest. */
    record Event(Instant at, int session, String kind, String detail) {
        /** For answered: the site; for broken: the site it was on ("-" if none). */
        String instance() {
            String[] f = detail.split("\\s+");
            return kind.equals(BROKEN) ? (f.length > 1 ? f[1] : "-") : f[0];
        }

        String reason() {
            return detail.split("\\s+")[0];
        }
    }

    final String label;
    final boolean handoff;
    private final Netns netns;
    private final Path log;
    private DaemonProcess process;
    private final List<Event> events = new ArrayList<>();
    private final LogTail tail;

    SessionProbe(Netns netns, Path dir, String label, boolean handoff) {
        this.netns = netns;
        this.label = label;
        this.handoff = handoff;
        this.log = dir.resolve("sessions-" + label + ".log");
        this.tail = new LogTail(log);
    }

    void start() {
        List<String> args = new ArrayList<>(List.of("probe", Topology.ANYCAST_IP, "--dns", "--tcp-sessions", Integer.toString(SESSIONS),
                "--interval", INTERVAL, "--timeout", TIMEOUT));
        if (handoff) args.addAll(List.of("--handoff", HANDOFF_NAME));
        process = netns.spawn("sessions-" + label, Jvm.proxima(Client.JVM_OPTIONS, args.toArray(String[]::new)), Map.of(), null, log);
    }

    DaemonProcess process() {
        return process;
    }

    void stop() {
        if (process != null && process.alive()) process.stop();
        poll();
    }

    private synchronized void poll() {
        for (String line : tail.newLines()) {
            Matcher m = LINE.matcher(line);
            if (m.find()) events.add(new Event(Instant.parse(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4)));
        }
    }

    /** Every event so far, in the order printed (a broken line carries its query's send time, so times may step back a little). */
    synchronized List<Event> events() {
        poll();
        return List.copyOf(events);
    }

    /** Which site each session is answered by now; a session that broke and has not answered since is absent. */
    Map<Integer, String> current() {
        Map<Integer, String> on = new TreeMap<>();
        for (Event e : events()) {
            if (e.kind().equals(ANSWERED)) on.put(e.session(), e.instance());
            else if (e.kind().equals(BROKEN)) on.remove(e.session());
        }
        return on;
    }

    /** Every session is answered (none broken without a new answer since). */
    boolean allAnswering() {
        return current().size() == SESSIONS;
    }

    /** Sessions per site now. */
    Map<String, Long> spread() {
        Map<String, Long> n = new TreeMap<>();
        current().values().forEach(s -> n.merge(s, 1L, Long::sum));
        return n;
    }

    /** The sessions that broke in [from, to), each with the site it was on (by its line; a broken line names it). */
    List<Event> breaks(Instant from, Instant to) {
        return events().stream().filter(e -> e.kind().equals(BROKEN) && !e.at().isBefore(from) && e.at().isBefore(to)).toList();
    }

    /** The first answer at or after {@code at} of every session that broke in [from, to) — when each was back. */
    Optional<Instant> lastBackAfter(Instant from, Instant to) {
        Map<Integer, Instant> broke = new LinkedHashMap<>();
        for (Event e : breaks(from, to)) broke.putIfAbsent(e.session(), e.at());
        Instant last = null;
        for (Map.Entry<Integer, Instant> b : broke.entrySet()) {
            Optional<Instant> back = events().stream().filter(e -> e.session() == b.getKey() && e.kind().equals(ANSWERED) && e.at().isAfter(b.getValue()))
                    .map(Event::at).findFirst();
            if (back.isEmpty()) return Optional.empty();
            if (last == null || back.get().isAfter(last)) last = back.get();
        }
        return Optional.ofNullable(last);
    }

    @Override
    public String toString() {
        return label;
    }
}
