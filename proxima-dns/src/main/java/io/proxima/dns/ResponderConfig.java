package io.proxima.dns;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link DnsResponder} serves, and where. The {@code dns-responder} section of the daemon's
 * config maps onto this record; the compact constructor checks what the config loader cannot
 * (names against the zone), with messages that name the field.
 *
 * @param listen addresses to bind, UDP and TCP on each; port {@value #DEFAULT_PORT} is the normal
 *     one, port 0 an ephemeral one (tests), reported by {@link DnsResponder#boundAddresses()}
 * @param nodeName this instance's name: the answer to {@code id.server} and {@code hostname.bind}
 * @param zone the zone answered authoritatively
 * @param handoff the name that answers this node's own unicast address, if any
 * @param rateLimit responses per second per client prefix over UDP, if limited
 * @param nsid the NSID payload (RFC 5001); {@link #of} sets it to the node name
 */
public record ResponderConfig(List<InetSocketAddress> listen, String nodeName, Zone zone,
                              Optional<Handoff> handoff, Optional<RateLimit> rateLimit, String nsid) {

    public static final int DEFAULT_PORT = 53;
    /** The node name goes out as one TXT character-string (RFC 1035 section 3.3). */
    public static final int MAX_NODE_NAME_OCTETS = 255;
    /** An NSID payload has no limit of its own; this one keeps the OPT record small in every reply. */
    public static final int MAX_NSID_OCTETS = 255;

    public ResponderConfig {
        listen = List.copyOf(listen);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (listen.isEmpty()) throw new IllegalArgumentException("listen: give at least one address");
        Set<InetSocketAddress> seen = new HashSet<>();
        for (InetSocketAddress a : listen) {
            if (a.isUnresolved()) throw new IllegalArgumentException("listen: " + a + " is not an IP address");
            if (a.getAddress().isAnyLocalAddress()) {
                throw new IllegalArgumentException("listen: " + a.getAddress().getHostAddress() + " is a wildcard; bind the service addresses"
                        + " themselves, since a wildcard UDP socket replies from whatever source address the routing picks, not the anycast address asked");
            }
            if (a.getPort() != 0 && !seen.add(a)) throw new IllegalArgumentException("listen: " + a + " is given twice");
        }
        checkText("node-name", nodeName, MAX_NODE_NAME_OCTETS);
        checkText("nsid", nsid, MAX_NSID_OCTETS);
        handoff.ifPresent(h -> {
            if (!zone.contains(h.name())) {
                throw new IllegalArgumentException("handoff: " + h.name() + " is outside the zone " + zone.origin());
            }
            if (zone.rrsets().containsKey(h.name())) {
                throw new IllegalArgumentException("handoff: " + h.name() + " already has records in the zone; the hand-off name answers on its own");
            }
        });
    }

    /** A config without hand-off or rate limit, whose NSID is the node name. */
    public static ResponderConfig of(List<InetSocketAddress> listen, String nodeName, Zone zone) {
        return new ResponderConfig(listen, nodeName, zone, Optional.empty(), Optional.empty(), nodeName);
    }

    public ResponderConfig withListen(List<InetSocketAddress> addresses) {
        return new ResponderConfig(addresses, nodeName, zone, handoff, rateLimit, nsid);
    }

    public ResponderConfig withHandoff(Handoff h) {
        return new ResponderConfig(listen, nodeName, zone, Optional.of(h), rateLimit, nsid);
    }

    public ResponderConfig withRateLimit(RateLimit r) {
        return new ResponderConfig(listen, nodeName, zone, handoff, Optional.of(r), nsid);
    }

    public ResponderConfig withNsid(String value) {
        return new ResponderConfig(listen, nodeName, zone, handoff, rateLimit, value);
    }

    /**
     * Reads a listen address: {@code 198.51.100.75}, {@code 198.51.100.75:5300},
     * {@code 2001:db8::53}, {@code [2001:db8::53]:5300}; port {@value #DEFAULT_PORT} unless given.
     * Literals only: nothing is looked up in DNS.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static InetSocketAddress listenAddress(String text) {
        String host = text.strip();
        int port = DEFAULT_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("'" + text + "': missing ']'");
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) throw new IllegalArgumentException("'" + text + "': expected ':PORT' after ']'");
                port = port(rest.substring(1), text);
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            port = port(host.substring(host.indexOf(':') + 1), text);
            host = host.substring(0, host.indexOf(':'));
        }
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address (write IPv6 with a port as [2001:db8::53]:5300)");
        }
        return new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(host), port);
    }

    private static int port(String s, String text) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("'" + text + "': port '" + s + "' is not 0..65535");
    }

    private static void checkText(String field, String value, int maxOctets) {
        Objects.requireNonNull(value, field);
        int octets = value.getBytes(StandardCharsets.UTF_8).length;
        if (octets == 0) throw new IllegalArgumentException(field + ": must not be empty");
        if (octets > maxOctets) throw new IllegalArgumentException(field + ": " + octets + " octets, at most " + maxOctets);
    }

    /**
     * The unicast hand-off (docs/stateful-services.md): {@code name} answers {@code address}, this
     * node's own unicast address, as A or AAAA by its family, with a short TTL.
     *
     * @param ttl seconds; short, because the answer is only right for clients that this node's
     *     anycast address reaches, and a resolver shares it with every client behind it
     */
    public record Handoff(String name, InetAddress address, long ttl) {
        public static final long DEFAULT_TTL = 10;

        public Handoff {
            Objects.requireNonNull(address, "address");
            try {
                name = DomainName.canonical(Objects.requireNonNull(name, "name"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("handoff: " + e.getMessage());
            }
            if (ttl < 0 || ttl > ZoneRecord.MAX_TTL) throw new IllegalArgumentException("handoff: TTL " + ttl + " is outside 0.." + ZoneRecord.MAX_TTL);
        }

        public Handoff(String name, InetAddress address) {
            this(name, address, DEFAULT_TTL);
        }
    }

    /**
     * Response rate limiting over UDP: a token bucket per client /{@value #IPV4_PREFIX} (IPv4) or
     * /{@value #IPV6_PREFIX} (IPv6), the prefixes one customer or one spoofed-source flood
     * typically spans. TCP is not limited: its handshake proves the source address.
     *
     * @param responsesPerSecond the refill rate
     * @param burst how many responses a quiet prefix may get at once
     */
    public record RateLimit(int responsesPerSecond, int burst) {
        public static final int IPV4_PREFIX = 24;
        public static final int IPV6_PREFIX = 56;

        public RateLimit {
            if (responsesPerSecond < 1) throw new IllegalArgumentException("rate-limit: responses per second must be at least 1");
            if (burst < 1) throw new IllegalArgumentException("rate-limit: burst must be at least 1");
        }

        /** A burst of one second's worth. */
        public RateLimit(int responsesPerSecond) {
            this(responsesPerSecond, responsesPerSecond);
        }
    }
}
