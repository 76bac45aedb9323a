package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import java.util.List;

/**
 * Extended Next Hop Encoding capability (RFC 8950 §4): triples of NLRI AFI (2 octets), NLRI SAFI
 * (2 octets) and next-hop AFI (2 octets). Used for IPv4 routes with an IPv6 next hop.
 */
public record ExtendedNextHop(List<Entry> entries) implements Capability {
    public record Entry(Family nlri, int nextHopAfi) { }

    public ExtendedNextHop {
        entries = List.copyOf(entries);
    }
    @Override public int code() { return EXTENDED_NEXT_HOP; }
    @Override public void writeValue(ByteBuf out) {
        for (Entry e : entries) out.writeShort(e.nlri().afi()).writeShort(e.nlri().safi()).writeShort(e.nextHopAfi());
    }
}
