package io.proxima.dns;

import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import java.util.Arrays;

/**
 * The question of a query, with the name's octets as they arrived, so the response echoes the
 * question exactly, case included (RFC 1035 section 7.3: resolvers match it; some randomise the
 * case, draft-vixie-dnsext-dns0x20).
 */
final class QueryQuestion implements DnsQuestion {

    private final String name;
    private final DnsRecordType type;
    private final int dnsClass;
    private final byte[] wireName;

    QueryQuestion(String name, DnsRecordType type, int dnsClass, byte[] wireName) {
        this.name = name;
        this.type = type;
        this.dnsClass = dnsClass;
        this.wireName = wireName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DnsRecordType type() {
        return type;
    }

    @Override
    public int dnsClass() {
        return dnsClass;
    }

    @Override
    public long timeToLive() {
        return 0;
    }

    /** The name's octets on the wire, uncompressed. Not a copy: the caller only writes it out. */
    byte[] wireName() {
        return wireName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryQuestion q && q.name.equals(name) && q.type.equals(type) && q.dnsClass == dnsClass
                && Arrays.equals(q.wireName, wireName);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.intValue();
    }

    @Override
    public String toString() {
        return name + " " + dnsClass + " " + type.name();
    }
}
