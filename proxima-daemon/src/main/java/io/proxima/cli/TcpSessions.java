package io.proxima.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code proxima probe --dns --tcp-sessions N}: N long-lived TCP connections (RFC 7766), each from
 * its own source port and so its own ECMP hash, each asking CHAOS TXT {@code id.server} every
 * interval on the same connection. A router that re-hashes its equal-cost paths sends some of them
 * to another instance, which has no such connection and resets it: those are printed as broken,
 * with the instance they were on, and the session reconnects from a new port. With {@code
 * --handoff NAME} each session first asks the anycast address for NAME (the responder's unicast
 * hand-off) and holds its connection to the unicast address answered, which no ECMP change moves.
 *
 * <p>One virtual thread per session, blocking sockets; a session's state is its thread's own. The
 * printed lines are the interface (the lab parses them):
 * <pre>
 *   2026-11-26T16:50:01.120Z  session 3  hand-off  here.example.net.  192.0.2.70
 *   2026-11-26T16:50:01.123Z  session 3  connected  port 40123 to 192.0.2.70
 *   2026-11-26T16:50:01.130Z  session 3  answered  site-2
 *   2026-11-26T16:50:09.002Z  session 3  broken  reset  site-2  83 answers
 * </pre>
 * "answered" is printed for the first answer on a connection and when the instance changes;
 * "broken" carries the time the failed query was sent.
 */
final class TcpSessions {

    /** Concurrent sessions: the responder accepts 256 TCP clients in all (DnsResponder.MAX_TCP_CONNECTIONS). */
    static final int MAX_SESSIONS = 64;
    /** RFC 1035 section 4.2.2: the two-octet length prefix bounds a TCP message. */
    static final int MAX_MESSAGE = 65_535;
    private static final int ID_MASK = 0xFFFF;

    /** Why a session broke: the line's word. */
    enum Reason { reset, closed, timeout, refused, unreachable, error, handoff }

    private final InetSocketAddress target;
    private final Optional<String> handoff;
    private final int count;
    private final Duration interval;
    private final Duration timeout;
    private final ProbeClock clock;
    private final PrintStream out;
    private final boolean verbose;
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Map<Reason, AtomicLong> broken = new ConcurrentHashMap<>();
    private final Map<Integer, String> lastInstance = new ConcurrentHashMap<>();
    private final Map<Integer, Socket> open = new ConcurrentHashMap<>();

    TcpSessions(InetSocketAddress target, Optional<String> handoff, int count, Duration interval, Duration timeout,
                ProbeClock clock, PrintStream out, boolean verbose) {
        this.target = target;
        this.handoff = handoff;
        this.count = count;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.out = out;
        this.verbose = verbose;
    }

    String describe() {
        return count + " TCP session" + (count == 1 ? "" : "s") + " to " + target.getAddress().getHostAddress() + " port " + target.getPort()
                + handoff.map(n -> " for the hand-off " + n + ", then to the address it answers").orElse("")
                + " (dns id.server over TCP, one connection each), a query every " + ProbeReport.ms(interval.toNanos())
                + " on each, timeout " + ProbeReport.ms(timeout.toNanos());
    }

