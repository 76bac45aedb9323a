package io.proxima.dns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a responder's counters since it started. Every query received ends in exactly
 * one of the outcomes, so {@code queries} is their sum (a query still being answered while the
 * snapshot is taken may be missing from one side).
 *
 * @param queries messages received: UDP datagrams and TCP frames
 * @param answered full responses with NOERROR or NXDOMAIN: answers, NODATA, CHAOS identity
 * @param refused REFUSED: outside the zone, another class, a zone transfer
 * @param formerr FORMERR, and BADVERS for an EDNS version other than 0
 * @param notImplemented NOTIMP: an opcode other than QUERY
 * @param dropped not answered: too short or not a query, malformed over TCP, or no room to send
 * @param truncated responses with the TC bit, because the answer did not fit the client's UDP size
 * @param rateLimited over the rate limit: dropped, or every second one "slipped" as an empty TC response
 */
public record Counters(long queries, long answered, long refused, long formerr, long notImplemented,
                       long dropped, long truncated, long rateLimited) {

    /** The counters as name/value pairs, in a fixed order: for metrics and logs. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("queries", queries);
        m.put("answered", answered);
        m.put("refused", refused);
        m.put("formerr", formerr);
        m.put("notimp", notImplemented);
        m.put("dropped", dropped);
        m.put("truncated", truncated);
        m.put("rate_limited", rateLimited);
        return m;
    }
}
