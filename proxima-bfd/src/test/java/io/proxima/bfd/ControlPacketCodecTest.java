package io.proxima.bfd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-annotated control packets (RFC 5880 §4): golden vectors that decode to known values and
 * encode back to the same octets, and one vector per packet-level reception rule of §6.8.6.
 */
class ControlPacketCodecTest {

    /** An Up packet as BIRD sends it at 100 ms × 3. */
    static final String UP = String.join("",
            "20",          // Vers 1, Diag 0 (No Diagnostic)
            "c0",          // Sta 3 (Up), P F C A D M all 0
            "03",          // Detect Mult 3
            "18",          // Length 24
            "0a0a0a0a",    // My Discriminator
            "0b0b0b0b",    // Your Discriminator
            "000186a0",    // Desired Min TX Interval 100,000 µs
            "000186a0",    // Required Min RX Interval 100,000 µs
            "00000000");   // Required Min Echo RX Interval 0

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    @Test
    void anUpPacketDecodesAndEncodesBack() {
        ControlPacket p = decoded(hex(UP));
        assertThat(p).isEqualTo(new ControlPacket(Diagnostic.NONE, SessionState.UP, false, false, false, false, 3,
                0x0a0a0a0a, 0x0b0b0b0b, 100_000, 100_000, 0, Optional.empty()));
        assertThat(p.length()).isEqualTo(24);
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(hex(UP));
    }

    @Test
    void everyFlagAndTheDiagnosticHaveTheirBits() {
        byte[] b = hex(
                "27",          // Vers 1, Diag 7 (Administratively Down)
                "3a",          // Sta 0 (AdminDown), P 1, F 1, C 1, A 0, D 1, M 0
                "ff", "18", "ffffffff", "00000000",
                "ffffffff",    // intervals are unsigned 32 bits
                "00000001", "0000ea60");
        ControlPacket p = decoded(b);
        assertThat(p.diagnostic()).isEqualTo(Diagnostic.ADMINISTRATIVELY_DOWN);
        assertThat(p.state()).isEqualTo(SessionState.ADMIN_DOWN);
        assertThat(p.poll()).isTrue();
        assertThat(p.fin()).isTrue();
        assertThat(p.controlPlaneIndependent()).isTrue();
        assertThat(p.demand()).isTrue();
        assertThat(p.detectMult()).isEqualTo(255);
        assertThat(ControlPacket.discriminator(p.myDiscriminator())).isEqualTo("4294967295");
        assertThat(p.desiredMinTxMicros()).isEqualTo(0xFFFF_FFFFL);
        assertThat(p.requiredMinEchoRxMicros()).isEqualTo(60_000);
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(b);
    }

    @Test
    void aReservedDiagnosticSurvivesTheRoundTrip() {
        byte[] b = hex("3f", "40", "03", "18", "00000001", "00000000", "000f4240", "000f4240", "00000000");
        ControlPacket p = decoded(b);
        assertThat(p.diagnostic().code()).isEqualTo(31);
        assertThat(p.diagnostic().describe()).isEqualTo("Reserved (31)");
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(b);
    }

    @Test
    void bytesAfterLengthAreNotPartOfThePacket() {
        ControlPacket p = decoded(hex(UP, "deadbeef"));
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(hex(UP));
    }

    // ---- the Authentication Section (§4.2–§4.4) ----

    @Test
    void simplePassword() {
        byte[] b = hex("20", "c4", "03", "1e",    // A bit; Length 30 = 24 + 6
                "0a0a0a0a", "0b0b0b0b", "000186a0", "000186a0", "00000000",
                "01",          // Auth Type 1: Simple Password
                "06",          // Auth Len 6 = 3 + 3 password bytes
                "05",          // Auth Key ID 5
                "616263");     // "abc"
        ControlPacket p = decoded(b);
        assertThat(p.authentication()).contains(new Authentication.SimplePassword(5, "abc".getBytes()));
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(b);
    }

    @Test
    void keyedSha1() {
        byte[] b = hex("20", "c4", "03", "34",    // Length 52 = 24 + 28
                "0a0a0a0a", "0b0b0b0b", "000186a0", "000186a0", "00000000",
                "05",          // Auth Type 5: Meticulous Keyed SHA1
                "1c",          // Auth Len 28
                "02",          // Auth Key ID
                "00",          // Reserved
                "80000001",    // Sequence Number (unsigned)
                "000102030405060708090a0b0c0d0e0f10111213"); // 20-byte hash
        ControlPacket p = decoded(b);
        Authentication.KeyedDigest k = (Authentication.KeyedDigest) p.authentication().orElseThrow();
        assertThat(k.type()).isEqualTo(Authentication.METICULOUS_KEYED_SHA1);
        assertThat(k.meticulous()).isTrue();
        assertThat(k.sequence()).isEqualTo(0x8000_0001L);
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(b);
    }

    @Test
    void keyedMd5() {
        byte[] b = hex("20", "c4", "03", "30",    // Length 48 = 24 + 24
                "0a0a0a0a", "0b0b0b0b", "000186a0", "000186a0", "00000000",
                "02", "18", "01", "00", "00000007", "00112233445566778899aabbccddeeff");
        ControlPacket p = decoded(b);
        assertThat(p.authentication().orElseThrow().type()).isEqualTo(Authentication.KEYED_MD5);
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(b);
    }

