package io.proxima.bfd;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * BFD for a process: single-hop sessions (RFC 5880, RFC 5881) to any number of peers, added and
 * removed at run time, with listeners for state changes and immutable snapshots for readers.
 *
 * <p>All mutable state (sessions, sockets, counters) belongs to one event loop thread of its own,
 * so that BGP work or a health check never delays a BFD timer. Public methods may be called from
 * any thread: they hop onto the loop and return a future. Listeners are called on the loop.
 *
 * <p>Sockets: one receiving socket on port 3784 per local address (and interface) that sessions
 * use, shared by them; one sending socket per session, bound to its source port in 49152–65535.
 */
public final class BfdService implements AutoCloseable {

    /** RFC 5881 §4: "The source port MUST be in the range 49152 through 65535." */
    static final int MIN_SOURCE_PORT = 49152;
    static final int MAX_SOURCE_PORT = 65535;
    /** Source ports tried, one after another from a random start, before adding a session fails. */
    static final int SOURCE_PORT_ATTEMPTS = 64;
    /**
     * How long a removed session keeps sending AdminDown at most. RFC 5880 §6.8.16: "BFD Control
     * packets SHOULD be transmitted for at least a Detection Time after transitioning to
     * AdminDown" — the peer's Detection Time, which a slow peer could make minutes long.
     */
    static final Duration MAX_RETIRE = Duration.ofSeconds(10);

    private final BfdServiceConfig cfg;
    private final BfdTransport transport;
    private final EventLoop loop;
    private final SplittableRandom random;
    private final List<BfdListener> listeners = new CopyOnWriteArrayList<>();

    private final SessionTable sessions;
    private final Set<SessionKey> adding = new HashSet<>();
    private final Map<SessionKey, Retiring> retiring = new HashMap<>();
    private final Map<LocalBinding, Receiver> receivers = new HashMap<>();
    private boolean closed;
    /** close() runs once; it may be called from any thread. */
    private final java.util.concurrent.atomic.AtomicBoolean shutDown = new java.util.concurrent.atomic.AtomicBoolean();

    /** A removed session still telling its peer it is AdminDown, and who waits for it to go. */
    private record Retiring(Session session, CompletableFuture<Void> gone) { }

    /** A receiving socket and how many sessions use it. */
    private static final class Receiver {
        final ChannelFuture bound;
        int users;

        Receiver(ChannelFuture bound) {
            this.bound = bound;
        }
    }

    private BfdService(BfdServiceConfig cfg, BfdTransport transport) {
        this.cfg = cfg;
        this.transport = transport;
        this.loop = transport.loop();
        this.random = new SplittableRandom(cfg.seed());
        this.sessions = new SessionTable(transport.ttlEnforced());
    }

    /** A service with its own event loop thread. Nothing is bound until a session is added. */
    public static BfdService start(BfdServiceConfig cfg) {
        return new BfdService(cfg, new BfdTransport(cfg.preferNative()));
    }

    public BfdServiceConfig config() {
        return cfg;
    }

    /**
     * Whether RFC 5881 §5 holds on this platform: packets leave with TTL 255 and packets with any
     * other TTL are dropped (native epoll). False on NIO, where real routers drop our packets.
     */
    public boolean ttlEnforced() {
        return transport.ttlEnforced();
    }

    public void addListener(BfdListener l) {
        listeners.add(l);
    }

    public void removeListener(BfdListener l) {
        listeners.remove(l);
    }

    // ---- sessions ----

    /**
     * Adds a session and starts it in Down, sending at the slow rate until Up (RFC 5880 §6.8.3).
     * Completes when its sockets are bound; fails if the key exists or no socket can be bound. A key
     * that is still retiring after {@link #removeSession} is added once that is over.
     */
    public CompletableFuture<SessionKey> addSession(SessionConfig sc) {
        CompletableFuture<SessionKey> result = new CompletableFuture<>();
        loop.execute(() -> add(sc, result));
        return result;
    }

