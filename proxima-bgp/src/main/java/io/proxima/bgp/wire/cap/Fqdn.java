package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** FQDN capability (draft-walton-bgp-hostname-capability, IANA code 73): host and domain name. */
public record Fqdn(String hostname, String domain) implements Capability {
    public static final int MAX_NAME_LENGTH = 255;

    public Fqdn {
        if (hostname.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_LENGTH
                || domain.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("FQDN names are at most 255 octets");
        }
    }
    @Override public int code() { return FQDN; }
    @Override public void writeValue(ByteBuf out) {
        byte[] h = hostname.getBytes(StandardCharsets.UTF_8);
        byte[] d = domain.getBytes(StandardCharsets.UTF_8);
        out.writeByte(h.length).writeBytes(h).writeByte(d.length).writeBytes(d);
    }
}