    /**
     * Runs until {@code stopRequested} counts down, or for {@code limit} if not null; then closes
     * every connection and returns the number of answers.
     */
    long run(CountDownLatch stopRequested, Duration limit) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            int session = k;
            threads.add(Thread.ofVirtual().name("tcp-session-" + k).start(() -> session(session, stop)));
        }
        try {
            if (limit == null) stopRequested.await();
            else stopRequested.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            stop.set(true);
            open.values().forEach(TcpSessions::closeQuietly);
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) t.join();
        }
        return answers.get();
    }

    private void session(int session, AtomicBoolean stop) {
        long seq = 0;
        while (!stop.get()) {
            long retryAt = clock.nanoTime() + interval.toNanos();
            InetSocketAddress to = target;
            if (handoff.isPresent()) {
                Instant asked = clock.now();
                try {
                    Optional<InetAddress> a = resolve(session, handoff.get(), (int) (seq++ & ID_MASK));
                    if (a.isEmpty()) {
                        if (!stop.get()) broke(asked, session, Reason.handoff, null, 0);
                        clock.sleepUntil(retryAt);
                        continue;
                    }
                    to = new InetSocketAddress(a.get(), target.getPort());
                    print(clock.now(), session, "hand-off  " + handoff.get() + "  " + a.get().getHostAddress());
                } catch (IOException e) {
                    if (!stop.get()) broke(asked, session, reason(e), null, 0);
                    clock.sleepUntil(retryAt);
                    continue;
                }
            }
            String instance = null;
            long n = 0;
            Instant sent = clock.now();
            try (Socket s = connect(session, to)) {
                connections.incrementAndGet();
                print(clock.now(), session, "connected  port " + s.getLocalPort() + " to " + to.getAddress().getHostAddress());
                DataOutputStream w = new DataOutputStream(s.getOutputStream());
                DataInputStream r = new DataInputStream(s.getInputStream());
                long next = clock.nanoTime();
                while (!stop.get()) {
                    int id = (int) (seq++ & ID_MASK);
                    sent = clock.now();
                    long t0 = clock.nanoTime();
                    byte[] reply = exchange(w, r, IdentityQuery.encode(id));
                    long rtt = clock.nanoTime() - t0;
                    Optional<IdentityQuery.Identity> identity = IdentityQuery.decode(reply, reply.length).filter(i -> i.id() == id);
                    if (identity.isEmpty()) throw new IOException("a reply that is not the answer to query " + id);
                    String who = identity.get().best();
                    n++;
                    answers.incrementAndGet();
                    if (!who.equals(instance)) print(sent, session, "answered  " + who);
                    else if (verbose) print(sent, session, "#" + n + "  " + who + "  " + ProbeReport.ms(rtt));
                    instance = who;
                    lastInstance.put(session, who);
                    next += interval.toNanos();
                    clock.sleepUntil(next);
                }
            } catch (IOException e) {
                if (!stop.get()) broke(sent, session, reason(e), instance, n);
            } finally {
                open.remove(session);
            }
            clock.sleepUntil(Math.max(retryAt, clock.nanoTime() + interval.toNanos()));
        }
    }

    /** Asks the anycast address for the hand-off name over a TCP connection of its own. */
    private Optional<InetAddress> resolve(int session, String name, int id) throws IOException {
        int type = target.getAddress() instanceof Inet6Address ? HandoffQuery.TYPE_AAAA : HandoffQuery.TYPE_A;
        try (Socket s = connect(session, target)) {
            byte[] reply = exchange(new DataOutputStream(s.getOutputStream()), new DataInputStream(s.getInputStream()),
                    HandoffQuery.encode(id, name, type));
            return HandoffQuery.decode(reply, reply.length, id, type);
        } finally {
            open.remove(session);
        }
    }

    private Socket connect(int session, InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        open.put(session, s);
        try {
            s.setTcpNoDelay(true);
            s.connect(to, millis(timeout));
            s.setSoTimeout(millis(timeout));
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** RFC 7766 section 8: each message with its two-octet length. */
    private static byte[] exchange(DataOutputStream w, DataInputStream r, byte[] query) throws IOException {
        w.writeShort(query.length);
        w.write(query);
        w.flush();
        int length = r.readUnsignedShort();
        byte[] reply = new byte[Math.min(length, MAX_MESSAGE)];
        r.readFully(reply);
        return reply;
    }

    private void broke(Instant at, int session, Reason why, String instance, long n) {
        broken.computeIfAbsent(why, x -> new AtomicLong()).incrementAndGet();
        lastInstance.remove(session);
        print(at, session, "broken  " + why + "  " + (instance == null ? "-" : instance) + "  " + n + " answers");
    }

    static Reason reason(IOException e) {
        if (e instanceof SocketTimeoutException) return Reason.timeout;
        if (e instanceof EOFException) return Reason.closed;
        if (e instanceof ConnectException) return Reason.refused;
        if (e instanceof NoRouteToHostException) return Reason.unreachable;
        if (e instanceof SocketException && e.getMessage() != null) {
            String m = e.getMessage().toLowerCase(Locale.ROOT);
            // a write after the peer's RST fails with EPIPE ("Broken pipe") rather than ECONNRESET
            if (m.contains("reset") || m.contains("broken pipe")) return Reason.reset;
        }
        return Reason.error;
    }

    private void print(Instant at, int session, String what) {
        synchronized (out) {
            out.println(ProbeReport.time(at) + "  session " + session + "  " + what);
        }
    }

    List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("--- summary ---");
        long b = broken.values().stream().mapToLong(AtomicLong::get).sum();
        lines.add(String.format(Locale.ROOT, "%d sessions, %d connections, %d answers, %d broken%s", count, connections.get(), answers.get(), b,
                b == 0 ? "" : " (" + String.join(", ", new TreeMap<>(broken).entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get()).toList()) + ")"));
        Map<String, Long> on = new TreeMap<>();
        lastInstance.values().forEach(i -> on.merge(i, 1L, Long::sum));
        lines.add("answering at the end: " + (on.isEmpty() ? "none" : String.join(", ", on.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        return lines;
    }

    /** A socket timeout in whole milliseconds; 0 would mean none. */
    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing to stop: nothing to do
        }
    }
}