    @Test
    void anUnknownAuthTypeRoundTrips() {
        byte[] b = hex("20", "c4", "03", "1c", "0a0a0a0a", "0b0b0b0b", "000186a0", "000186a0", "00000000",
                "63", "04", "beef");   // Auth Type 99, Auth Len 4
        ControlPacket p = decoded(b);
        assertThat(p.authentication().orElseThrow()).isInstanceOf(Authentication.Unknown.class);
        assertThat(ControlPacketEncoder.toBytes(p)).isEqualTo(b);
    }

    // ---- §6.8.6, one vector per rule, in the RFC's order ----

    static Stream<Arguments> receptionRules() {
        String rest = "0a0a0a0a 0b0b0b0b 000186a0 000186a0 00000000";
        return Stream.of(
                Arguments.of("version 0", hex("00 c0 03 18", rest), DropReason.VERSION),
                Arguments.of("version 2", hex("40 c0 03 18", rest), DropReason.VERSION),
                Arguments.of("Length 23", hex("20 c0 03 17", rest), DropReason.LENGTH_TOO_SMALL),
                Arguments.of("Length 0", hex("20 c0 03 00", rest), DropReason.LENGTH_TOO_SMALL),
                Arguments.of("A bit with Length 25", hex("20 c4 03 19", rest, "01"), DropReason.LENGTH_TOO_SMALL),
                Arguments.of("Length 28 in a 24-byte datagram", hex("20 c0 03 1c", rest), DropReason.LENGTH_BEYOND_PAYLOAD),
                Arguments.of("datagram of 3 bytes", hex("20 c0 03"), DropReason.LENGTH_BEYOND_PAYLOAD),
                Arguments.of("datagram of 20 bytes", hex("20 c0 03 18 0a0a0a0a 0b0b0b0b 000186a0 000186a0"), DropReason.LENGTH_BEYOND_PAYLOAD),
                Arguments.of("empty datagram", hex(""), DropReason.LENGTH_BEYOND_PAYLOAD),
                Arguments.of("Detect Mult 0", hex("20 c0 00 18", rest), DropReason.DETECT_MULT_ZERO),
                Arguments.of("M bit", hex("20 c1 03 18", rest), DropReason.MULTIPOINT),
                Arguments.of("My Discriminator 0", hex("20 c0 03 18 00000000 0b0b0b0b 000186a0 000186a0 00000000"), DropReason.MY_DISCRIMINATOR_ZERO),
                Arguments.of("Your Discriminator 0 in Up", hex("20 c0 03 18 0a0a0a0a 00000000 000186a0 000186a0 00000000"), DropReason.YOUR_DISCRIMINATOR_ZERO),
                Arguments.of("Your Discriminator 0 in Init", hex("20 80 03 18 0a0a0a0a 00000000 000186a0 000186a0 00000000"), DropReason.YOUR_DISCRIMINATOR_ZERO),
                Arguments.of("Auth Len 1", hex("20 c4 03 1a", rest, "01 01"), DropReason.AUTH_MALFORMED),
                Arguments.of("Auth Len beyond Length", hex("20 c4 03 1e", rest, "01 07 05 616263 00"), DropReason.AUTH_MALFORMED),
                Arguments.of("password of 0 bytes", hex("20 c4 03 1b", rest, "01 03 05"), DropReason.AUTH_MALFORMED),
                Arguments.of("password of 17 bytes", hex("20 c4 03 2c", rest, "01 14 05", "61".repeat(17)), DropReason.AUTH_MALFORMED),
                Arguments.of("SHA1 with Auth Len 24", hex("20 c4 03 30", rest, "04 18 01 00 00000001", "00".repeat(16)), DropReason.AUTH_MALFORMED),
                Arguments.of("MD5 with Auth Len 28", hex("20 c4 03 34", rest, "02 1c 01 00 00000001", "00".repeat(20)), DropReason.AUTH_MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receptionRules")
    void eachReceptionRuleDropsWithItsReason(String what, byte[] datagram, DropReason expected) {
        DecodeResult r = ControlPacketDecoder.decode(datagram);
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Malformed.class, m -> assertThat(m.reason()).isEqualTo(expected));
    }

    @Test
    void yourDiscriminatorZeroIsValidInDownAndAdminDown() {
        assertThat(decoded(hex("20 40 03 18 0a0a0a0a 00000000 000f4240 000186a0 00000000")).state()).isEqualTo(SessionState.DOWN);
        assertThat(decoded(hex("27 00 03 18 0a0a0a0a 00000000 000f4240 000186a0 00000000")).state()).isEqualTo(SessionState.ADMIN_DOWN);
    }

    @Test
    void theDecoderDoesNotMoveTheReaderIndex() {
        var buf = io.netty.buffer.Unpooled.wrappedBuffer(hex(UP));
        ControlPacketDecoder.decode(buf);
        assertThat(buf.readerIndex()).isZero();
    }

    static ControlPacket decoded(byte[] b) {
        DecodeResult r = ControlPacketDecoder.decode(b);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).packet();
    }
}
