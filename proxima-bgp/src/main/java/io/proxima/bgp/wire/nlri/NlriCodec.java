package io.proxima.bgp.wire.nlri;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4/IPv6 unicast NLRI (RFC 4271 §4.3, RFC 4760 §5, RFC 7911 §3).
 * <pre>
 *   +---------------------------+
 *   | Path Identifier (4 octets)|   only where ADD-PATH was negotiated
 *   +---------------------------+
 *   | Length (1 octet)          |   in bits
 *   +---------------------------+
 *   | Prefix (variable)         |   ceil(Length / 8) octets
 *   +---------------------------+
 * </pre>
 */
public final class NlriCodec {

    private NlriCodec() {
    }

    /** Thrown for a syntactically incorrect NLRI field; the caller turns it into its error value. */
    public static final class InvalidNlri extends Exception {
        private final transient List<Nlri> parsed;

        public InvalidNlri(String message, List<Nlri> parsed) {
            super(message, null, false, false);
            this.parsed = List.copyOf(parsed);
        }

        /** The entries before the bad one: for diagnostics, never to be used as routes. */
        public List<Nlri> parsed() {
            return parsed;
        }
    }

    /** Decodes every entry of a bounded NLRI field. */
    public static List<Nlri> decode(ByteBuf field, Family family, boolean addPath) throws InvalidNlri {
        List<Nlri> out = new ArrayList<>(Math.max(1, field.readableBytes() / 4));
        int maxBits = family.afi() == Family.AFI_IPV6 ? 128 : 32;
        boolean v6 = family.afi() == Family.AFI_IPV6;
        while (field.isReadable()) {
            long pathId = 0;
            if (addPath) {
                if (field.readableBytes() < 5) throw new InvalidNlri("truncated path identifier", out);
                pathId = field.readUnsignedInt();
            }
            int bits = field.readUnsignedByte();
            if (bits > maxBits) {
                throw new InvalidNlri("prefix length " + bits + " exceeds " + maxBits, out);
            }
            int octets = (bits + 7) >>> 3;
            if (field.readableBytes() < octets) {
                throw new InvalidNlri("prefix of length " + bits + " needs " + octets + " octets, "
                        + field.readableBytes() + " left", out);
            }
            Prefix p;
            if (v6) {
                long hi = 0, lo = 0;
                for (int i = 0; i < octets; i++) {
                    long b = field.readUnsignedByte();
                    if (i < 8) hi |= b << (56 - 8 * i); else lo |= b << (56 - 8 * (i - 8));
                }
                p = Prefix.v6(hi, lo, bits);
            } else {
                int v = 0;
                for (int i = 0; i < octets; i++) v |= field.readUnsignedByte() << (24 - 8 * i);
                p = Prefix.v4(v, bits);
            }
            out.add(new Nlri(pathId, p));
        }
        return out;
    }

    public static void encode(List<Nlri> nlri, ByteBuf out, boolean addPath) {
        for (Nlri n : nlri) encode(n, out, addPath);
    }

    public static void encode(Nlri n, ByteBuf out, boolean addPath) {
        if (addPath) out.writeInt((int) n.pathId());
        n.prefix().write(out);
    }

    public static int encodedLength(Nlri n, boolean addPath) {
        return (addPath ? 4 : 0) + 1 + n.prefix().wireOctets();
    }

    public static int encodedLength(List<Nlri> nlri, boolean addPath) {
        int n = 0;
        for (Nlri e : nlri) n += encodedLength(e, addPath);
        return n;
    }
}
