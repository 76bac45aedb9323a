package io.proxima.cli;

import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Keepalive;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Open;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Aggregator;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.AtomicAggregate;
import io.proxima.bgp.wire.attr.AttributeTable;
import io.proxima.bgp.wire.attr.ClusterList;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.ExtendedCommunities;
import io.proxima.bgp.wire.attr.LargeCommunities;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.OnlyToCustomer;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.OriginatorId;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import io.proxima.bgp.wire.cap.AddPath;
import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.cap.EnhancedRouteRefresh;
import io.proxima.bgp.wire.cap.ExtendedMessage;
import io.proxima.bgp.wire.cap.ExtendedNextHop;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.Fqdn;
import io.proxima.bgp.wire.cap.GracefulRestart;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.cap.RouteRefreshCapability;
import io.proxima.bgp.wire.cap.UnknownCapability;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as a tree of maps, lists and scalars: rendered as indented text or as JSON, so both
 * views always say the same thing. The JSON field names are stable (docs/cli.md).
 */
final class MessageView {

    private MessageView() {
    }

    static Map<String, Object> of(BgpMessage m) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (m) {
            case Open o -> {
                v.put("type", "OPEN");
                v.put("version", o.version());
                v.put("my_as", o.myAs());
                v.put("hold_time", o.holdTime());
                v.put("bgp_identifier", o.bgpIdentifier().toString());
                List<Object> caps = new ArrayList<>();
                for (Capability c : o.capabilities()) caps.add(capability(c));
                v.put("capabilities", caps);
            }
            case Update u -> {
                v.put("type", "UPDATE");
                u.endOfRibFamily().ifPresent(f -> v.put("end_of_rib", f.toString()));
                v.put("withdrawn", nlri(u.withdrawn()));
                List<Object> attrs = new ArrayList<>();
                for (PathAttribute a : u.attributes()) attrs.add(attribute(a));
                v.put("attributes", attrs);
                v.put("nlri", nlri(u.nlri()));
            }
            case Notification n -> {
                v.put("type", "NOTIFICATION");
                v.put("code", n.code());
                v.put("subcode", n.subcode());
                v.put("meaning", ErrorCode.describe(n.code(), n.subcode()));
                n.shutdownCommunication().ifPresent(s -> v.put("shutdown_communication", s));
                v.put("data", n.data().hex());
            }
            case Keepalive k -> v.put("type", "KEEPALIVE");
            case RouteRefresh r -> {
                v.put("type", "ROUTE-REFRESH");
                v.put("family", r.family().toString());
                v.put("subtype", r.subtypeName());
            }
        }
        return v;
    }

    static Map<String, Object> error(MessageError e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", e.code());
        v.put("subcode", e.subcode());
        v.put("meaning", ErrorCode.describe(e.code(), e.subcode()));
        v.put("disposition", e.disposition().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        v.put("reason", e.reason());
        v.put("data", e.data().hex());
        v.put("errors", e.errors());
        if (!e.treatAsWithdraw().isEmpty()) v.put("treat_as_withdraw", nlri(e.treatAsWithdraw()));
        if (e.update() != null) v.put("salvaged", of(e.update()));
        return v;
    }

    private static List<String> nlri(List<Nlri> list) {
        List<String> out = new ArrayList<>(list.size());
        for (Nlri n : list) out.add(n.toString());
        return out;
    }

    private static Map<String, Object> capability(Capability c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", c.code());
        switch (c) {
            case Multiprotocol mp -> { v.put("name", "multiprotocol"); v.put("family", mp.family().toString()); }
            case RouteRefreshCapability r -> v.put("name", "route-refresh");
            case ExtendedNextHop e -> {
                v.put("name", "extended-next-hop");
                List<String> l = new ArrayList<>();
                for (ExtendedNextHop.Entry x : e.entries()) l.add(x.nlri() + " via afi" + x.nextHopAfi());
                v.put("entries", l);
            }
            case ExtendedMessage e -> v.put("name", "extended-message");
            case GracefulRestart g -> {
                v.put("name", "graceful-restart");
                v.put("restart_flags", g.restartFlags());
                v.put("restart_time", g.restartTime());
                List<String> l = new ArrayList<>();
                for (GracefulRestart.Entry x : g.entries()) l.add(x.family() + " flags " + x.flags());
                v.put("families", l);
            }
            case FourOctetAs f -> { v.put("name", "four-octet-as"); v.put("asn", f.asn()); }
            case AddPath a -> {
                v.put("name", "add-path");
                List<String> l = new ArrayList<>();
                for (AddPath.Entry x : a.entries()) l.add(x.family() + (x.sendReceive() == 1 ? " receive" : x.sendReceive() == 2 ? " send" : x.sendReceive() == 3 ? " send/receive" : " " + x.sendReceive()));
                v.put("families", l);
            }
            case EnhancedRouteRefresh e -> v.put("name", "enhanced-route-refresh");
            case Fqdn f -> { v.put("name", "fqdn"); v.put("hostname", f.hostname()); v.put("domain", f.domain()); }
            case UnknownCapability u -> { v.put("name", "unknown"); v.put("value", u.value().hex()); }
        }
        return v;
    }

    private static Map<String, Object> attribute(PathAttribute a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", a.typeCode());
        v.put("name", AttributeTable.name(a.typeCode()));
        v.put("flags", String.format("0x%02x", a.flags()));
        switch (a) {
            case Origin o -> v.put("value", o.name());
            case AsPath p -> v.put("value", Segment.format(p.segments()));
            case As4Path p -> v.put("value", Segment.format(p.segments()));
            case NextHop n -> v.put("value", n.address().toString());
            case MultiExitDisc m -> v.put("value", m.value());
            case LocalPref l -> v.put("value", l.value());
            case AtomicAggregate x -> { }
            case Aggregator g -> v.put("value", g.asn() + " " + g.address());
            case As4Aggregator g -> v.put("value", g.asn() + " " + g.address());
            case Communities c -> {
                List<String> l = new ArrayList<>();
                for (long x : c.values()) l.add(Communities.format(x));
                v.put("value", l);
            }
            case OriginatorId o -> v.put("value", o.id().toString());
            case ClusterList c -> v.put("value", c.ids().stream().map(Object::toString).toList());
            case MpReachNlri mp -> {
                v.put("family", mp.family().toString());
                v.put("next_hop", mp.nextHop().length() == 4 || mp.nextHop().length() >= 16 ? mp.nextHopAddress().toString() : mp.nextHop().hex());
                mp.linkLocalNextHop().ifPresent(l -> v.put("link_local_next_hop", l.toString()));
                v.put("nlri", nlri(mp.nlri()));
                if (mp.unparsedNlri().length() > 0) v.put("nlri_octets", mp.unparsedNlri().hex());
            }
            case MpUnreachNlri mp -> {
                v.put("family", mp.family().toString());
                v.put("withdrawn", nlri(mp.withdrawn()));
                if (mp.unparsedNlri().length() > 0) v.put("nlri_octets", mp.unparsedNlri().hex());
            }
            case ExtendedCommunities e -> v.put("value", e.values().stream().map(x -> String.format("%016x", x)).toList());
            case LargeCommunities l -> v.put("value", l.values().stream().map(Object::toString).toList());
            case OnlyToCustomer o -> v.put("value", o.value());
            case UnknownAttribute u -> v.put("value", u.value().hex());
        }
        return v;
    }

    /** Renders the tree as indented "key: value" lines. */
    static void text(Object node, StringBuilder out, String indent) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object val = e.getValue();
                if (val instanceof Map<?, ?> || (val instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof String))) {
                    out.append(indent).append(e.getKey()).append(":\n");
                    text(val, out, indent + "  ");
                } else {
                    out.append(indent).append(e.getKey()).append(": ").append(scalar(val)).append('\n');
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.append(indent).append("-\n");
                    text(m, out, indent + "  ");
                } else {
                    out.append(indent).append("- ").append(scalar(item)).append('\n');
                }
            }
        }
    }

    private static String scalar(Object v) {
        if (v instanceof List<?> l) return l.isEmpty() ? "[]" : String.join(" ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }
}
