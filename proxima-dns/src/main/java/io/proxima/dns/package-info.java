/**
 * A small authoritative DNS responder, built on Netty's DNS codec: the zone of an anycast service,
 * the identity of the instance that answers, and the unicast hand-off name. Real deployments keep
 * NSD, Knot or BIND; this one lets a node be both the service and its announcer in the demo, the
 * lab and small setups. Public API: {@link io.proxima.dns.DnsResponder},
 * {@link io.proxima.dns.ResponderConfig}, {@link io.proxima.dns.Zone}, {@link io.proxima.dns.Counters}.
 *
 * <p>Supported:
 * <ul>
 *   <li>RFC 1035: QUERY over UDP and TCP; SOA, NS, A, TXT; AA on answers from the zone; REFUSED
 *       for everything else (no recursion, RA clear); FORMERR for malformed queries whose header
 *       is readable, NOTIMP for other opcodes. RFC 3596: AAAA.</li>
 *   <li>RFC 2308: NXDOMAIN and NODATA with the SOA in the authority section. RFC 8020: an empty
 *       non-terminal is NODATA. RFC 8482: ANY gets one RRset.</li>
 *   <li>RFC 4892: CHAOS TXT {@code id.server} and {@code hostname.bind} answer the node name.</li>
 *   <li>RFC 5001: NSID, when the query asks for it. RFC 6891: EDNS(0), the requestor's UDP size
 *       (capped at 1232, the DNS Flag Day 2020 value), BADVERS for other versions, FORMERR for two
 *       OPT records. RFC 3225: DO copied.</li>
 *   <li>RFC 7766: TCP with pipelined queries, idle connections closed, a cap on connections; the
 *       TC bit when an answer does not fit the client's UDP size.</li>
 *   <li>Response rate limiting per client /24 or /56 over UDP, with a BIND-style slip.</li>
 * </ul>
 *
 * <p>Deliberately not supported: DNSSEC signing, zone transfers (AXFR/IXFR are REFUSED), NOTIFY
 * and UPDATE (NOTIMP), delegations, CNAME, wildcards, DNS cookies (RFC 7873: the option is
 * ignored), name compression in responses (Netty's encoder writes names in full; the size
 * checks count them that way). A malformed TCP frame closes its connection without FORMERR,
 * because Netty's TCP decoder does not hand the frame's ID over.
 */
package io.proxima.dns;
