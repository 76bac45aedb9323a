package io.proxima.bgp.speaker;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.proxima.bgp.fsm.Negotiated;
import io.proxima.bgp.fsm.OpenPolicy;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.AdjRibIn;
import io.proxima.bgp.rib.AdjRibOut;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.rib.AttributePool;
import io.proxima.bgp.rib.Attributes;
import io.proxima.bgp.rib.BestChange;
import io.proxima.bgp.rib.DecisionProcess;
import io.proxima.bgp.rib.ExportPolicy;
import io.proxima.bgp.rib.InboundResult;
import io.proxima.bgp.rib.LocRib;
import io.proxima.bgp.rib.NextHopSelf;
import io.proxima.bgp.rib.Outbound;
import io.proxima.bgp.rib.PeerId;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.session.PeerSession;
import io.proxima.bgp.session.SessionListener;
import io.proxima.bgp.session.Transport;
import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.nlri.Nlri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * The embedded BGP speaker: give it the routes you want announced, and it makes every peer's wire
 * match (desired set → Adj-RIB-Out diff → UPDATEs). Peers can be added, removed and reset at run
 * time; readers get immutable snapshots.
 *
 * <p>All mutable state (sessions, RIBs, the desired set) belongs to one event loop. Public methods
 * may be called from any thread: they hop onto the loop and return a future. Listeners are called
 * on the loop.
 *
 * <p>In router mode (for the demo's routers) the speaker also runs the decision process over all
 * peers' routes and re-advertises the best paths, like a router without policy.
 */
public final class BgpSpeaker implements AutoCloseable {

    private final SpeakerConfig cfg;
    private final Transport transport;
    private final boolean ownTransport;
    private final boolean routerMode;
    private final EventLoop loop;
    private final SplittableRandom random;
    private final AttributePool pool = new AttributePool();
    private final DecisionProcess decision = new DecisionProcess();
    private final LocRib locRib = new LocRib(decision);
    private final Map<IpAddress, Peer> peers = new LinkedHashMap<>();
    private final List<Channel> servers = new ArrayList<>();
    private final List<SpeakerListener> listeners = new CopyOnWriteArrayList<>();
    private List<Advertisement> desired = List.of();
    private boolean closed;

    /** Loop-owned state of one peer. */
    private static final class Peer {
        final PeerConfig config;
        final PeerSession session;
        AdjRibIn ribIn;
        AdjRibOut ribOut;
        ExportPolicy export;
        PeerId id;

        Peer(PeerConfig config, PeerSession session) {
            this.config = config;
            this.session = session;
        }
    }

    private BgpSpeaker(SpeakerConfig cfg, Transport transport, boolean ownTransport, boolean routerMode) {
        this.cfg = cfg;
        this.transport = transport;
        this.ownTransport = ownTransport;
        this.routerMode = routerMode;
        this.loop = transport.nextLoop();
        this.random = new SplittableRandom(cfg.seed());
    }

    /** A speaker with its own single-threaded transport, listening where the config says. */
    public static BgpSpeaker start(SpeakerConfig cfg) throws InterruptedException {
        return start(cfg, new Transport(1), true, false);
    }

    /** A speaker that also chooses best paths and re-advertises them (a router for the demo). */
    public static BgpSpeaker startRouter(SpeakerConfig cfg) throws InterruptedException {
        return start(cfg, new Transport(1), true, true);
    }

    static BgpSpeaker start(SpeakerConfig cfg, Transport t, boolean own, boolean router) throws InterruptedException {
        BgpSpeaker s = new BgpSpeaker(cfg, t, own, router);
        for (InetSocketAddress at : cfg.listen()) s.servers.add(t.listen(at, Map.of(), s::accepted));
        return s;
    }

    public SpeakerConfig config() {
        return cfg;
    }

    public void addListener(SpeakerListener l) {
        listeners.add(l);
    }

    // ---- peers ----

    public CompletableFuture<Void> addPeer(PeerConfig pc) {
        return onLoop(() -> {
            if (peers.containsKey(pc.address())) throw new IllegalArgumentException("peer " + pc.address() + " exists");
            OpenPolicy policy = new OpenPolicy(cfg.localAs(), cfg.routerId(), pc.remoteAs(), pc.holdTime(), pc.families(),
                    true, pc.address().v6(), pc.gracefulRestartTime(), cfg.restarting());
            PeerSession session = new PeerSession(pc, policy, transport, loop, sessionListener, new SplittableRandom(random.nextLong()));
            peers.put(pc.address(), new Peer(pc, session));
            updateMd5();
            session.start();
            return null;
        });
    }

    public CompletableFuture<Void> removePeer(IpAddress address, String message) {
        return onLoop(() -> {
            Peer p = peers.remove(address);
            if (p != null) {
                p.session.stop(Notification.cease(ErrorCode.CEASE_PEER_DECONFIGURED, message));
                routesGone(p);
                updateMd5();
            }
            return null;
        });
    }

    /** Administrative reset (Cease / Administrative Reset with a message, RFC 9003); the session comes back. */
    public CompletableFuture<Void> resetPeer(IpAddress address, String message) {
        return onLoop(() -> {
            Peer p = peers.get(address);
            if (p != null) {
                p.session.stop(Notification.cease(ErrorCode.CEASE_ADMINISTRATIVE_RESET, message));
                p.session.start();
            }
            return null;
        });
    }

    /** Closes a session at once with this NOTIFICATION (e.g. BFD down, RFC 9384); the normal reconnect follows. */
    public CompletableFuture<Void> abortPeer(IpAddress address, Notification n, String reason) {
        return onLoop(() -> {
            Peer p = peers.get(address);
            if (p != null) p.session.abort(n, reason);
            return null;
        });
    }

    /** Asks the peer to send its routes again (ROUTE-REFRESH, RFC 2918), if it supports that. */
    public CompletableFuture<Boolean> requestRefresh(IpAddress address, Family family) {
        return onLoop(() -> {
            Peer p = peers.get(address);
            Negotiated n = p == null ? null : p.session.negotiated();
            if (n == null || !n.routeRefresh() || !n.families().contains(family)) return false;
            return p.session.send(List.of(RouteRefresh.request(family))) != null;
        });
    }

    /**
     * Test hook: drops every connection without a NOTIFICATION and stops, as a crash would. The
     * peers see the TCP connection end (RFC 4724 graceful restart keeps the routes, if negotiated).
     */
    public void crash() {
        onLoop(() -> {
            closed = true;
            for (Peer p : peers.values()) p.session.drop();
            for (Channel s : servers) s.close();
            return null;
        }).join();
        if (ownTransport) transport.close();
    }

    // ---- routes ----

    /**
     * Makes the announced routes exactly {@code routes}, on every established peer. The future
     * completes when the resulting UPDATEs have been written to every socket.
     */
    public CompletableFuture<Void> announce(Collection<Advertisement> routes) {
        List<Advertisement> copy = List.copyOf(routes);
        CompletableFuture<Void> written = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                desired = copy;
                List<ChannelFuture> writes = new ArrayList<>();
                for (Peer p : peers.values()) {
                    ChannelFuture f = sendDiff(p, null);
                    if (f != null) writes.add(f);
                }
                completeWhenWritten(writes, written);
            } catch (RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        return written;
    }

    /** The routes currently wanted, as last given to {@link #announce}. */
    public List<Advertisement> announced() {
        return call(() -> desired);
    }

    private ChannelFuture sendDiff(Peer p, Collection<Prefix> scope) {
        if (p.session.state() != State.ESTABLISHED || p.ribOut == null) return null;
        LocRib rib = routerMode ? locRib : null;
        Outbound out = scope == null ? p.ribOut.diff(p.export.desired(desired, rib))
                : p.ribOut.diff(p.export.desired(desired, rib, scope), scope);
        if (out.isEmpty()) return null;
        return p.session.send(out.messages());
    }

    private static void completeWhenWritten(List<ChannelFuture> writes, CompletableFuture<Void> done) {
        if (writes.isEmpty()) {
            done.complete(null);
            return;
        }
        int[] left = {writes.size()};
        for (ChannelFuture f : writes) {
            // A write that fails means the session died: its routes are gone with it, which is what we wanted.
            f.addListener(x -> {
                if (--left[0] == 0) done.complete(null);
            });
        }
    }

    // ---- readers ----

    public List<PeerSnapshot> peers() {
        return call(() -> {
            List<PeerSnapshot> out = new ArrayList<>();
            for (Peer p : peers.values()) out.add(snapshot(p));
            return out;
        });
    }

    public PeerSnapshot peer(IpAddress address) {
        return call(() -> {
            Peer p = peers.get(address);
            return p == null ? null : snapshot(p);
        });
    }

    /** The routes a peer sent us (its Adj-RIB-In), as immutable copies. */
    public Map<Nlri, Attributes> received(IpAddress address) {
        return call(() -> {
            Peer p = peers.get(address);
            Map<Nlri, Attributes> out = new HashMap<>();
            if (p != null && p.ribIn != null) p.ribIn.forEach(out::put);
            return out;
        });
    }

    /** The routes as sent to a peer (its Adj-RIB-Out). */
    public Map<Prefix, Attributes> sent(IpAddress address) {
        return call(() -> {
            Peer p = peers.get(address);
            Map<Prefix, Attributes> out = new HashMap<>();
            if (p != null && p.ribOut != null) {
                for (Prefix x : p.export.desired(desired, routerMode ? locRib : null).keySet()) {
                    Attributes a = p.ribOut.sent(x);
                    if (a != null) out.put(x, a);
                }
            }
            return out;
        });
    }

    /** Router mode: the best path per prefix and the peer it came from (null for our own). */
    public Map<Prefix, IpAddress> bestPaths() {
        return call(() -> {
            Map<Prefix, IpAddress> out = new HashMap<>();
            locRib.forEachBest((prefix, path) -> out.put(prefix, path.peer().isLocal() ? null : path.peer().address()));
            return out;
        });
    }

    private PeerSnapshot snapshot(Peer p) {
        PeerSession s = p.session;
        Negotiated n = s.negotiated();
        var c = s.counters();
        List<String> caps = new ArrayList<>();
        if (n != null) {
            if (n.fourOctetAs()) caps.add("four-octet-as");
            if (n.routeRefresh()) caps.add("route-refresh");
            if (n.enhancedRouteRefresh()) caps.add("enhanced-route-refresh");
            if (n.extendedMessage()) caps.add("extended-message");
            if (n.extendedNextHopV4()) caps.add("extended-next-hop");
            if (n.peerGracefulRestart().isPresent()) caps.add("graceful-restart");
        }
        Duration up = s.state() == State.ESTABLISHED ? Duration.ofNanos(System.nanoTime() - c.establishedAtNanos()) : Duration.ZERO;
        return new PeerSnapshot(p.config.address(), p.config.remoteAs(), s.state(), up, n == null ? null : n.peerId(),
                n == null ? 0 : n.holdTime(), n == null ? java.util.Set.of() : n.families(), new java.util.HashSet<>(caps),
                c.messagesIn(), c.messagesOut(), c.updatesIn(), c.updatesOut(), c.malformedUpdates(), c.establishedTransitions(),
                p.ribIn == null ? 0 : p.ribIn.size(), p.ribOut == null ? 0 : p.ribOut.size(), c.lastError(),
                c.lastNotificationSent() == null ? null : c.lastNotificationSent().describe(),
                c.lastNotificationReceived() == null ? null : c.lastNotificationReceived().describe(),
                p.ribIn == null ? 0 : p.ribIn.staleCount());
    }

    // ---- the sessions' callbacks, on the loop ----

    private final SessionListener sessionListener = new SessionListener() {
        @Override
        public void stateChanged(PeerSession session, State from, State to, String reason) {
            for (SpeakerListener l : listeners) l.peerStateChanged(session.config().address(), from, to, reason);
        }

        @Override
        public List<BgpMessage> established(PeerSession session, Negotiated n) {
            Peer p = peers.get(session.config().address());
            PeerConfig pc = p.config;
            PeerId id = new PeerId(pc.address(), n.peerAs(), n.peerId(), cfg.localAs() != n.peerAs(), cfg.localAs());
            // After a graceful restart the stale routes stay until End-of-RIB sweeps them (RFC 4724 §4.2).
            boolean restarting = p.ribIn != null && p.ribIn.staleCount() > 0 && id.equals(p.id);
            p.id = id;
            if (!restarting) {
                p.ribIn = new AdjRibIn(p.id, new AdjRibIn.Config(pc.maxPrefixes() > 0 ? pc.maxPrefixes() : AdjRibIn.NO_LIMIT, true, cfg.acceptLoopbackNextHops()), pool);
            }
            p.ribOut = new AdjRibOut(n.facts(), n.families());
            IpAddress local = session.localAddress();
            IpAddress v4 = local != null && !local.v6() ? local : pc.nextHopV4().orElse(null);
            IpAddress v6 = local != null && local.v6() ? local : pc.nextHopV6().orElse(null);
            // RFC 2545 §3: on a shared link, the link-local address of our interface goes with the global one.
            IpAddress linkLocal = local != null && local.v6() && pc.multihop() <= 1 ? linkLocalBeside(local) : null;
            p.export = new ExportPolicy(p.id, new NextHopSelf(v4, v6, linkLocal, n.extendedNextHopV4()), decision, false, pool);
            Map<Prefix, Attributes> want = p.export.desired(desired, routerMode ? locRib : null);
            return p.ribOut.diff(want).messages();
        }

        @Override
        public void down(PeerSession session, String reason, boolean connectionLost) {
            Peer p = peers.get(session.config().address());
            if (p == null) return;
            Negotiated n = session.negotiated();
            if (connectionLost && n != null && p.config.gracefulRestartTime() >= 0 && n.peerGracefulRestart().isPresent()
                    && p.ribIn != null) {
                keepStale(p, n.peerGracefulRestart().get());
            } else {
                routesGone(p);
            }
        }

        @Override
        public SessionListener.Refusal received(PeerSession session, Update update) {
            Peer p = peers.get(session.config().address());
            return apply(p, p.ribIn.apply(update));
        }

        @Override
        public void receivedWithError(PeerSession session, MessageError error) {
            Peer p = peers.get(session.config().address());
            for (SpeakerListener l : listeners) l.updateError(p.config.address(), error);
            if (error.disposition() == Disposition.ATTRIBUTE_DISCARD && error.update() != null) {
                apply(p, p.ribIn.apply(error.update()));
            } else if (error.disposition() == Disposition.TREAT_AS_WITHDRAW) {
                // RFC 7606 §2: the routes in the UPDATE are withdrawn; the withdrawals it carried stand.
                List<Nlri> gone = new ArrayList<>(error.treatAsWithdraw());
                if (error.update() != null) gone.addAll(error.update().withdrawnAll());
                apply(p, p.ribIn.withdraw(gone));
            }
        }

        @Override
        public List<BgpMessage> refresh(PeerSession session, RouteRefresh request) {
            Peer p = peers.get(session.config().address());
            if (p.ribOut == null || request.subtype() != RouteRefresh.NORMAL) return List.of();
            Negotiated n = session.negotiated();
            return p.ribOut.refresh(request.family(), n != null && n.enhancedRouteRefresh()).messages();
        }
    };

    private SessionListener.Refusal apply(Peer p, InboundResult r) {
        if (!r.changes().isEmpty()) {
            for (SpeakerListener l : listeners) l.routesReceived(p.config.address(), r.changes());
            if (routerMode) propagate(locRib.update(p.id, r.changes()));
        }
        if (!r.rejections().isEmpty()) for (SpeakerListener l : listeners) l.routesRejected(p.config.address(), r.rejections());
        if (r.maxPrefix().isPresent()) {
            var m = r.maxPrefix().get();
            return new SessionListener.Refusal(m.notification(), m.toString());
        }
        return null;
    }

    /**
     * RFC 4724 §4.2, receiving speaker: keep the routes of the families the peer preserves, marked
     * stale, for its restart time; End-of-RIB from the restarted peer sweeps what it did not resend.
     */
    private void keepStale(Peer p, io.proxima.bgp.wire.cap.GracefulRestart gr) {
        int kept = 0;
        for (var e : gr.entries()) kept += p.ribIn.markStale(e.family());
        List<RouteChange> dropped = new ArrayList<>();
        for (Family f : List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST)) {
            if (gr.entries().stream().noneMatch(e -> e.family().equals(f))) {
                p.ribIn.markStale(f); // a family the peer does not preserve goes at once
                dropped.addAll(p.ribIn.sweepStale(f));
            }
        }
        if (!dropped.isEmpty()) announceGone(p, dropped);
        p.ribOut = null;
        p.export = null;
        AdjRibIn rib = p.ribIn;
        loop.schedule(() -> {
            // The restart time ran out: whatever is still stale goes (RFC 4724 §4.2).
            if (p.ribIn == rib) {
                List<RouteChange> swept = rib.sweepStale();
                if (!swept.isEmpty()) announceGone(p, swept);
            }
        }, gr.restartTime(), java.util.concurrent.TimeUnit.SECONDS);
        for (SpeakerListener l : listeners) l.peerStateChanged(p.config.address(), State.IDLE, State.IDLE,
                "graceful restart: keeping " + kept + " routes stale for " + gr.restartTime() + " s");
    }

    private void announceGone(Peer p, List<RouteChange> gone) {
        for (SpeakerListener l : listeners) l.routesReceived(p.config.address(), gone);
        if (routerMode && p.id != null) propagate(locRib.update(p.id, gone));
    }

    private void routesGone(Peer p) {
        if (p.ribIn != null) {
            List<RouteChange> gone = p.ribIn.clear();
            if (!gone.isEmpty()) {
                for (SpeakerListener l : listeners) l.routesReceived(p.config.address(), gone);
                if (routerMode && p.id != null) propagate(locRib.update(p.id, gone));
            }
        }
        p.ribIn = null;
        p.ribOut = null;
        p.export = null;
    }

    /**
     * Router mode: best paths changed; tell every peer about those prefixes. The scope is a plain
     * list: {@link AdjRibOut#diff(Map, Collection)} sorts what it sends, and a prefix listed twice
     * (announced twice in one UPDATE) is diffed once.
     */
    private void propagate(List<BestChange> changes) {
        if (changes.isEmpty()) return;
        List<Prefix> scope = new ArrayList<>(changes.size());
        for (BestChange c : changes) scope.add(c.prefix());
        for (Peer p : peers.values()) sendDiff(p, scope);
    }

    /** The IPv6 link-local address of the interface that holds {@code address}, if any. */
    public static IpAddress linkLocalBeside(IpAddress address) {
        try {
            java.net.NetworkInterface nif = java.net.NetworkInterface.getByInetAddress(address.toInetAddress());
            if (nif == null || nif.isLoopback()) return null;
            for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof java.net.Inet6Address v6 && v6.isLinkLocalAddress()) return IpAddress.of(v6.getAddress());
            }
        } catch (java.net.SocketException e) {
            // no interface information: send the global next hop alone, which RFC 2545 allows
        }
        return null;
    }

    private void accepted(SocketChannel ch) {
        InetSocketAddress remote = ch.remoteAddress();
        IpAddress from = IpAddress.of(remote.getAddress());
        loop.execute(() -> {
            Peer p = peers.get(from);
            // Only configured peers may connect.
            if (p == null || closed) {
                ch.close();
                return;
            }
            p.session.accept(ch);
        });
    }

    private void updateMd5() {
        Map<InetAddress, String> keys = new HashMap<>();
        for (Peer p : peers.values()) p.config.md5Password().ifPresent(k -> keys.put(p.config.address().toInetAddress(), k));
        if (keys.isEmpty() && !transport.nativeEpoll()) return;
        for (Channel server : servers) transport.setMd5(server, keys);
    }

    // ---- lifecycle ----

    /**
     * Withdraws nothing by itself: it sends every peer Cease / Administrative Shutdown with the
     * message (RFC 8203), after what was queued, and closes. Callers that want the routes gone
     * first call {@code announce(List.of()).get()}.
     */
    public CompletableFuture<Void> shutdown(String message) {
        return onLoop(() -> {
            closed = true;
            for (Peer p : peers.values()) p.session.stop(Notification.cease(ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN, message));
            for (Channel s : servers) s.close();
            return null;
        });
    }

    @Override
    public void close() {
        try {
            shutdown("shutting down").get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // closing anyway
        }
        if (ownTransport) transport.close();
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
