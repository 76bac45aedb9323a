package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * LARGE_COMMUNITY (RFC 8092): optional transitive, 12 octets each: Global Administrator, Local
 * Data Part 1, Local Data Part 2. Not a non-zero multiple of 12: treat-as-withdraw (RFC 8092 §6).
 */
public record LargeCommunities(int flags, List<LargeCommunity> values) implements PathAttribute {

    public record LargeCommunity(long global, long local1, long local2) {
        public LargeCommunity {
            if ((global | local1 | local2) >>> 32 != 0 || global < 0 || local1 < 0 || local2 < 0) {
                throw new IllegalArgumentException("large community part out of range");
            }
        }

        /** Parses "65010:1:2". */
        public static LargeCommunity parse(String text) {
            String[] p = text.strip().split(":");
            if (p.length != 3) throw new IllegalArgumentException("large community must be GLOBAL:LOCAL1:LOCAL2: " + text);
            return new LargeCommunity(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
        }

        @Override
        public String toString() {
            return global + ":" + local1 + ":" + local2;
        }
    }

    public LargeCommunities(List<LargeCommunity> values) {
        this(OPTIONAL | TRANSITIVE, values);
    }

    public LargeCommunities {
        values = List.copyOf(values);
    }

    static LargeCommunities decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        int n = v.readableBytes();
        if (n == 0 || n % 12 != 0) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "LARGE_COMMUNITY length " + n + " is not a non-zero multiple of 12");
        List<LargeCommunity> out = new ArrayList<>(n / 12);
        while (v.isReadable()) out.add(new LargeCommunity(v.readUnsignedInt(), v.readUnsignedInt(), v.readUnsignedInt()));
        return new LargeCommunities(flags, out);
    }

    @Override public int typeCode() { return LARGE_COMMUNITY; }
    @Override public int valueLength(SessionFacts facts) { return 12 * values.size(); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) {
        for (LargeCommunity c : values) out.writeInt((int) c.global()).writeInt((int) c.local1()).writeInt((int) c.local2());
    }
}
