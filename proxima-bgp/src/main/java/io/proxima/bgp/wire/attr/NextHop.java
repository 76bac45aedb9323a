package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.SessionFacts;

/**
 * NEXT_HOP (RFC 4271 §5.1.3): well-known, an IPv4 address, mandatory when the UPDATE has IPv4 NLRI in
 * its NLRI field. Wrong length: treat-as-withdraw (RFC 7606 §7.3). Semantic checks (martians, our
 * own address) belong to the session, which knows the addresses.
 */
public record NextHop(int flags, IpAddress address) implements PathAttribute {

    public NextHop(IpAddress address) {
        this(TRANSITIVE, address);
    }

    public NextHop {
        if (address.v6()) throw new IllegalArgumentException("NEXT_HOP is IPv4; IPv6 next hops go in MP_REACH_NLRI");
    }

    static NextHop decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 4) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "NEXT_HOP length " + v.readableBytes() + ", expected 4");
        return new NextHop(flags, IpAddress.v4(v.readInt()));
    }

    @Override public int typeCode() { return NEXT_HOP; }
    @Override public int valueLength(SessionFacts facts) { return 4; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { address.write(out); }
}
