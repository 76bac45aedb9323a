package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code peers}. */
final class PeerReader {

    private PeerReader() {}

    /**
     * A peer as read: its address (always, so that later checks can name it), and its spec when
     * every key was valid.
     */
    record ReadPeer(IpAddress address, Node node, boolean passive, boolean hasNextHopV4, boolean hasNextHopV6,
                    Optional<PeerSpec> spec) { }

    static Optional<ReadPeer> read(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "peer", "peer");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        int before = v.problems().count();

        Optional<IpAddress> address = s.required("address").flatMap(a -> v.ip(a, "address")).filter(a -> {
            String why = notPeerable(a);
            if (why != null) v.error(s.get("address").orElseThrow(), "peer address " + a + " " + why);
            return why == null;
        });
        Optional<Long> remoteAs = s.required("remote-as", "peer has no remote-as")
                .flatMap(r -> asNumber(v, r, "remote-as"));
        int port = s.int32("port", Limits.MIN_PORT, Limits.MAX_PORT).orElse(Defaults.BGP_PORT);
        Optional<IpAddress> local = s.get("local-address").flatMap(a -> v.ip(a, "local-address"));
        if (local.isPresent() && address.isPresent() && local.get().v6() != address.get().v6()) {
            v.error(s.get("local-address").orElseThrow(), "local-address " + local.get() + " is " + family(local.get())
                    + " but the peer address " + address.get() + " is " + family(address.get()));
        }
        boolean passive = s.bool("passive").orElse(false);
        Duration holdTime = s.get("hold-time").flatMap(h -> holdTime(v, h)).orElse(Defaults.HOLD_TIME);
        Optional<Path> passwordFile = s.get("password-file").flatMap(p -> v.secretFile(p, "password-file"))
                .filter(p -> keyFits(v, s.get("password-file").orElseThrow(), p));
        int multihop = s.int32("multihop", 1, Limits.MAX_MULTIHOP).orElse(Defaults.MULTIHOP);
        boolean gtsm = s.bool("gtsm").orElse(false);
        if (gtsm && s.has("multihop")) {
            v.error(s.keyNode("gtsm"), "gtsm and multihop exclude each other: GTSM (RFC 5082) is for a directly connected peer");
        }
        Optional<IpAddress> nextHopV4 = nextHop(v, s, "next-hop-v4", false);
        Optional<IpAddress> nextHopV6 = nextHop(v, s, "next-hop-v6", true);
        int gracefulRestart = s.get("graceful-restart").flatMap(g -> gracefulRestart(v, g)).orElse(Defaults.GRACEFUL_RESTART_OFF);
        Optional<PeerSpec.BfdSpec> bfd = s.get("bfd").flatMap(b -> bfd(v, b));

        if (address.isEmpty()) return Optional.empty();
        Optional<PeerSpec> spec = v.problems().count() > before || remoteAs.isEmpty() ? Optional.empty()
                : Optional.of(new PeerSpec(address.get(), remoteAs.get(), port, local, passive, holdTime, multihop, gtsm,
                        passwordFile, nextHopV4, nextHopV6, gracefulRestart, bfd));
        return Optional.of(new ReadPeer(address.get(), s.get("address").orElseThrow(), passive,
                s.has("next-hop-v4"), s.has("next-hop-v6"), spec));
    }

    /** An AS number we can peer with or be. */
    static Optional<Long> asNumber(Values v, Node n, String key) {
        return v.integer(n, key, Limits.MIN_AS, Limits.MAX_AS).filter(as -> {
            String why = as == Limits.AS_TRANS ? "is AS_TRANS (RFC 6793), which stands in for a 4-octet AS and is no one's AS"
                    : as == Limits.LAST_AS16 || as == Limits.LAST_AS32 ? "is reserved (RFC 7300)" : null;
            if (why != null) v.error(n, key + " " + as + " " + why);
            return why == null;
        });
    }

    static String family(IpAddress a) {
        return a.v6() ? "IPv6" : "IPv4";
    }

    /** Why no BGP session can run to this address, or null. */
    private static String notPeerable(IpAddress a) {
        if (a.isUnspecified()) return "is the unspecified address";
        if (a.v6() ? (a.hi() >>> 56) == 0xFF : (a.lo() >>> 28) == 0xE) return "is a multicast address";
        if (a.v6() && a.isLinkLocal()) return "is link-local, which needs an interface; use a global address";
        return null;
    }

    private static Optional<Duration> holdTime(Values v, Node n) {
        return v.duration(n, "hold-time").filter(d -> {
            String why = null;
            if (d.toMillis() % 1000 != 0) why = "hold-time is whole seconds, got " + Values.format(d);
            else if (!d.isZero() && d.compareTo(Limits.MIN_HOLD_TIME) < 0) {
                why = "hold-time must be 0 or at least " + Values.format(Limits.MIN_HOLD_TIME) + " (RFC 4271 §4.2), got " + Values.format(d);
            } else if (d.compareTo(Limits.MAX_HOLD_TIME) > 0) {
                why = "hold-time must be at most " + Limits.MAX_HOLD_TIME.toSeconds() + "s, got " + Values.format(d);
            }
            if (why != null) v.error(n, why);
            return why == null;
        });
    }

    private static boolean keyFits(Values v, Node n, Path p) {
        try {
            // One trailing newline is not part of the key.
            if (Files.size(p) <= Limits.MAX_TCP_MD5_KEY + 1) return true;
        } catch (java.io.IOException e) {
            v.error(n, "password-file " + p + " cannot be read: " + e.getMessage());
            return false;
        }
        v.error(n, "password-file " + p + " holds more than " + Limits.MAX_TCP_MD5_KEY + " bytes, the longest TCP MD5 key");
        return false;
    }

    private static Optional<IpAddress> nextHop(Values v, Section s, String key, boolean v6) {
        return s.get(key).flatMap(n -> v.ip(n, key).filter(a -> {
            String why = a.v6() != v6 ? "must be an " + (v6 ? "IPv6" : "IPv4") + " address"
                    : a.isUnspecified() || notPeerable(a) != null ? "cannot be a next hop"
                    : !v6 && (a.lo() >>> 24) == 127 || v6 && a.hi() == 0 && a.lo() == 1 ? "is a loopback address" : null;
            if (why != null) v.error(n, key + " " + a + " " + why);
            return why == null;
        }));
    }

    private static Optional<Integer> gracefulRestart(Values v, Node n) {
        return v.duration(n, "graceful-restart").filter(d -> {
            boolean ok = d.toMillis() % 1000 == 0 && d.toSeconds() <= Limits.MAX_GRACEFUL_RESTART;
            if (!ok) v.error(n, "graceful-restart is whole seconds up to " + Limits.MAX_GRACEFUL_RESTART + "s (RFC 4724 §3), got " + Values.format(d));
            return ok;
        }).map(d -> (int) d.toSeconds());
    }

    private static Optional<PeerSpec.BfdSpec> bfd(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "bfd", "bfd");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        int before = v.problems().count();
        Duration interval = s.duration("interval", Limits.MIN_BFD_INTERVAL, Limits.MAX_BFD_INTERVAL).orElse(Defaults.BFD_INTERVAL);
        int multiplier = s.int32("multiplier", 1, Limits.MAX_BFD_MULTIPLIER).orElse(Defaults.BFD_MULTIPLIER);
        return v.problems().count() > before ? Optional.empty() : Optional.of(new PeerSpec.BfdSpec(interval, multiplier));
    }
}
