package io.proxima.bgp.wire.cap;

import io.netty.buffer.ByteBuf;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Octets;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A BGP capability (RFC 5492 §4), carried in OPEN optional parameter 2:
 * <pre>
 *   +------------------------------+
 *   | Capability Code (1 octet)    |
 *   +------------------------------+
 *   | Capability Length (1 octet)  |
 *   +------------------------------+
 *   | Capability Value (variable)  |
 *   +------------------------------+
 * </pre>
 * Codes are open: a code we do not know is kept as {@link UnknownCapability} and round-trips.
 */
public sealed interface Capability permits Multiprotocol, RouteRefreshCapability, ExtendedNextHop,
        ExtendedMessage, GracefulRestart, FourOctetAs, AddPath, EnhancedRouteRefresh, Fqdn, UnknownCapability {

    int MULTIPROTOCOL = 1;
    int ROUTE_REFRESH = 2;
    int EXTENDED_NEXT_HOP = 5;
    int EXTENDED_MESSAGE = 6;
    int GRACEFUL_RESTART = 64;
    int FOUR_OCTET_AS = 65;
    int ADD_PATH = 69;
    int ENHANCED_ROUTE_REFRESH = 70;
    int FQDN = 73;

    int MAX_VALUE_LENGTH = 255;

    int code();

    /** Writes the value only (no code or length octet). */
    void writeValue(ByteBuf out);

    /** Thrown for a capability whose value does not fit its definition. */
    final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Decodes one capability value, bounded to exactly {@code value}. */
    static Capability decode(int code, ByteBuf value) throws Malformed {
        int len = value.readableBytes();
        switch (code) {
            case MULTIPROTOCOL -> {
                expect(code, len, 4);
                int afi = value.readUnsignedShort();
                value.skipBytes(1); // reserved, RFC 4760 §8
                return new Multiprotocol(Family.of(afi, value.readUnsignedByte()));
            }
            case ROUTE_REFRESH -> {
                expect(code, len, 0);
                return RouteRefreshCapability.INSTANCE;
            }
            case EXTENDED_MESSAGE -> {
                expect(code, len, 0);
                return ExtendedMessage.INSTANCE;
            }
            case ENHANCED_ROUTE_REFRESH -> {
                expect(code, len, 0);
                return EnhancedRouteRefresh.INSTANCE;
            }
            case FOUR_OCTET_AS -> {
                expect(code, len, 4);
                return new FourOctetAs(value.readUnsignedInt());
            }
            case EXTENDED_NEXT_HOP -> {
                if (len % 6 != 0) throw new Malformed("extended next hop capability length " + len + " is not a multiple of 6");
                List<ExtendedNextHop.Entry> entries = new ArrayList<>();
                while (value.isReadable()) {
                    int afi = value.readUnsignedShort();
                    int safi = value.readUnsignedShort();
                    int nhAfi = value.readUnsignedShort();
                    if (safi > 0xFF) throw new Malformed("extended next hop SAFI " + safi);
                    entries.add(new ExtendedNextHop.Entry(Family.of(afi, safi), nhAfi));
                }
                return new ExtendedNextHop(entries);
            }
            case GRACEFUL_RESTART -> {
                if (len < 2 || (len - 2) % 4 != 0) throw new Malformed("graceful restart capability length " + len);
                int head = value.readUnsignedShort();
                List<GracefulRestart.Entry> entries = new ArrayList<>();
                while (value.isReadable()) {
                    int afi = value.readUnsignedShort();
                    int safi = value.readUnsignedByte();
                    entries.add(new GracefulRestart.Entry(Family.of(afi, safi), value.readUnsignedByte()));
                }
                return new GracefulRestart(head >>> 12, head & 0x0FFF, entries);
            }
            case ADD_PATH -> {
                if (len == 0 || len % 4 != 0) throw new Malformed("ADD-PATH capability length " + len);
                List<AddPath.Entry> entries = new ArrayList<>();
                while (value.isReadable()) {
                    int afi = value.readUnsignedShort();
                    int safi = value.readUnsignedByte();
                    entries.add(new AddPath.Entry(Family.of(afi, safi), value.readUnsignedByte()));
                }
                return new AddPath(entries);
            }
            case FQDN -> {
                if (len < 2) throw new Malformed("FQDN capability length " + len);
                Octets received = Octets.copyOf(value);
                int hl = value.readUnsignedByte();
                if (hl + 1 > value.readableBytes()) throw new Malformed("FQDN host name overruns the capability");
                String host = utf8(value, hl);
                int dl = value.readUnsignedByte();
                if (dl != value.readableBytes()) throw new Malformed("FQDN domain name length " + dl + " does not match");
                String domain = utf8(value, dl);
                // A name that is not UTF-8 would come back as U+FFFD, which re-encodes longer (past
                // 85 octets, longer than a name may be): keep such a capability as received.
                if (host == null || domain == null) return new UnknownCapability(code, received);
                return new Fqdn(host, domain);
            }
            default -> {
                return new UnknownCapability(code, Octets.read(value, len));
            }
        }
    }

    /** The next {@code len} octets as strict UTF-8, or null if they are not. */
    private static String utf8(ByteBuf in, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(in.readSlice(len).nioBuffer()).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void expect(int code, int len, int want) throws Malformed {
        if (len != want) throw new Malformed("capability " + code + " has length " + len + ", expected " + want);
    }
}
