package io.proxima.bgp.wire.attr;

import static io.proxima.bgp.wire.ErrorCode.UPDATE_ATTRIBUTE_LENGTH_ERROR;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.SessionFacts;

/** ATOMIC_AGGREGATE (RFC 4271 §5.1.6): well-known discretionary, no value. Non-zero length: attribute discard (RFC 7606 §7.6). */
public record AtomicAggregate(int flags) implements PathAttribute {

    public AtomicAggregate() {
        this(TRANSITIVE);
    }

    static AtomicAggregate decode(int flags, ByteBuf v, SessionFacts facts) throws Malformed {
        if (v.readableBytes() != 0) throw new Malformed(UPDATE_ATTRIBUTE_LENGTH_ERROR, "ATOMIC_AGGREGATE length " + v.readableBytes() + ", expected 0");
        return new AtomicAggregate(flags);
    }

    @Override public int typeCode() { return ATOMIC_AGGREGATE; }
    @Override public int valueLength(SessionFacts facts) { return 0; }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { }
}
