package io.proxima.daemon;

import io.proxima.bfd.BfdBgpBinding;
import io.proxima.bfd.BfdService;
import io.proxima.bfd.BfdServiceConfig;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.StateChange;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Notification;
import io.proxima.config.PeerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BFD sessions beside the BGP sessions of the peers that ask for one ({@code bfd:} in a peer's
 * config). A session going Down tears that peer's BGP session down at once with Cease / BFD Down
 * (RFC 9384), and the speaker's normal reconnect follows; every change goes to the event log and
 * the metrics.
 *
 * <p>The BFD service starts with the first peer that asks for BFD, on its own event loop, so a BGP
 * speaker busy encoding never delays a BFD packet. Our address of a session is the peer's
 * {@code local-address}, or else the address the kernel's routing table picks for the peer (the
 * one the BGP connection will use as well).
 */
final class BfdPeers implements AutoCloseable {

    private final BgpSpeaker speaker;
    private final EventLog events;
    private final Metrics metrics;
    private final BfdServiceConfig serviceConfig;
    private BfdService service;
    /** Peer → its session's key, for the peers with BFD. Written on the control thread, read by the API. */
    private final Map<IpAddress, SessionKey> keys = new ConcurrentHashMap<>();

    BfdPeers(BgpSpeaker speaker, EventLog events, Metrics metrics, BfdServiceConfig serviceConfig) {
        this.speaker = speaker;
        this.events = events;
        this.metrics = metrics;
        this.serviceConfig = serviceConfig;
    }

    /** Starts BFD for {@code peer} if its config asks for it; completes once the session exists. */
    CompletableFuture<Void> add(PeerSpec peer) {
        if (peer.bfd().isEmpty()) return CompletableFuture.completedFuture(null);
        PeerSpec.BfdSpec spec = peer.bfd().get();
        SessionKey key;
        try {
            key = SessionKey.of(peer.address().toInetAddress(), localAddress(peer));
        } catch (IOException e) {
            events.log("bfd", "peer", peer.address().toString(), "event", "error",
                    "reason", "no local address for the BFD session: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        keys.put(peer.address(), key);
        events.log("bfd", "peer", peer.address().toString(), "event", "added", "local", key.local().getHostAddress(),
                "interval_ms", spec.interval().toMillis(), "multiplier", spec.multiplier());
        return service().addSession(SessionConfig.of(key, spec.interval(), spec.multiplier())).thenApply(k -> null);
    }

    /** Stops BFD for {@code peer} (AdminDown to the peer first, which is not a failure for it). */
    CompletableFuture<Void> remove(IpAddress peer) {
        SessionKey key = keys.remove(peer);
        if (key == null || service == null) return CompletableFuture.completedFuture(null);
        events.log("bfd", "peer", peer.toString(), "event", "removed");
        return service.removeSession(key);
    }

    /**
     * A reloaded peer: new timers go out with a Poll Sequence, without a reset (RFC 5880 §6.8.3);
     * BFD switched on or off adds or removes the session.
     */
    CompletableFuture<Void> update(PeerSpec before, PeerSpec after) {
        if (before.bfd().equals(after.bfd()) && before.localAddress().equals(after.localAddress())) {
            return CompletableFuture.completedFuture(null);
        }
        SessionKey key = keys.get(after.address());
        if (key != null && after.bfd().isPresent() && before.localAddress().equals(after.localAddress())) {
            PeerSpec.BfdSpec spec = after.bfd().get();
            events.log("bfd", "peer", after.address().toString(), "event", "timers", "interval_ms", spec.interval().toMillis(),
                    "multiplier", spec.multiplier());
            return service.updateSession(SessionConfig.of(key, spec.interval(), spec.multiplier()));
        }
        return remove(after.address()).thenCompose(v -> add(after));
    }

    /** The session beside {@code peer}'s BGP session, if it has one. Blocks briefly on the BFD loop. */
    Optional<SessionSnapshot> session(IpAddress peer) {
        SessionKey key = keys.get(peer);
        if (key == null || service == null) return Optional.empty();
        return service.session(key);
    }

    /** Every session now, by peer. Blocks briefly on the BFD loop. */
    Map<IpAddress, SessionSnapshot> sessions() {
        if (service == null) return Map.of();
        Map<IpAddress, SessionSnapshot> out = new java.util.LinkedHashMap<>();
        List<SessionSnapshot> all = service.sessions();
        for (Map.Entry<IpAddress, SessionKey> e : keys.entrySet()) {
            for (SessionSnapshot s : all) if (s.key().equals(e.getValue())) out.put(e.getKey(), s);
        }
        return out;
    }

    /** AdminDown on every session (RFC 5880 §6.8.16: the peers must not take it as a failure), then closed. */
    @Override
    public void close() {
        if (service != null) service.close();
        service = null;
        keys.clear();
    }

    private BfdService service() {
        if (service == null) {
            service = BfdService.start(serviceConfig);
            if (!service.ttlEnforced()) {
                events.log("bfd", "event", "warning", "reason", "native epoll is not available: BFD runs without its TTL 255 check "
                        + "(RFC 5881 §5) and real routers will drop our packets");
            }
            service.addListener(this::logged);
            service.addListener(new BfdBgpBinding((peer, reason) -> speaker.abortPeer(IpAddress.of(peer),
                    Notification.cease(ErrorCode.CEASE_BFD_DOWN, reason), reason)));
        }
        return service;
    }

    private void logged(StateChange c) {
        String peer = IpAddress.of(c.session().peer()).toString();
        metrics.bfdTransition(peer, c.to().rfcName());
        events.log("bfd", "peer", peer, "from", c.from().rfcName(), "to", c.to().rfcName(),
                "diagnostic", c.diagnostic().describe(), "remote_state", c.remoteState().rfcName(),
                "failure", c.signalsFailure(), "reason", c.reason());
    }

    /** The configured local address, or the kernel's choice of source address towards the peer (no packet is sent). */
    static InetAddress localAddress(PeerSpec peer) throws IOException {
        if (peer.localAddress().isPresent()) return peer.localAddress().get().toInetAddress();
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(new InetSocketAddress(peer.address().toInetAddress(), BfdServiceConfig.SINGLE_HOP_PORT));
            InetAddress local = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
            if (local.isAnyLocalAddress()) throw new IOException("the kernel has no route to " + peer.address());
            return local;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
