package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;
import java.util.ArrayList;
import java.util.List;

/** EXTENDED_COMMUNITIES (RFC 4360): optional transitive, 8 octets each. Not a non-zero multiple of 8: treat-as-withdraw (RFC 7606 §7.14). */
public record ExtendedCommunities(int flags, List<Long> values) implements PathAttribute {

    public ExtendedCommunities(List<Long> values) {
        this(OPTIONAL | TRANSITIVE, values);
    }

    public ExtendedCommunities {
        values = List.copyOf(values);
    }

    static ExtendedCommunities decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        int n = v.readableBytes();
        if (n == 0 || n % 8 != 0) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "EXTENDED_COMMUNITIES length " + n + " is not a non-zero multiple of 8");
        List<Long> out = new ArrayList<>(n / 8);
        while (v.isReadable()) out.add(v.readLong());
        return new ExtendedCommunities(flags, out);
    }

    @Override public int typeCode() { return EXTENDED_COMMUNITIES; }
    @Override public int valueLength(SessionFacts facts) { return 8 * values.size(); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { for (long c : values) out.writeLong(c); }
}
