package io.proxima.bgp.wire.attr;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.SessionFacts;

/**
 * An optional attribute whose type we do not implement, kept with its flags and value octets.
 * RFC 4271 §5: an unrecognized optional transitive attribute is passed on with the Partial bit set
 * ({@link #forwarded()}); an unrecognized optional non-transitive one is dropped.
 */
public record UnknownAttribute(int flags, int typeCode, Octets value) implements PathAttribute {

    public UnknownAttribute {
        if (typeCode < 0 || typeCode > 0xFF) throw new IllegalArgumentException("type code " + typeCode);
        if (value.length() > MAX_EXTENDED_VALUE_LENGTH) throw new IllegalArgumentException("value too long");
    }

    public boolean isTransitive() {
        return (flags & TRANSITIVE) != 0;
    }

    /** As passed on to another peer: Partial bit set (RFC 4271 §5). */
    public UnknownAttribute forwarded() {
        return new UnknownAttribute(flags | PARTIAL, typeCode, value);
    }

    @Override public int valueLength(SessionFacts facts) { return value.length(); }
    @Override public void writeValue(ByteBuf out, SessionFacts facts) { value.write(out); }
}
