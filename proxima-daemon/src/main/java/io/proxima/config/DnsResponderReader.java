package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.dns.ResponderConfig;
import io.proxima.dns.Zone;
import io.proxima.dns.ZoneException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code dns-responder} section: the built-in DNS responder that {@code proxima run}
 * starts on the service addresses (docs/dns-responder.md). Each zone record is a list item, so a
 * bad record is reported at its own line.
 */
final class DnsResponderReader {

    private DnsResponderReader() {}

    static Optional<ResponderConfig> read(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "dnsResponder", "dns-responder");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        int before = v.problems().count();

        List<InetSocketAddress> listen = new ArrayList<>();
        Map<InetSocketAddress, Node> seen = new HashMap<>();
        s.required("listen", "missing listen: the service addresses to answer on (port 53 unless given)");
        for (Node l : s.list("listen")) {
            ConfigReader.socket(v, l, "listen", ResponderConfig.DEFAULT_PORT).ifPresent(a -> {
                if (a.getAddress().isAnyLocalAddress()) {
                    v.error(l, "listen " + a.getAddress().getHostAddress() + " is a wildcard; give the service addresses themselves: a wildcard"
                            + " UDP socket answers from whatever source address the routing picks, not the anycast address asked");
                } else if (seen.putIfAbsent(a, l) != null) {
                    v.error(l, "listen " + a.getAddress().getHostAddress() + " port " + a.getPort() + " is listed twice");
                } else {
                    listen.add(a);
                }
            });
        }
        Optional<String> nodeName = s.required("node-name", "missing node-name: what id.server, hostname.bind and NSID answer")
                .flatMap(x -> text(v, x, "node-name", ResponderConfig.MAX_NODE_NAME_OCTETS));
        Optional<String> nsid = s.get("nsid").flatMap(x -> text(v, x, "nsid", ResponderConfig.MAX_NSID_OCTETS));
        Optional<Zone> zone = s.required("zone", "missing zone: the zone to answer (origin and records)").flatMap(z -> zone(v, z));
        Optional<ResponderConfig.Handoff> handoff = s.get("handoff").flatMap(h -> handoff(v, h, zone));
        Optional<ResponderConfig.RateLimit> rateLimit = s.get("rate-limit").flatMap(r -> rateLimit(v, r));
        if (v.problems().count() > before || nodeName.isEmpty() || zone.isEmpty() || listen.isEmpty()) return Optional.empty();
        try {
            ResponderConfig c = ResponderConfig.of(listen, nodeName.get(), zone.get());
            if (nsid.isPresent()) c = c.withNsid(nsid.get());
            if (handoff.isPresent()) c = c.withHandoff(handoff.get());
            if (rateLimit.isPresent()) c = c.withRateLimit(rateLimit.get());
            return Optional.of(c);
        } catch (IllegalArgumentException e) {
            // what only the whole section can tell, e.g. a hand-off name outside the zone
            v.error(n, "dns-responder: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> text(Values v, Node n, String key, int maxOctets) {
        return v.text(n, key).filter(t -> {
            int octets = t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets == 0) v.error(n, key + " must not be empty");
            else if (octets > maxOctets) v.error(n, key + " is " + octets + " octets; at most " + maxOctets + " fit");
            else return true;
            return false;
        });
    }

    private static Optional<Zone> zone(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "zone", "zone");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        Optional<Node> originNode = s.required("origin", "missing origin: the zone's name, e.g. example.net.");
        Optional<String> origin = originNode.flatMap(o -> v.word(o, "origin"));
        Optional<List<Node>> recordNodes = s.required("records", "missing records: at least the zone's SOA")
                .flatMap(r -> v.nonEmptyList(r, "records"));
        if (origin.isEmpty() || recordNodes.isEmpty()) return Optional.empty();
        List<String> lines = new ArrayList<>();
        for (Node r : recordNodes.get()) {
            Optional<String> line = v.text(r, "records");
            if (line.isEmpty()) return Optional.empty();
            lines.add(line.get());
        }
        try {
            return Optional.of(Zone.parse(origin.get(), lines));
        } catch (ZoneException e) {
            Node at = e.index() == ZoneException.WHOLE_ZONE ? originNode.orElseThrow() : recordNodes.get().get(e.index());
            v.error(at, "zone: " + e.reason());
            return Optional.empty();
        }
    }

    private static Optional<ResponderConfig.Handoff> handoff(Values v, Node n, Optional<Zone> zone) {
        Optional<Section> open = Section.open(v, n, "handoff", "handoff");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        Optional<String> name = s.required("name", "missing name: the name that answers this node's own unicast address")
                .flatMap(x -> v.word(x, "name"));
        Optional<IpAddress> address = s.required("address", "missing address: this node's own unicast address")
                .flatMap(x -> v.ip(x, "address"));
        Optional<Duration> ttl = s.duration("ttl", Duration.ZERO, Limits.MAX_HANDOFF_TTL).filter(d -> {
            if (d.toMillis() % 1000 == 0) return true;
            v.error(s.get("ttl").orElseThrow(), "ttl is whole seconds (a DNS TTL), got " + Values.format(d));
            return false;
        });
        if (name.isPresent() && zone.isPresent() && !zone.get().contains(name.get().endsWith(".") ? name.get() : name.get() + ".")) {
            v.error(s.get("name").orElseThrow(), "handoff " + name.get() + " is outside the zone " + zone.get().origin());
            return Optional.empty();
        }
        if (name.isEmpty() || address.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new ResponderConfig.Handoff(name.get(), address.get().toInetAddress(),
                    ttl.map(Duration::toSeconds).orElse(ResponderConfig.Handoff.DEFAULT_TTL)));
        } catch (IllegalArgumentException e) {
            v.error(s.get("name").orElseThrow(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ResponderConfig.RateLimit> rateLimit(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "rateLimit", "rate-limit");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        Optional<Integer> rate = s.required("responses-per-second", "missing responses-per-second: the refill rate per client prefix")
                .flatMap(x -> v.int32(x, "responses-per-second", 1, Limits.MAX_DNS_RATE));
        Optional<Integer> burst = s.get("burst").flatMap(x -> v.int32(x, "burst", 1, Limits.MAX_DNS_RATE));
        return rate.map(r -> new ResponderConfig.RateLimit(r, burst.orElse(r)));
    }
}
