/**
 * The BGP-4 wire codec: immutable messages in, octets out, and back. A leaf: it uses java.base and
 * Netty's {@code ByteBuf} only, with no sockets, threads, clocks or logging.
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>RFC 4271 BGP-4: OPEN, UPDATE, NOTIFICATION, KEEPALIVE; errors of §6 as values</li>
 *   <li>RFC 2918 Route Refresh, RFC 7313 Enhanced Route Refresh (BoRR/EoRR subtypes)</li>
 *   <li>RFC 5492 capabilities; RFC 4760 multiprotocol; RFC 8950 extended next hop; RFC 8654
 *       extended messages; RFC 4724 graceful restart; RFC 6793 4-octet AS; RFC 7911 ADD-PATH;
 *       RFC 9072 extended optional parameters length; FQDN (code 73)</li>
 *   <li>RFC 1997 communities, RFC 4360 extended communities, RFC 8092 large communities,
 *       RFC 4456 ORIGINATOR_ID / CLUSTER_LIST, RFC 9234 OTC, RFC 5065 confederation segments</li>
 *   <li>RFC 7606 revised error handling: dispositions in {@link io.proxima.bgp.wire.Disposition},
 *       one row per attribute in {@link io.proxima.bgp.wire.attr.AttributeTable}</li>
 *   <li>RFC 7607: AS 0 in AS_PATH is malformed (treat-as-withdraw), in OPEN is Bad Peer AS</li>
 *   <li>RFC 8203 / RFC 9003 shutdown communication in Cease NOTIFICATIONs</li>
 * </ul>
 *
 * <h2>Deliberate choices</h2>
 * <ul>
 *   <li>Malformed MP_REACH_NLRI / MP_UNREACH_NLRI get session reset, never AFI/SAFI disable: RFC
 *       7606 §7.11 allows either, and Proxima carries two families whose loss would be silent.
 *       {@link io.proxima.bgp.wire.Disposition#AFI_SAFI_DISABLE} exists for completeness.</li>
 *   <li>Prefixes keep bits beyond their length so messages re-encode exactly, but compare and
 *       print without them (RFC 4271 §4.3: they are irrelevant).</li>
 *   <li>Checks that need session knowledge (peer AS, our own AS in the path, martian next hops,
 *       LOCAL_PREF from an eBGP peer, confederation segments from an eBGP peer) are the session's.</li>
 *   <li>AS 0 in AGGREGATOR / AS4_AGGREGATOR is kept: RFC 7607 §2 makes only AS_PATH and AS4_PATH
 *       malformed and forbids propagating the others; real dumps carry it and MRT viewers print it.</li>
 *   <li>A malformed OPEN optional parameter or capability is OPEN Message Error with subcode 0
 *       (unspecific): RFC 4271 and RFC 5492 name no subcode for it.</li>
 * </ul>
 */
package io.proxima.bgp.wire;
