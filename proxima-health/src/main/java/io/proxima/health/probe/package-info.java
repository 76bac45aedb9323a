/**
 * One prober per check kind: each turns a {@link io.proxima.health.check.CheckSpec} into a
 * {@link io.proxima.health.probe.Probe} whose verdict always arrives within its timeout, with a
 * specific reason. {@link io.proxima.health.probe.Probes#of} is the only way in.
 *
 * <p>Specifications implemented:
 * <ul>
 *   <li>RFC 1035 (DNS message format, name compression, TCP length prefix), RFC 3596 (AAAA)</li>
 *   <li>RFC 6891 (EDNS(0) OPT record, extended RCODE), RFC 5001 (NSID option)</li>
 *   <li>RFC 7766 section 5 (retry a truncated UDP answer over TCP), RFC 4892 (CHAOS id.server)</li>
 *   <li>RFC 4511 (LDAP simple bind and search, through the UnboundID LDAP SDK)</li>
 *   <li>RFC 9110 (HTTP semantics, through java.net.http)</li>
 * </ul>
 *
 * <p>Deliberate deviations: the DNS reader keeps at most {@code MAX_ANSWERS} answers and renders
 * record types other than A, AAAA, TXT, NS, CNAME and PTR as hex; HTTP redirects are not followed.
 */
package io.proxima.health.probe;
