package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.dns.ResponderConfig;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the top level of the config and puts the sections together. */
final class ConfigReader {

    private ConfigReader() {}

    /** The config, or empty when any error was reported to {@code values}' problems. */
    static Optional<ProximaConfig> read(Values v, Node root, Path source) {
        Optional<Section> open = Section.openRoot(v, root);
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();

        Optional<IpAddress> routerId = s.required("router-id", "missing router-id: this node's BGP identifier, an IPv4 address")
                .flatMap(n -> v.ip(n, "router-id").filter(a -> {
                    boolean ok = !a.v6() && !a.isUnspecified();
                    if (!ok) v.error(n, "router-id must be a non-zero IPv4 address (RFC 6286), got " + a);
                    return ok;
                }));
        Optional<Long> localAs = s.required("local-as", "missing local-as: the AS this node announces from")
                .flatMap(n -> PeerReader.asNumber(v, n, "local-as"));
        List<InetSocketAddress> listen = listen(v, s);

        List<PeerReader.ReadPeer> peers = new ArrayList<>();
        boolean allPeersRead = true;
        Optional<List<Node>> peerNodes = s.required("peers", "missing peers: a config needs at least one router to announce to")
                .flatMap(n -> v.nonEmptyList(n, "peers"));
        for (Node n : peerNodes.orElse(List.of())) {
            Optional<PeerReader.ReadPeer> p = PeerReader.read(v, n);
            p.ifPresent(peers::add);
            allPeersRead &= p.isPresent();
        }

        List<ServiceReader.ReadService> services = new ArrayList<>();
        s.required("services", "missing services: a config needs at least one service")
                .flatMap(n -> Section.openAnyKeys(v, n, "services")).ifPresent(ss -> {
                    if (ss.keys().isEmpty()) v.error(ss.node(), "services is empty: a config needs at least one service");
                    for (String name : ss.keys()) services.add(ServiceReader.read(v, ss.keyNode(name), name, ss.get(name).orElseThrow()));
                });

        AddressesConfig addresses = s.get("addresses").flatMap(n -> addresses(v, n)).orElse(Defaults.ADDRESSES);
        ApiConfig api = s.get("api").flatMap(n -> api(v, n)).orElse(Defaults.API);
        Path stateDir = s.get("state-dir").flatMap(n -> v.path(n, "state-dir").filter(p -> {
            if (!Files.exists(p) || Files.isDirectory(p)) return true;
            v.error(n, "state-dir " + p + " exists and is not a directory");
            return false;
        })).orElse(Defaults.STATE_DIR);
        EventLogConfig eventLog = s.get("event-log").flatMap(n -> eventLog(v, n)).orElse(Defaults.EVENT_LOG);
        Duration lease = s.duration("lease", Limits.MIN_LEASE, Limits.MAX_LEASE).orElse(Defaults.LEASE);
        Duration shutdownTimeout = s.duration("shutdown-timeout", Limits.MIN_SHUTDOWN_TIMEOUT, Limits.MAX_SHUTDOWN_TIMEOUT)
                .orElse(Defaults.SHUTDOWN_TIMEOUT);

        Optional<ResponderConfig> dnsResponder = s.get("dns-responder").flatMap(n -> DnsResponderReader.read(v, n));

        // A listen entry with an error still says the user meant to accept connections.
        boolean listens = !listen.isEmpty() || s.get("listen").map(n -> n instanceof SequenceNode q && !q.getValue().isEmpty()).orElse(false);
        CrossChecks.run(v, peers, allPeersRead, services, listens);

        if (v.problems().any()) return Optional.empty();
        return Optional.of(new ProximaConfig(source, routerId.orElseThrow(), localAs.orElseThrow(), listen,
                peers.stream().map(p -> p.spec().orElseThrow()).toList(),
                services.stream().map(sv -> sv.config().orElseThrow()).toList(),
                addresses, api, stateDir, eventLog, lease, shutdownTimeout, dnsResponder));
    }

    private static List<InetSocketAddress> listen(Values v, Section s) {
        List<InetSocketAddress> out = new ArrayList<>();
        Map<InetSocketAddress, Node> seen = new HashMap<>();
        for (Node n : s.list("listen")) {
            socket(v, n, "listen", Defaults.BGP_PORT).ifPresent(a -> {
                Node first = seen.putIfAbsent(a, n);
                if (first != null) v.error(n, "listen " + a.getAddress().getHostAddress() + " port " + a.getPort() + " is listed twice");
                else out.add(a);
            });
        }
        return out;
    }

    /** An IP literal with an optional port: no name is ever looked up. */
    static Optional<InetSocketAddress> socket(Values v, Node n, String key, int defaultPort) {
        return v.hostPort(n, key, OptionalInt.of(defaultPort)).flatMap(hp -> {
            try {
                return Optional.of(new InetSocketAddress(IpAddress.parse(hp.host()).toInetAddress(), hp.port()));
            } catch (IllegalArgumentException e) {
                v.error(n, key + ": expected an IP address (no host names), got '" + hp.host() + "'");
                return Optional.empty();
            }
        });
    }

    private static Optional<AddressesConfig> addresses(Values v, Node n) {
        return Section.open(v, n, "addresses", "addresses").map(s -> {
            String device = s.get("interface").flatMap(i -> v.word(i, "interface").filter(d -> {
                boolean ok = d.length() <= Limits.MAX_INTERFACE_NAME && !d.contains("/") && d.chars().noneMatch(Character::isWhitespace);
                if (!ok) v.error(i, "interface '" + d + "' is not an interface name (at most " + Limits.MAX_INTERFACE_NAME + " characters, no '/' or spaces)");
                return ok;
            })).orElse(Defaults.ADDRESSES.device());
            return new AddressesConfig(device, s.bool("manage").orElse(Defaults.ADDRESSES.manage()));
        });
    }

    private static Optional<ApiConfig> api(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "api", "api");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        int before = v.problems().count();
        InetSocketAddress listen = s.get("listen").flatMap(l -> socket(v, l, "listen", Defaults.API_PORT)).orElse(Defaults.API.listen());
        Optional<Path> token = s.get("token-file").flatMap(t -> v.secretFile(t, "token-file"));
        if (!listen.getAddress().isLoopbackAddress() && !s.has("token-file")) {
            v.error(s.get("listen").orElseThrow(), "api listens on " + listen.getAddress().getHostAddress()
                    + ", which is not loopback: set token-file, so that every request must carry the token");
        }
        return v.problems().count() > before ? Optional.empty() : Optional.of(new ApiConfig(listen, token));
    }

    private static Optional<EventLogConfig> eventLog(Values v, Node n) {
        return Section.open(v, n, "eventLog", "event-log").map(s -> {
            Optional<Path> file = s.get("file").flatMap(f -> v.path(f, "file").filter(p -> {
                Path dir = p.getParent();
                if (Files.isDirectory(p)) v.error(f, "event-log file " + p + " is a directory");
                else if (dir != null && !Files.isDirectory(dir)) v.error(f, "event-log file " + p + ": directory " + dir + " does not exist");
                else return true;
                return false;
            }));
            boolean stdout = s.bool("stdout").orElse(Defaults.eventLogStdout(s.has("file")));
            return new EventLogConfig(file, stdout);
        });
    }
}
