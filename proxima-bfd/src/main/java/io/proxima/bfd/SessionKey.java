package io.proxima.bfd;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Names a single-hop session the way RFC 5881 §3 demultiplexes it before discriminators are known:
 * the peer's address, our address on the shared link, and optionally the interface. A service
 * holds at most one session per key.
 *
 * @param peer          the neighbor (for BGP: the peer address)
 * @param local         our address on the link, the source of our packets
 * @param interfaceName the link, required when the addresses are IPv6 link-local
 */
public record SessionKey(InetAddress peer, InetAddress local, Optional<String> interfaceName) {

    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    static final int MAX_INTERFACE_NAME = 15;

    public SessionKey {
        if ((peer instanceof Inet4Address) != (local instanceof Inet4Address)) {
            throw new IllegalArgumentException("peer " + peer.getHostAddress() + " and local " + local.getHostAddress() + " are of different families");
        }
        if (peer.isAnyLocalAddress() || local.isAnyLocalAddress()) throw new IllegalArgumentException("a session needs concrete addresses, not a wildcard");
        if (peer.isMulticastAddress()) throw new IllegalArgumentException("BFD here is unicast single hop; " + peer.getHostAddress() + " is multicast");
        interfaceName.ifPresent(i -> {
            if (i.isEmpty() || i.length() > MAX_INTERFACE_NAME || i.contains("/") || i.contains(" ")) throw new IllegalArgumentException("interface name '" + i + "'");
        });
        if ((linkLocal(peer) || linkLocal(local)) && interfaceName.isEmpty()) {
            throw new IllegalArgumentException("IPv6 link-local addresses need an interface");
        }
        // Scope ids come from the interface name; the key compares plain addresses.
        peer = unscoped(peer);
        local = unscoped(local);
    }

    public static SessionKey of(InetAddress peer, InetAddress local) {
        return new SessionKey(peer, local, Optional.empty());
    }

    public SessionKey withInterface(String name) {
        return new SessionKey(peer, local, Optional.of(name));
    }

    public boolean ipv6() {
        return peer instanceof Inet6Address;
    }

    static boolean linkLocal(InetAddress a) {
        return a instanceof Inet6Address && a.isLinkLocalAddress();
    }

    private static InetAddress unscoped(InetAddress a) {
        if (a instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            try {
                return InetAddress.getByAddress(v6.getAddress());
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always a valid address
            }
        }
        return a;
    }

    @Override
    public String toString() {
        return peer.getHostAddress() + " from " + local.getHostAddress() + interfaceName.map(i -> " on " + i).orElse("");
    }
}
