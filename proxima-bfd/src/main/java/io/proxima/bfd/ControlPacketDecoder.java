package io.proxima.bfd;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Optional;

/**
 * Datagram → {@link ControlPacket}, applying the packet-level reception checks of RFC 5880 §6.8.6
 * in the RFC's order. Any octets give a {@link DecodeResult}; nothing throws. Every read is bounded
 * by the Length field, which is itself checked against the datagram first.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       My Discriminator                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                      Your Discriminator                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Desired Min TX Interval                    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                   Required Min RX Interval                    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Required Min Echo RX Interval                 |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |       Authentication Section (optional, when A is set) ...
 * </pre>
 *
 * <p>The session-level checks of §6.8.6 (which session, authentication in use or not, AdminDown)
 * need session state and live in {@link Reception}.
 */
public final class ControlPacketDecoder {

    static final int FLAG_POLL = 0x20;
    static final int FLAG_FINAL = 0x10;
    static final int FLAG_CPI = 0x08;
    static final int FLAG_AUTH = 0x04;
    static final int FLAG_DEMAND = 0x02;
    static final int FLAG_MULTIPOINT = 0x01;
    /** Version is the top three bits of the first octet, Diag the low five. */
    static final int VERSION_SHIFT = 5;
    static final int DIAG_MASK = 0x1F;
    /** Sta is the top two bits of the second octet. */
    static final int STATE_SHIFT = 6;
    /** Version, flags, Detect Mult and Length: what must be there to apply the first checks. */
    private static final int FIXED_HEADER = 4;
    /** Auth Type and Auth Len. */
    private static final int AUTH_HEADER = 2;
    /** §4.3, §4.4: Auth Key ID, Reserved and Sequence Number precede the digest. */
    private static final int KEYED_FIXED = 8;
    /** §4.2: Auth Key ID precedes the password. */
    private static final int PASSWORD_FIXED = 3;

    private ControlPacketDecoder() {
    }

    public static DecodeResult decode(byte[] datagram) {
        return decode(Unpooled.wrappedBuffer(datagram));
    }

    /** Decodes the readable bytes of {@code in}, which are one UDP payload; does not move its reader index. */
    public static DecodeResult decode(ByteBuf in) {
        int at = in.readerIndex();
        int payload = in.readableBytes();
        if (payload < 1) return malformed(DropReason.LENGTH_BEYOND_PAYLOAD, "empty datagram");
        int b0 = in.getUnsignedByte(at);
        int version = b0 >>> VERSION_SHIFT;
        if (version != ControlPacket.VERSION) return malformed(DropReason.VERSION, "version " + version);
        if (payload < FIXED_HEADER) return malformed(DropReason.LENGTH_BEYOND_PAYLOAD, "datagram of " + payload + " bytes");
        int flags = in.getUnsignedByte(at + 1);
        int detectMult = in.getUnsignedByte(at + 2);
        int length = in.getUnsignedByte(at + 3);
        boolean auth = (flags & FLAG_AUTH) != 0;
        int min = auth ? ControlPacket.MIN_AUTHENTICATED_LENGTH : ControlPacket.MANDATORY_LENGTH;
        if (length < min) return malformed(DropReason.LENGTH_TOO_SMALL, "Length " + length + " < " + min);
        if (length > payload) return malformed(DropReason.LENGTH_BEYOND_PAYLOAD, "Length " + length + " > datagram of " + payload);
        if (detectMult == 0) return malformed(DropReason.DETECT_MULT_ZERO, "Detect Mult 0");
        if ((flags & FLAG_MULTIPOINT) != 0) return malformed(DropReason.MULTIPOINT, "M bit set");
        int my = in.getInt(at + 4);
        int your = in.getInt(at + 8);
        if (my == 0) return malformed(DropReason.MY_DISCRIMINATOR_ZERO, "My Discriminator 0");
        SessionState state = SessionState.ofCode(flags >>> STATE_SHIFT);
        if (your == 0 && state != SessionState.DOWN && state != SessionState.ADMIN_DOWN) {
            return malformed(DropReason.YOUR_DISCRIMINATOR_ZERO, "Your Discriminator 0 in " + state.rfcName());
        }
        Optional<Authentication> authentication = Optional.empty();
        if (auth) {
            DecodeResult.Malformed bad = null;
            Authentication a = null;
            int type = in.getUnsignedByte(at + ControlPacket.MANDATORY_LENGTH);
            int authLen = in.getUnsignedByte(at + ControlPacket.MANDATORY_LENGTH + 1);
            if (authLen < AUTH_HEADER || ControlPacket.MANDATORY_LENGTH + authLen != length) {
                bad = malformed(DropReason.AUTH_MALFORMED, "Auth Len " + authLen + " with Length " + length);
            } else {
                int data = at + ControlPacket.MANDATORY_LENGTH + AUTH_HEADER;
                if (type == Authentication.SIMPLE_PASSWORD) {
                    int pw = authLen - PASSWORD_FIXED;
                    if (pw < 1 || pw > Authentication.MAX_PASSWORD) {
                        bad = malformed(DropReason.AUTH_MALFORMED, "simple password Auth Len " + authLen);
                    } else {
                        a = new Authentication.SimplePassword(in.getUnsignedByte(data), bytes(in, data + 1, pw));
                    }
                } else if (Authentication.KeyedDigest.isKeyed(type)) {
                    int digest = Authentication.KeyedDigest.digestLength(type);
                    if (authLen != KEYED_FIXED + digest) {
                        bad = malformed(DropReason.AUTH_MALFORMED, "Auth Type " + type + " with Auth Len " + authLen);
                    } else {
                        // §4.3: the Reserved octet "MUST be set to zero on transmit, and ignored on receipt".
                        a = new Authentication.KeyedDigest(type, in.getUnsignedByte(data), in.getUnsignedInt(data + 2),
                                bytes(in, data + KEYED_FIXED - AUTH_HEADER, digest));
                    }
                } else {
                    a = new Authentication.Unknown(type, bytes(in, data, authLen - AUTH_HEADER));
                }
            }
            if (bad != null) return bad;
            authentication = Optional.of(a);
        }
        return new DecodeResult.Decoded(new ControlPacket(
                new Diagnostic(b0 & DIAG_MASK), state,
                (flags & FLAG_POLL) != 0, (flags & FLAG_FINAL) != 0, (flags & FLAG_CPI) != 0, (flags & FLAG_DEMAND) != 0,
                detectMult, my, your, in.getUnsignedInt(at + 12), in.getUnsignedInt(at + 16), in.getUnsignedInt(at + 20),
                authentication));
    }

    private static byte[] bytes(ByteBuf in, int from, int n) {
        byte[] b = new byte[n];
        in.getBytes(from, b);
        return b;
    }

    private static DecodeResult.Malformed malformed(DropReason reason, String detail) {
        return new DecodeResult.Malformed(reason, detail);
    }
}
