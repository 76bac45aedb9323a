package io.proxima.dns;

import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers a question from the zone, the CHAOS identity names and the hand-off name. Every possible
 * {@link Answer} is built when the responder starts; a lookup is two hash probes and allocates
 * nothing, which is what keeps the responder near the speed of NSD and Knot.
 *
 * <ul>
 *   <li>IN, inside the zone: the RRset, AA set; NODATA (NOERROR, no answer) or NXDOMAIN with the SOA
 *       in the authority section, its TTL the lesser of the SOA's TTL and MINIMUM (RFC 2308
 *       sections 2 and 3). An empty non-terminal is NODATA (RFC 8020).</li>
 *   <li>ANY (QTYPE 255): one RRset of the name, as RFC 8482 section 4.2 allows, so ANY is not an
 *       amplifier.</li>
 *   <li>CH TXT {@code id.server.} and {@code hostname.bind.}: the node name (RFC 4892 section
 *       2.3). Other CHAOS names, {@code version.bind} among them, are refused: no version
 *       disclosure.</li>
 *   <li>Outside the zone, other classes, AXFR and IXFR: REFUSED. The responder never recurses.</li>
 * </ul>
 */
final class Lookup {

    /** RFC 1035 section 3.2.3. */
    static final int QTYPE_ANY = 255;
    static final int QTYPE_AXFR = 252;
    static final int QTYPE_IXFR = 251;
    /** The names operators ask an anycast instance for its identity (RFC 4892 section 2.3). */
    static final List<String> IDENTITY_NAMES = List.of("id.server.", "hostname.bind.");
    /** CHAOS identity answers are not cached: each query should reach and name an instance. */
    static final long IDENTITY_TTL = 0;

    private final String origin;
    private final Map<String, Map<Integer, Answer>> positive = new HashMap<>();
    private final Map<String, Answer> any = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Answer> identity = new HashMap<>();
    private final Answer nodata;
    private final Answer nxdomain;
    private final Answer identityNodata;

    Lookup(ResponderConfig config) {
        Zone zone = config.zone();
        this.origin = zone.origin();
        names.addAll(zone.names());
        ZoneRecord soa = zone.soa();
        long negativeTtl = Math.min(soa.ttl(), ((Rdata.Soa) soa.data()).minimum());
        StaticRecord negativeSoa = StaticRecord.of(new ZoneRecord(soa.owner(), negativeTtl, soa.data()));
        nodata = Answer.of(DnsResponseCode.NOERROR, true, List.of(), List.of(negativeSoa));
        nxdomain = Answer.of(DnsResponseCode.NXDOMAIN, true, List.of(), List.of(negativeSoa));
        zone.rrsets().forEach((name, byType) -> byType.forEach((type, rrset) -> {
            Answer a = Answer.of(DnsResponseCode.NOERROR, true, rrset.stream().map(StaticRecord::of).toList(), List.of());
            positive.computeIfAbsent(name, k -> new HashMap<>()).put(type.code(), a);
            any.putIfAbsent(name, a);
        }));
        config.handoff().ifPresent(h -> {
            boolean v4 = h.address() instanceof Inet4Address;
            RecordType type = v4 ? RecordType.A : RecordType.AAAA;
            StaticRecord r = new StaticRecord(h.name(), DnsRecordType.valueOf(type.code()), DnsRecord.CLASS_IN, h.ttl(), h.address().getAddress());
            Answer a = Answer.of(DnsResponseCode.NOERROR, true, List.of(r), List.of());
            positive.put(h.name(), Map.of(type.code(), a));
            any.put(h.name(), a);
            for (String n = h.name(); !n.equals(origin) && names.add(n); n = DomainName.parent(n)) {
                // the hand-off name and the empty non-terminals above it exist
            }
        });
        byte[] nodeName = config.nodeName().getBytes(StandardCharsets.UTF_8);
        byte[] txt = new byte[nodeName.length + 1];
        txt[0] = (byte) nodeName.length;
        System.arraycopy(nodeName, 0, txt, 1, nodeName.length);
        for (String n : IDENTITY_NAMES) {
            StaticRecord r = new StaticRecord(n, DnsRecordType.TXT, DnsRecord.CLASS_CHAOS, IDENTITY_TTL, txt);
            identity.put(n, Answer.of(DnsResponseCode.NOERROR, true, List.of(r), List.of()));
        }
        identityNodata = Answer.of(DnsResponseCode.NOERROR, true, List.of(), List.of());
    }

    /**
     * The answer to one question.
     *
     * @param qname absolute, any case, as Netty's decoder gives it
     */
    Answer answer(String qname, int qtype, int qclass) {
        String name = qname.toLowerCase(Locale.ROOT);
        if (qclass == DnsRecord.CLASS_IN) {
            if (!DomainName.isAtOrBelow(name, origin) || qtype == QTYPE_AXFR || qtype == QTYPE_IXFR) return Answer.REFUSED;
            Map<Integer, Answer> byType = positive.get(name);
            if (byType != null) {
                Answer a = byType.get(qtype);
                if (a != null) return a;
                if (qtype == QTYPE_ANY) return any.get(name);
                return nodata;
            }
            return names.contains(name) ? nodata : nxdomain;
        }
        if (qclass == DnsRecord.CLASS_CHAOS) {
            Answer a = identity.get(name);
            if (a == null) return Answer.REFUSED;
            return qtype == RecordType.TXT.code() || qtype == QTYPE_ANY ? a : identityNodata;
        }
        return Answer.REFUSED;
    }
}
