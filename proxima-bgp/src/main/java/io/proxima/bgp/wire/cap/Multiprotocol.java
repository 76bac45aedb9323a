package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;

/** Multiprotocol Extensions capability (RFC 4760 §8): AFI, reserved, SAFI. */
public record Multiprotocol(Family family) implements Capability {
    @Override public int code() { return MULTIPROTOCOL; }
    @Override public void writeValue(ByteBuf out) {
        out.writeShort(family.afi()).writeByte(0).writeByte(family.safi());
    }
}
