package io.proxima.dns;

import io.netty.handler.codec.dns.DnsResponseCode;
import java.util.List;

/**
 * What the responder says to one question, before the header and EDNS are added: built once per
 * name and type when the responder starts, and shared by every response.
 *
 * @param recordOctets the wire size of the answer and authority records together
 */
record Answer(DnsResponseCode rcode, boolean authoritative, List<StaticRecord> answers, List<StaticRecord> authority,
              int recordOctets) {

    Answer {
        answers = List.copyOf(answers);
        authority = List.copyOf(authority);
    }

    static Answer of(DnsResponseCode rcode, boolean authoritative, List<StaticRecord> answers, List<StaticRecord> authority) {
        int octets = 0;
        for (StaticRecord r : answers) octets += r.wireLength();
        for (StaticRecord r : authority) octets += r.wireLength();
        return new Answer(rcode, authoritative, answers, authority, octets);
    }

    /** Outside the zone, an unknown class, a transfer: no data and no authority (RFC 1035 section 4.1.1). */
    static final Answer REFUSED = of(DnsResponseCode.REFUSED, false, List.of(), List.of());
}
