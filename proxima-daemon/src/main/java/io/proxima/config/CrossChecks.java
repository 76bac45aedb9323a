package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that span sections: what no single peer, service or check can get wrong alone.
 * Each runs on whatever could be read, so one run reports these beside the errors within
 * sections.
 */
final class CrossChecks {

    private CrossChecks() {}

    static void run(Values v, List<PeerReader.ReadPeer> peers, boolean allPeersRead,
                    List<ServiceReader.ReadService> services, boolean listens) {
        Map<IpAddress, PeerReader.ReadPeer> byAddress = peers(v, peers, listens);
        prefixOwners(v, services);
        dependencies(v, services);
        checkNames(v, services);
        for (ServiceReader.ReadService s : services) {
            List<PeerReader.ReadPeer> selected = new ArrayList<>();
            for (Located<IpAddress> p : s.peers()) {
                PeerReader.ReadPeer peer = byAddress.get(p.value());
                if (peer != null) {
                    if (selected.contains(peer)) v.error(p.node(), "peer " + p.value() + " is listed twice");
                    else selected.add(peer);
                } else if (allPeersRead) {
                    v.error(p.node(), "service '" + s.name() + "' names peer " + p.value() + ", which is not a configured peer");
                }
            }
            nextHops(v, s, s.peers().isEmpty() ? List.copyOf(byAddress.values()) : selected);
        }
    }

    /** Duplicate peers, and passive peers nothing would accept. */
    private static Map<IpAddress, PeerReader.ReadPeer> peers(Values v, List<PeerReader.ReadPeer> peers, boolean listens) {
        Map<IpAddress, PeerReader.ReadPeer> byAddress = new LinkedHashMap<>();
        for (PeerReader.ReadPeer p : peers) {
            PeerReader.ReadPeer first = byAddress.putIfAbsent(p.address(), p);
            if (first != null) v.error(p.node(), "peer " + p.address() + " is already configured at line " + line(first.node()));
            if (p.passive() && !listens) {
                v.error(p.node(), "peer " + p.address() + " is passive, but listen is empty: nothing would accept its connection");
            }
        }
        return byAddress;
    }

    /** A prefix belongs to one service: two would fight over one route. */
    private static void prefixOwners(Values v, List<ServiceReader.ReadService> services) {
        Map<Prefix, String> owner = new HashMap<>();
        Map<Prefix, Located<Prefix>> where = new HashMap<>();
        for (ServiceReader.ReadService s : services) {
            for (Located<Prefix> p : s.prefixes()) {
                String first = owner.putIfAbsent(p.value(), s.name());
                if (first == null) {
                    where.put(p.value(), p);
                } else if (!first.equals(s.name())) {
                    v.error(p.node(), "prefix " + p.value() + " is owned by two services: '" + first + "' (line "
                            + line(where.get(p.value()).node()) + ") and '" + s.name() + "'");
                }
            }
        }
    }

    /** depends-on names services that exist, never the service itself, and makes no cycle. */
    private static void dependencies(Values v, List<ServiceReader.ReadService> services) {
        Map<String, ServiceReader.ReadService> byName = new LinkedHashMap<>();
        for (ServiceReader.ReadService s : services) byName.putIfAbsent(s.name(), s);
        for (ServiceReader.ReadService s : services) {
            for (Located<String> d : s.dependsOn()) {
                if (d.value().equals(s.name())) v.error(d.node(), "service '" + s.name() + "' depends on itself");
                else if (!byName.containsKey(d.value())) {
                    v.error(d.node(), "depends-on names unknown service '" + d.value() + "'" + Spelling.hint(d.value(), byName.keySet()));
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : byName.keySet()) cycles(v, byName, start, new ArrayList<>(), done);
    }

    /** Depth-first; reports each cycle once, at the depends-on entry that closes it. */
    private static void cycles(Values v, Map<String, ServiceReader.ReadService> byName, String at, List<String> path,
                               Set<String> done) {
        if (done.contains(at)) return;
        path.add(at);
        for (Located<String> d : byName.get(at).dependsOn()) {
            String next = d.value();
            if (next.equals(at) || !byName.containsKey(next)) continue;
            int i = path.indexOf(next);
            if (i >= 0) {
                List<String> cycle = new ArrayList<>(path.subList(i, path.size()));
                cycle.add(next);
                v.error(d.node(), "dependency cycle: " + String.join(" → ", cycle));
            } else {
                cycles(v, byName, next, path, done);
            }
        }
        path.removeLast();
        done.add(at);
    }

    /** Check names are unique across the config: events, metrics and the API name checks by them. */
    private static void checkNames(Values v, List<ServiceReader.ReadService> services) {
        Map<String, CheckReader.ReadCheck> seen = new HashMap<>();
        for (ServiceReader.ReadService s : services) {
            for (CheckReader.ReadCheck c : s.checks()) {
                CheckReader.ReadCheck first = seen.putIfAbsent(c.name(), c);
                if (first != null) v.error(c.node(), "check name '" + c.name() + "' is already used at line " + line(first.node()));
            }
        }
    }

    /**
     * An IPv6 route over an IPv4 session needs an IPv6 next hop to send, and the reverse: the
     * session's own address is of the other family (RFC 4760 §3, RFC 8950 for IPv4 over IPv6).
     */
    private static void nextHops(Values v, ServiceReader.ReadService s, List<PeerReader.ReadPeer> peers) {
        for (Located<Prefix> p : s.prefixes()) {
            for (PeerReader.ReadPeer peer : peers) {
                boolean v6Route = p.value().isV6();
                if (v6Route && !peer.address().v6() && !peer.hasNextHopV6()) {
                    v.error(p.node(), "IPv6 prefix " + p.value() + " goes to IPv4 peer " + peer.address()
                            + ", which has no next-hop-v6 to send with it");
                } else if (!v6Route && peer.address().v6() && !peer.hasNextHopV4()) {
                    v.error(p.node(), "IPv4 prefix " + p.value() + " goes to IPv6 peer " + peer.address()
                            + ", which has no next-hop-v4 to send with it");
                }
            }
        }
    }

    static int line(org.yaml.snakeyaml.nodes.Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
