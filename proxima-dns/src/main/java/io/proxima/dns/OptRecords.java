package io.proxima.dns;

import io.netty.handler.codec.dns.DnsRecordType;
import java.nio.charset.StandardCharsets;

/**
 * The OPT records this responder puts into responses (RFC 6891 section 6.1.2), built once: with
 * and without NSID (RFC 5001 section 2.2: "the name server MUST include an NSID option" only when
 * asked), with and without the copied DO bit.
 */
final class OptRecords {

    /**
     * The largest UDP response sent, and the payload size advertised: the DNS Flag Day 2020 value,
     * which fits an IPv6 minimum-MTU packet and so is never fragmented.
     */
    static final int MAX_UDP_PAYLOAD = 1232;
    private static final long DO_FLAG = 0x8000;
    /** BADVERS is 16: its upper eight bits go into the OPT TTL's EXTENDED-RCODE (RFC 6891 section 6.1.3). */
    private static final long BADVERS_EXTENDED = 1L << 24;

    private final StaticRecord[] plain = new StaticRecord[2];
    private final StaticRecord[] withNsid = new StaticRecord[2];
    private final byte[] nsidOption;

    OptRecords(String nsid) {
        byte[] value = nsid.getBytes(StandardCharsets.UTF_8);
        nsidOption = new byte[4 + value.length];
        nsidOption[0] = 0;
        nsidOption[1] = (byte) Edns.OPTION_NSID;
        nsidOption[2] = (byte) (value.length >>> 8);
        nsidOption[3] = (byte) value.length;
        System.arraycopy(value, 0, nsidOption, 4, value.length);
        for (int d = 0; d < 2; d++) {
            long flags = d == 1 ? DO_FLAG : 0;
            plain[d] = opt(flags, new byte[0]);
            withNsid[d] = opt(flags, nsidOption);
        }
    }

    /** The OPT record answering {@code edns}, which must be present. */
    StaticRecord answering(Edns edns) {
        int d = edns.dnssecOk() ? 1 : 0;
        return edns.nsid() ? withNsid[d] : plain[d];
    }

    /** The OPT record of a BADVERS response: a version other than 0 was asked (RFC 6891 section 6.1.3). */
    StaticRecord badVersion(Edns edns) {
        return opt(BADVERS_EXTENDED | (edns.dnssecOk() ? DO_FLAG : 0), edns.nsid() ? nsidOption : new byte[0]);
    }

    private static StaticRecord opt(long ttl, byte[] options) {
        // CLASS carries our payload size; version 0; the owner is the root.
        return new StaticRecord(DomainName.ROOT, DnsRecordType.OPT, MAX_UDP_PAYLOAD, ttl, options);
    }
}
