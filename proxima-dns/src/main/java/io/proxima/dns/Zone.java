package io.proxima.dns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One zone that the responder is authoritative for: an origin and its records, read from
 * master-file-like lines such as {@code "@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600
 * 600 86400 60"} or {@code "www 60 A 198.51.100.80"} (see {@link ZoneLine} for the grammar).
 * Immutable once parsed.
 *
 * <p>What a zone must satisfy, each checked with a message naming the line's index: exactly one
 * SOA, at the origin (negative answers carry it, RFC 2308 section 3); NS only at the origin (a
 * lower NS would be a delegation, which this responder does not serve); every owner at or below the
 * origin; one TTL per RRset (RFC 2181 section 5.2). Identical records are kept once (RFC 2181
 * section 5).
 */
public final class Zone {

    /**
     * The largest RRset, in octets on the wire: it must fit a TCP message (65535 octets) beside a
     * header, the longest possible question and an OPT record with NSID.
     */
    static final int MAX_RRSET_OCTETS = 64_000;

    private final String origin;
    private final List<ZoneRecord> records;
    private final Map<String, Map<RecordType, List<ZoneRecord>>> rrsets;
    private final Set<String> names;

    private Zone(String origin, List<ZoneRecord> records, Map<String, Map<RecordType, List<ZoneRecord>>> rrsets) {
        this.origin = origin;
        this.records = List.copyOf(records);
        Map<String, Map<RecordType, List<ZoneRecord>>> copy = new LinkedHashMap<>();
        rrsets.forEach((name, byType) -> {
            Map<RecordType, List<ZoneRecord>> m = new LinkedHashMap<>();
            byType.forEach((type, rrs) -> m.put(type, List.copyOf(rrs)));
            copy.put(name, Collections.unmodifiableMap(m));
        });
        this.rrsets = Collections.unmodifiableMap(copy);
        Set<String> all = new HashSet<>();
        for (String name : rrsets.keySet()) {
            // Every name between an owner and the origin exists, with or without records of its
            // own (an "empty non-terminal"): asking for it gets NODATA, not NXDOMAIN (RFC 8020).
            for (String n = name; DomainName.isAtOrBelow(n, origin); n = DomainName.parent(n)) {
                if (!all.add(n) || n.equals(origin)) break;
            }
        }
        this.names = Set.copyOf(all);
    }

    /**
     * Reads a zone.
     *
     * @param origin the zone's name, absolute ({@code example.net.})
     * @param lines one record per line; {@link ZoneException#index()} refers to this list
     * @throws ZoneException naming the line and what is wrong with it
     */
    public static Zone parse(String origin, List<String> lines) {
        String o;
        try {
            o = DomainName.canonical(origin);
        } catch (IllegalArgumentException e) {
            throw new ZoneException(ZoneException.WHOLE_ZONE, "origin: " + e.getMessage());
        }
        List<ZoneRecord> records = new ArrayList<>();
        Map<String, Map<RecordType, List<ZoneRecord>>> rrsets = new LinkedHashMap<>();
        Map<ZoneRecord, Integer> lineOf = new LinkedHashMap<>();
        Map<String, Integer> rrsetSize = new LinkedHashMap<>();
        Integer soaLine = null;
        for (int i = 0; i < lines.size(); i++) {
            ZoneRecord r;
            try {
                r = ZoneLine.parse(lines.get(i), o);
            } catch (IllegalArgumentException e) {
                throw new ZoneException(i, e.getMessage());
            }
            if (lineOf.containsKey(r)) continue;
            if (r.type() == RecordType.SOA) {
                if (!r.owner().equals(o)) throw new ZoneException(i, "the SOA belongs at the origin " + o + ", not at " + r.owner());
                if (soaLine != null) throw new ZoneException(i, "a second SOA; the zone's SOA is records[" + soaLine + "]");
                soaLine = i;
            }
            if (r.type() == RecordType.NS && !r.owner().equals(o)) {
                throw new ZoneException(i, "NS at " + r.owner() + " would delegate it; the responder serves one zone without delegations, so NS records belong at the origin " + o);
            }
            List<ZoneRecord> rrset = rrsets.computeIfAbsent(r.owner(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.type(), k -> new ArrayList<>());
            if (!rrset.isEmpty() && rrset.get(0).ttl() != r.ttl()) {
                throw new ZoneException(i, "TTL " + r.ttl() + " differs from TTL " + rrset.get(0).ttl() + " of the same RRset at records["
                        + lineOf.get(rrset.get(0)) + "] (RFC 2181 section 5.2: one TTL per RRset)");
            }
            String key = r.owner() + " " + r.type();
            int size = rrsetSize.getOrDefault(key, 0) + DomainName.wireLength(r.owner()) + 10 + r.data().wire().length;
            if (size > MAX_RRSET_OCTETS) {
                throw new ZoneException(i, "the " + r.type() + " RRset at " + r.owner() + " grows to " + size + " octets; at most "
                        + MAX_RRSET_OCTETS + " fit a DNS message");
            }
            rrsetSize.put(key, size);
            rrset.add(r);
            records.add(r);
            lineOf.put(r, i);
        }
        if (soaLine == null) {
            throw new ZoneException(ZoneException.WHOLE_ZONE, "the zone " + o + " has no SOA record; add one at the origin, e.g. \"@ 3600 SOA ns1."
                    + o + " hostmaster." + o + " 1 3600 600 86400 60\"");
        }
        return new Zone(o, records, rrsets);
    }

    /** The origin, canonical: lower case, ending in a dot. */
    public String origin() {
        return origin;
    }

    /** Every record once, in the order of the lines. */
    public List<ZoneRecord> records() {
        return records;
    }

    public ZoneRecord soa() {
        return rrsets.get(origin).get(RecordType.SOA).get(0);
    }

    /** True when {@code name} (absolute, any case) is the origin or below it. */
    public boolean contains(String name) {
        return DomainName.isAtOrBelow(name.toLowerCase(java.util.Locale.ROOT), origin);
    }

    /** True when the name has records, or is an empty non-terminal above a name that has. */
    public boolean exists(String name) {
        return names.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The RRset of a name (absolute, any case) and type, in line order; empty if there is none. */
    public List<ZoneRecord> rrset(String name, RecordType type) {
        Map<RecordType, List<ZoneRecord>> byType = rrsets.get(name.toLowerCase(java.util.Locale.ROOT));
        return byType == null ? List.of() : byType.getOrDefault(type, List.of());
    }

    /** Every RRset by owner and type, in line order. */
    Map<String, Map<RecordType, List<ZoneRecord>>> rrsets() {
        return rrsets;
    }

    /** Every name that exists: owners and the empty non-terminals between them and the origin. */
    Set<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return "zone " + origin + " (" + records.size() + " records)";
    }
}
