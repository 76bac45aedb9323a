package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.cap.FourOctetAs;

/**
 * AGGREGATOR (RFC 4271 §5.1.7): optional transitive, AS (2 octets, or 4 on a 4-octet session,
 * RFC 6793 §4.1) and IPv4 address. Wrong length: attribute discard (RFC 7606 §7.7).
 */
public record Aggregator(int flags, long asn, IpAddress address) implements PathAttribute {

    public Aggregator(long asn, IpAddress address) {
        this(OPTIONAL | TRANSITIVE, asn, address);
    }

    static Aggregator decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        int want = facts.fourOctetAs() ? 8 : 6;
        if (v.readableBytes() != want) {
            throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "AGGREGATOR length " + v.readableBytes() + ", expected " + want);
        }
        long as = facts.fourOctetAs() ? v.readUnsignedInt() : v.readUnsignedShort();
        return new Aggregator(flags, as, IpAddress.v4(v.readInt()));
    }

    @Override public int typeCode() { return AGGREGATOR; }
    @Override public int valueLength(SessionFacts facts) { return facts.fourOctetAs() ? 8 : 6; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) {
        if (facts.fourOctetAs()) out.writeInt((int) asn);
        else out.writeShort(asn > 0xFFFF ? FourOctetAs.AS_TRANS : (int) asn);
        address.write(out);
    }
}
