package io.proxima.bfd;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A service's sessions, found by key, by discriminator and by address, and the demultiplexing of
 * received packets to them (RFC 5880 §6.3, RFC 5881 §3). Owned by the service's event loop.
 */
final class SessionTable {

    private final Map<SessionKey, Session> byKey = new LinkedHashMap<>();
    private final Map<Integer, Session> byDiscriminator = new HashMap<>();
    /** Also those of removed sessions still sending AdminDown: a peer may still address them. */
    private final Set<Integer> discriminatorsInUse = new HashSet<>();
    private final Map<DropReason, Long> unattributed = new EnumMap<>(DropReason.class);
    private final boolean ttlFiltered;

    /** @param ttlFiltered the receiving sockets carry {@link TtlFilter}: an empty datagram means a wrong TTL */
    SessionTable(boolean ttlFiltered) {
        this.ttlFiltered = ttlFiltered;
    }

    Session get(SessionKey k) {
        return byKey.get(k);
    }

    List<Session> all() {
        return new ArrayList<>(byKey.values());
    }

    void add(Session s) {
        byKey.put(s.key(), s);
        byDiscriminator.put(s.localDiscr(), s);
    }

    /** Takes the session out of demultiplexing; its discriminator stays reserved until {@link #release}. */
    void remove(Session s) {
        byKey.remove(s.key());
        byDiscriminator.remove(s.localDiscr());
    }

    void release(int discriminator) {
        discriminatorsInUse.remove(discriminator);
    }

    void clear() {
        byKey.clear();
        byDiscriminator.clear();
        discriminatorsInUse.clear();
    }

    /** A nonzero discriminator no session of this service uses (RFC 5880 §6.8.1: "unique across all BFD sessions on this system"). */
    int newDiscriminator(RandomGenerator random) {
        int d;
        do {
            d = random.nextInt();
        } while (d == 0 || discriminatorsInUse.contains(d));
        discriminatorsInUse.add(d);
        return d;
    }

    Map<DropReason, Long> unattributed() {
        return Map.copyOf(unattributed);
    }

    /**
     * A datagram that arrived at {@code at}. By Your Discriminator when it is nonzero (RFC 5880
     * §6.3), and then the source must still be the session's peer on that socket; else by the
     * source address and the socket (RFC 5881 §3). Drops are counted on the session they name, or
     * on the service when they name none.
     */
    void received(LocalBinding at, DatagramPacket dp) {
        ByteBuf content = dp.content();
        InetAddress from = unscoped(dp.sender().getAddress());
        if (content.readableBytes() == 0 && ttlFiltered) {
            attribute(from, at, DropReason.TTL); // TtlFilter cut it to its UDP header
            return;
        }
        switch (ControlPacketDecoder.decode(content)) {
            case DecodeResult.Malformed m -> attribute(from, at, m.reason());
            case DecodeResult.Decoded d -> {
                ControlPacket p = d.packet();
                Session s;
                if (p.yourDiscriminator() != 0) {
                    s = byDiscriminator.get(p.yourDiscriminator());
                    if (s != null && (!s.key().peer().equals(from) || !LocalBinding.of(s.key()).equals(at))) {
                        s.drop(DropReason.SOURCE_MISMATCH);
                        return;
                    }
                } else {
                    s = byAddress(from, at);
                }
                if (s == null) count(DropReason.NO_SESSION);
                else s.receive(p, content);
            }
        }
    }

    private void attribute(InetAddress from, LocalBinding at, DropReason reason) {
        Session s = byAddress(from, at);
        if (s != null) s.drop(reason);
        else count(reason);
    }

    private void count(DropReason reason) {
        unattributed.merge(reason, 1L, Long::sum);
    }

    private Session byAddress(InetAddress from, LocalBinding at) {
        try {
            return byKey.get(new SessionKey(from, at.address(), at.iface()));
        } catch (IllegalArgumentException e) {
            return null; // a source no session could have (e.g. link-local to a socket without an interface)
        }
    }

    private static InetAddress unscoped(InetAddress a) {
        if (a instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            try {
                return InetAddress.getByAddress(v6.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always an address
            }
        }
        return a;
    }
}