    /**
     * New timers or multiplier for an existing session, without a reset: in Up they are announced
     * with a Poll Sequence (RFC 5880 §6.8.3). The key and the authentication must stay the same;
     * change those by removing and adding.
     */
    public CompletableFuture<Void> updateSession(SessionConfig sc) {
        return onLoop(() -> {
            Session s = sessions.get(sc.key());
            if (s == null) throw new IllegalArgumentException("no session " + sc.key());
            if (!s.config().authentication().equals(sc.authentication())) {
                throw new IllegalArgumentException("authentication of " + sc.key() + " changes only by removing and adding the session");
            }
            s.reconfigure(sc);
            return null;
        });
    }

    /**
     * Removes a session: it goes AdminDown at once (listeners see that, and it is no failure), keeps
     * telling the peer so for one of the peer's Detection Times (at most {@link #MAX_RETIRE}), then
     * closes its socket. The future completes when it is gone; unknown keys complete at once.
     */
    public CompletableFuture<Void> removeSession(SessionKey key) {
        CompletableFuture<Void> gone = new CompletableFuture<>();
        loop.execute(() -> {
            Session s = sessions.get(key);
            if (s == null) {
                Retiring r = retiring.get(key);
                if (r == null) gone.complete(null);
                else r.gone().whenComplete((x, e) -> gone.complete(null));
                return;
            }
            sessions.remove(s);
            SessionSnapshot before = s.snapshot();
            s.disable(Diagnostic.ADMINISTRATIVELY_DOWN);
            Duration linger = before.remoteDiscriminator() == 0 ? Duration.ZERO : retireTime(before);
            retiring.put(key, new Retiring(s, gone));
            loop.schedule(() -> retire(key), linger.toNanos(), TimeUnit.NANOSECONDS);
        });
        return gone;
    }

    private void retire(SessionKey key) {
        Retiring r = retiring.remove(key);
        if (r == null) return; // closed meanwhile
        r.session().close();
        release(LocalBinding.of(key));
        sessions.release(r.session().localDiscr());
        r.gone().complete(null);
    }

    /** RFC 5880 §6.8.16: AdminDown with a diagnostic (Administratively Down, or Path Down when a lower layer failed). */
    public CompletableFuture<Void> adminDown(SessionKey key, Diagnostic diagnostic) {
        return onSession(key, s -> s.disable(diagnostic));
    }

    /** RFC 5880 §6.8.16: from AdminDown back to Down; the handshake follows. */
    public CompletableFuture<Void> adminUp(SessionKey key) {
        return onSession(key, Session::enable);
    }

    /**
     * Test hook: the session stops (or resumes) putting packets on the wire, while it receives and
     * times out as usual, as a frozen or partitioned sender looks to its peer.
     */
    public CompletableFuture<Void> silence(SessionKey key, boolean silent) {
        return onSession(key, s -> s.silence(silent));
    }

    // ---- readers ----

    public List<SessionSnapshot> sessions() {
        return call(() -> {
            List<SessionSnapshot> out = new ArrayList<>();
            for (Session s : sessions.all()) out.add(s.snapshot());
            return out;
        });
    }

    public Optional<SessionSnapshot> session(SessionKey key) {
        return call(() -> Optional.ofNullable(sessions.get(key)).map(Session::snapshot));
    }

    /** Packets dropped before any session could be named (no session, or garbage from an unknown source), by rule. */
    public Map<DropReason, Long> unattributedDrops() {
        return call(sessions::unattributed);
    }

    // ---- on the loop ----

