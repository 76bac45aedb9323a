package io.proxima.bgp.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * What the codec promises for any input octets, checked by the hostile-input test and the Jazzer
 * fuzz target alike:
 * <ol>
 *   <li>{@link MessageDecoder#decode} returns a value and never throws (malformed input is a value,
 *       STYLE.md rule 3);</li>
 *   <li>a {@link DecodeResult.Decoded} message re-encodes with {@link MessageEncoder#toBytes} under
 *       the same session facts, and those octets decode, all of them, to an equal message;</li>
 *   <li>encoding is stable: the re-decoded message encodes to the same octets again.</li>
 * </ol>
 * The re-encoding is not required to equal the received octets: RFC 9072 allows the extended OPEN
 * parameter format where the short one would do, and the encoder picks the short one. Values are
 * compared instead; {@link Prefix} equality already ignores bits beyond the prefix length.
 */
final class DecodeContract {

    /** A message for which no decoded value re-decodes equal: the codec is asymmetric. */
    static final class Broken extends AssertionError {
        Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Set<Family> UNICAST = Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    /** The session-fact combinations every corpus file is decoded with. */
    static final SessionFacts[] FACTS = {
        SessionFacts.RFC4271,
        SessionFacts.AS4,
        SessionFacts.AS4.withAddPath(UNICAST),
        SessionFacts.AS4.withExtendedMessage(true),
    };

    private DecodeContract() {
    }

    /** Session facts from the bits of one octet, so that a fuzzer can reach every combination. */
    static SessionFacts factsFromOctet(int b) {
        Set<Family> addPath = new HashSet<>();
        if ((b & 0x02) != 0) addPath.add(Family.IPV4_UNICAST);
        if ((b & 0x04) != 0) addPath.add(Family.IPV6_UNICAST);
        return new SessionFacts((b & 0x01) != 0, addPath, (b & 0x08) != 0, (b & 0x10) != 0);
    }

    /**
     * Decodes the message at the reader index and checks the contract; a throw from the codec
     * propagates unchanged, a broken round trip is a {@link Broken}.
     */
    static DecodeResult decode(ByteBuf in, SessionFacts facts) {
        DecodeResult r = MessageDecoder.decode(in, facts);
        if (r == null) throw new Broken("decode returned null", null);
        if (r instanceof DecodeResult.Decoded d) roundTrip(d.message(), facts);
        return r;
    }

    /** Checks rules 2 and 3 for one decoded message. */
    static void roundTrip(BgpMessage m, SessionFacts facts) {
        byte[] once;
        try {
            once = MessageEncoder.toBytes(m, facts);
        } catch (RuntimeException e) {
            throw new Broken("decoded " + describe(m) + " does not re-encode under " + facts + ": " + e, e);
        }
        ByteBuf again = Unpooled.wrappedBuffer(once);
        DecodeResult r = MessageDecoder.decode(again, facts);
        if (!(r instanceof DecodeResult.Decoded d)) {
            throw new Broken("re-encoded " + describe(m) + " does not decode: " + r + "\n  octets " + hex(once, 256), null);
        }
        if (again.isReadable()) {
            throw new Broken("re-encoded " + describe(m) + " leaves " + again.readableBytes() + " octets unread", null);
        }
        if (!d.message().equals(m)) {
            throw new Broken("re-encoded message decodes to a different value\n  first:  " + m
                    + "\n  second: " + d.message() + "\n  octets " + hex(once, 256), null);
        }
        byte[] twice = MessageEncoder.toBytes(d.message(), facts);
        if (!Arrays.equals(once, twice)) {
            throw new Broken("encoding is not stable for " + describe(m) + "\n  first:  " + hex(once, 256)
                    + "\n  second: " + hex(twice, 256), null);
        }
    }

    private static String describe(BgpMessage m) {
        String s = m.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** The first {@code max} octets in hex, with the total length when cut. */
    static String hex(byte[] b, int max) {
        String h = HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(b.length, max));
        return b.length > max ? h + " ... (" + b.length + " octets)" : h;
    }
}
