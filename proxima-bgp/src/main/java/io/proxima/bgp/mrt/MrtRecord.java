package io.proxima.bgp.mrt;

import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.PathAttribute;
import java.util.List;

/** One MRT record (RFC 6396), decoded. Records we do not decode are {@link Unsupported}. */
public sealed interface MrtRecord {

    MrtHeader header();

    /**
     * A path attribute list as stored in a RIB record, with the strongest RFC 7606 error among
     * its attributes, if any.
     */
    record Attributes(List<PathAttribute> attributes, MessageError error) {
        public <T extends PathAttribute> T get(Class<T> kind) {
            for (PathAttribute a : attributes) if (kind.isInstance(a)) return kind.cast(a);
            return null;
        }
    }

    /** TABLE_DUMP (RFC 6396 §4.2): one route per record. Attributes use 2-octet AS numbers. */
    record TableDump(MrtHeader header, int viewNumber, int sequence, Prefix prefix, int status, long originated,
                     IpAddress peerAddress, long peerAs, Attributes attributes) implements MrtRecord { }

    /** TABLE_DUMP_V2 PEER_INDEX_TABLE (RFC 6396 §4.3.1). */
    record PeerIndexTable(MrtHeader header, IpAddress collectorId, String viewName, List<Peer> peers) implements MrtRecord {
        public record Peer(IpAddress bgpId, IpAddress address, long asn) { }
    }

    /** TABLE_DUMP_V2 RIB_IPV4/IPV6_UNICAST and their ADD-PATH variants (RFC 6396 §4.3.2, RFC 8050 §4). */
    record Rib(MrtHeader header, long sequence, Prefix prefix, boolean addPath, List<RibEntry> entries) implements MrtRecord { }

    /** One RIB entry (RFC 6396 §4.3.4). {@code pathId} is meaningful only in an ADD-PATH record. */
    record RibEntry(int peerIndex, long originated, long pathId, Attributes attributes) { }

    /**
     * BGP4MP(_ET) MESSAGE and its AS4 / LOCAL / ADD-PATH variants (RFC 6396 §4.4.2, RFC 8050 §3).
     * The message is decoded with the session facts the subtype implies.
     */
    record Bgp4mpMessage(MrtHeader header, long peerAs, long localAs, int interfaceIndex, IpAddress peerAddress,
                         IpAddress localAddress, boolean as4, boolean addPath, boolean local, DecodeResult message)
            implements MrtRecord { }

    /** BGP4MP(_ET) STATE_CHANGE and STATE_CHANGE_AS4 (RFC 6396 §4.4.1). */
    record Bgp4mpStateChange(MrtHeader header, long peerAs, long localAs, int interfaceIndex, IpAddress peerAddress,
                             IpAddress localAddress, int oldState, int newState) implements MrtRecord { }

    /** A type or subtype we do not decode, kept as octets. */
    record Unsupported(MrtHeader header, Octets body) implements MrtRecord { }

    /** A record whose body is malformed; {@code reason} says how. Reading continues with the next record. */
    record Malformed(MrtHeader header, String reason) implements MrtRecord { }
}
