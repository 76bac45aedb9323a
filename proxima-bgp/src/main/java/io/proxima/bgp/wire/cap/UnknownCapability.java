package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Octets;

/** A capability code we do not implement, kept as received (RFC 5492 §4: ignore, don't fail). */
public record UnknownCapability(int code, Octets value) implements Capability {
    public UnknownCapability {
        if (code < 0 || code > 0xFF) throw new IllegalArgumentException("capability code " + code);
        if (value.length() > MAX_VALUE_LENGTH) throw new IllegalArgumentException("capability value too long");
    }
    @Override public void writeValue(ByteBuf out) { value.write(out); }
}
