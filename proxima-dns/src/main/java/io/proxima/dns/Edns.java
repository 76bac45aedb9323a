package io.proxima.dns;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsMessage;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;

/**
 * What a query's OPT pseudo-record asks for (RFC 6891 section 6.1). Netty's decoder hands OPT over
 * as a raw record: CLASS is the requestor's UDP payload size, TTL holds the extended RCODE, the
 * version and the DO flag, and RDATA the options.
 *
 * <pre>
 *   TTL:   | EXTENDED-RCODE (8) | VERSION (8) | DO | Z (15) |
 *   RDATA: { OPTION-CODE (16) | OPTION-LENGTH (16) | OPTION-DATA } ...
 * </pre>
 *
 * @param present the query has an OPT record
 * @param udpSize the requestor's UDP payload size, at least {@value #MIN_UDP_SIZE}
 * @param dnssecOk the DO bit, which RFC 3225 section 3 says to copy into the response
 * @param nsid the query carries an NSID option (RFC 5001 section 2.1)
 */
record Edns(boolean present, int udpSize, int version, boolean dnssecOk, boolean nsid) {

    /** RFC 1035 section 4.2.1 without EDNS; RFC 6891 section 6.2.3: smaller values mean this. */
    static final int MIN_UDP_SIZE = 512;
    static final int OPTION_NSID = 3;
    private static final int OPTION_HEADER = 4;
    private static final int DO_BIT = 0x8000;

    static final Edns ABSENT = new Edns(false, MIN_UDP_SIZE, 0, false, false);
    /** Two OPT records, an OPT not owned by the root, or options that overrun: FORMERR (RFC 6891 section 6.1.1). */
    static final Edns MALFORMED = new Edns(false, MIN_UDP_SIZE, 0, false, false);

    /** Reads the query's OPT record: {@link #ABSENT}, {@link #MALFORMED} (compare by identity) or what it asks. */
    static Edns of(DnsMessage query) {
        Edns found = ABSENT;
        int additional = query.count(DnsSection.ADDITIONAL);
        for (int i = 0; i < additional; i++) {
            DnsRecord r = query.recordAt(DnsSection.ADDITIONAL, i);
            if (r.type() != DnsRecordType.OPT) continue;
            if (found != ABSENT || !r.name().equals(DomainName.ROOT) || !(r instanceof DnsRawRecord raw)) return MALFORMED;
            int size = Math.max(MIN_UDP_SIZE, r.dnsClass() & 0xFFFF);
            long ttl = r.timeToLive();
            int version = (int) (ttl >>> 16) & 0xFF;
            boolean dnssecOk = (ttl & DO_BIT) != 0;
            int nsid = nsidOption(raw.content());
            if (nsid < 0) return MALFORMED;
            found = new Edns(true, size, version, dnssecOk, nsid > 0);
        }
        return found;
    }

    /** 1 if the options hold NSID, 0 if not, -1 if an option overruns the RDATA. Bounded by RDLENGTH. */
    private static int nsidOption(ByteBuf options) {
        int pos = options.readerIndex();
        int end = options.writerIndex();
        int nsid = 0;
        while (pos < end) {
            if (end - pos < OPTION_HEADER) return -1;
            int code = options.getUnsignedShort(pos);
            int length = options.getUnsignedShort(pos + 2);
            pos += OPTION_HEADER;
            if (end - pos < length) return -1;
            if (code == OPTION_NSID) nsid = 1;
            pos += length;
        }
        return nsid;
    }
}