    private void add(SessionConfig sc, CompletableFuture<SessionKey> result) {
        SessionKey key = sc.key();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("BFD service is closed"));
            return;
        }
        Retiring retirement = retiring.get(key);
        if (retirement != null) {
            retirement.gone().whenComplete((x, e) -> loop.execute(() -> add(sc, result)));
            return;
        }
        if (sessions.get(key) != null || !adding.add(key)) {
            result.completeExceptionally(new IllegalArgumentException("session " + key + " exists"));
            return;
        }
        LocalBinding at = LocalBinding.of(key);
        acquire(at).addListener(bound -> {
            if (!bound.isSuccess()) {
                adding.remove(key);
                release(at);
                result.completeExceptionally(bound.cause());
                return;
            }
            int first = MIN_SOURCE_PORT + random.nextInt(MAX_SOURCE_PORT - MIN_SOURCE_PORT + 1);
            bindSender(sc, at, first, 0, result);
        });
    }

    private void bindSender(SessionConfig sc, LocalBinding at, int port, int attempt, CompletableFuture<SessionKey> result) {
        SessionKey key = sc.key();
        transport.bindSender(key.local(), key.interfaceName(), port, new io.netty.channel.ChannelInboundHandlerAdapter())
                .addListener((ChannelFuture f) -> {
                    if (f.isSuccess() && !closed) {
                        adding.remove(key);
                        Session s = new Session(this, sc, sessions.newDiscriminator(random), f.channel(), port, cfg.port(), random.split());
                        sessions.add(s);
                        s.start();
                        result.complete(key);
                    } else if (f.isSuccess() || attempt + 1 >= SOURCE_PORT_ATTEMPTS) {
                        f.channel().close();
                        adding.remove(key);
                        release(at);
                        result.completeExceptionally(closed ? new IllegalStateException("BFD service is closed")
                                : new IllegalStateException("no free source port for " + key + " after " + SOURCE_PORT_ATTEMPTS + " attempts", f.cause()));
                    } else {
                        int next = port == MAX_SOURCE_PORT ? MIN_SOURCE_PORT : port + 1;
                        bindSender(sc, at, next, attempt + 1, result);
                    }
                });
    }

    private ChannelFuture acquire(LocalBinding at) {
        Receiver r = receivers.get(at);
        if (r == null) {
            r = new Receiver(transport.bindReceiver(at.address(), at.iface(), cfg.port(), new Inbound(at)));
            Receiver mine = r;
            receivers.put(at, r);
            r.bound.addListener(f -> {
                if (!f.isSuccess() && receivers.get(at) == mine) receivers.remove(at);
            });
        }
        r.users++;
        return r.bound;
    }

    private void release(LocalBinding at) {
        Receiver r = receivers.get(at);
        if (r == null) return;
        if (--r.users == 0) {
            receivers.remove(at);
            r.bound.channel().close();
        }
    }

    /** One of the peer's Detection Times of us, once we send at the slow rate, capped. */
    private static Duration retireTime(SessionSnapshot s) {
        long micros = s.detectMultiplier() * Math.max(Fsm.SLOW_TX_MICROS, s.remoteRequiredMinRx().toNanos() / 1000);
        Duration d = Duration.ofNanos(micros * 1000);
        return d.compareTo(MAX_RETIRE) > 0 ? MAX_RETIRE : d;
    }

    /** Reads the datagrams of one receiving socket, on the loop. */
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final LocalBinding at;

        Inbound(LocalBinding at) {
            this.at = at;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            sessions.received(at, packet);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A socket error (e.g. ICMP reflected as ECONNREFUSED) must not close the shared socket.
        }
    }

    Instant now() {
        return cfg.clock().instant();
    }

    void notifyListeners(StateChange change) {
        for (BfdListener l : listeners) {
            try {
                l.stateChanged(change);
            } catch (RuntimeException e) {
                // One failing listener must not stop the others, nor the packet that follows the change.
                System.err.println("proxima-bfd: listener " + l + " failed on " + change + ": " + e);
            }
        }
    }

    // ---- lifecycle ----

    /**
     * Sends AdminDown once on every session (RFC 5882 §3.2: the peers take that as no failure),
     * closes every socket and stops the loop. Idempotent.
     */
    @Override
    public void close() {
        if (!shutDown.compareAndSet(false, true)) return;
        try {
            onLoop(() -> {
                closed = true;
                for (Session s : sessions.all()) {
                    s.disable(Diagnostic.ADMINISTRATIVELY_DOWN);
                    s.close();
                }
                sessions.clear();
                for (Retiring r : retiring.values()) {
                    r.session().close();
                    r.gone().complete(null);
                }
                retiring.clear();
                for (Receiver r : receivers.values()) r.bound.channel().close();
                receivers.clear();
                return null;
            }).get(MAX_RETIRE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // closing anyway
        }
        transport.close();
    }

    private CompletableFuture<Void> onSession(SessionKey key, java.util.function.Consumer<Session> action) {
        return onLoop(() -> {
            Session s = sessions.get(key);
            if (s == null) throw new IllegalArgumentException("no session " + key);
            action.accept(s);
            return null;
        });
    }

    private <T> CompletableFuture<T> onLoop(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private <T> T call(Callable<T> task) {
        if (loop.inEventLoop()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return onLoop(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
