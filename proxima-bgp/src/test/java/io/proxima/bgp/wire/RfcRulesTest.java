package io.proxima.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Aggregator;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.AtomicAggregate;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden vectors, one per RFC rule: each message is written out octet by octet, one field a line,
 * and decoded; the test checks the NOTIFICATION code, subcode and data the RFC prescribes and the
 * RFC 7606 disposition. The header's Length field is checked against the octets written, so a slip
 * in an annotation fails loudly instead of testing something else.
 *
 * <p>Shared values: AS 65000 (fde8), next hop and BGP Identifier 192.0.2.1 (c0000201), announced
 * 198.51.100.0/24 (18 c63364), withdrawn 203.0.113.0/24 (18 cb0071), IPv6 2001:db8::/32.
 */
class RfcRulesTest {

    private static final Nlri ANNOUNCED = Nlri.of("198.51.100.0/24");
    private static final Nlri WITHDRAWN = Nlri.of("203.0.113.0/24");
    private static final Nlri V6 = Nlri.of("2001:db8::/32");

    // ---- helpers -------------------------------------------------------------------------------

    /** Parses a byte-annotated block: drops everything from '#' to the end of each line, and all whitespace. */
    static byte[] hex(String annotated) {
        StringBuilder sb = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int hash = line.indexOf('#');
            sb.append(hash < 0 ? line : line.substring(0, hash));
        }
        return HexFormat.of().parseHex(sb.toString().replaceAll("\\s+", ""));
    }

    /** A whole message; its header Length field must equal the number of octets written. */
    static byte[] message(String annotated) {
        byte[] b = hex(annotated);
        assertThat(b.length).as("message shorter than a header").isGreaterThanOrEqualTo(BgpMessage.HEADER_LENGTH);
        int declared = ((b[BgpMessage.MARKER_LENGTH] & 0xFF) << 8) | (b[BgpMessage.MARKER_LENGTH + 1] & 0xFF);
        assertThat(declared).as("header Length field vs. octets written (annotation mistake?)").isEqualTo(b.length);
        return b;
    }

    /** Decodes, and checks that the decoder consumed exactly the message, whatever the outcome. */
    static DecodeResult decode(byte[] wire, SessionFacts facts) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        DecodeResult r = MessageDecoder.decode(in, facts);
        assertThat(in.readableBytes()).as("octets left over").isZero();
        return r;
    }

    static MessageError error(byte[] wire, SessionFacts facts) {
        DecodeResult r = decode(wire, facts);
        assertThat(r).as("decode result").isInstanceOf(MessageError.class);
        return (MessageError) r;
    }

    static MessageError error(byte[] wire) {
        return error(wire, SessionFacts.RFC4271);
    }

    static <T extends BgpMessage> T decoded(byte[] wire, SessionFacts facts, Class<T> kind) {
        DecodeResult r = decode(wire, facts);
        assertThat(r).as("decode result").isInstanceOf(DecodeResult.Decoded.class);
        BgpMessage m = ((DecodeResult.Decoded) r).message();
        assertThat(m).isInstanceOf(kind);
        return kind.cast(m);
    }

    /** A session reset: code, subcode and NOTIFICATION data, no salvaged routes. */
    static void assertReset(MessageError e, int code, int subcode, String dataHex) {
        assertThat(e.disposition()).as("disposition of %s", e).isEqualTo(Disposition.SESSION_RESET);
        assertThat(e.code()).as("code of %s", e).isEqualTo(code);
        assertThat(e.subcode()).as("subcode of %s", e).isEqualTo(subcode);
        assertThat(e.data()).as("data of %s", e).isEqualTo(Octets.fromHex(dataHex));
        assertThat(e.notification()).isEqualTo(new Notification(code, subcode, Octets.fromHex(dataHex)));
        assertThat(e.treatAsWithdraw()).isEmpty();
    }

    /** Treat-as-withdraw: UPDATE Message Error, every announced route withdrawn, the UPDATE salvaged. */
    static Update assertTreatAsWithdraw(MessageError e, int subcode, String dataHex, Nlri... withdrawn) {
        assertThat(e.disposition()).as("disposition of %s", e).isEqualTo(Disposition.TREAT_AS_WITHDRAW);
        assertThat(e.disposition().keepsSession()).isTrue();
        assertThat(e.code()).isEqualTo(ErrorCode.UPDATE_MESSAGE);
        assertThat(e.subcode()).as("subcode of %s", e).isEqualTo(subcode);
        assertThat(e.data()).as("data of %s", e).isEqualTo(Octets.fromHex(dataHex));
        assertThat(e.treatAsWithdraw()).containsExactly(withdrawn);
        assertThat(e.update()).as("salvaged update").isNotNull();
        return e.update();
    }

    /** Attribute discard: the session stays, nothing is withdrawn, the UPDATE is kept without the attribute. */
    static Update assertDiscard(MessageError e, int subcode, String dataHex) {
        assertThat(e.disposition()).as("disposition of %s", e).isEqualTo(Disposition.ATTRIBUTE_DISCARD);
        assertThat(e.disposition().keepsSession()).isTrue();
        assertThat(e.code()).isEqualTo(ErrorCode.UPDATE_MESSAGE);
        assertThat(e.subcode()).as("subcode of %s", e).isEqualTo(subcode);
        assertThat(e.data()).as("data of %s", e).isEqualTo(Octets.fromHex(dataHex));
        assertThat(e.treatAsWithdraw()).isEmpty();
        assertThat(e.update()).as("salvaged update").isNotNull();
        assertThat(e.update().nlri()).containsExactly(ANNOUNCED);
        return e.update();
    }

    // ---- RFC 4271 §6.1 -------------------------------------------------------------------------

    @Nested
    @DisplayName("RFC 4271 §6.1 Message Header")
    class MessageHeader {

        @Test
        @DisplayName("RFC 4271 §6.1: a marker that is not all ones is Connection Not Synchronized (1/1)")
        void badMarker() {
            byte[] wire = message("""
                    fffffffffffffffffffffffffffffffe  # marker, last octet wrong
                    0013 04                           # length 19, KEEPALIVE
                    """);
            assertReset(error(wire), 1, 1, "");
        }

        @Test
        @DisplayName("RFC 4271 §6.1: Length 18 is Bad Message Length (1/2), data = the Length field")
        void lengthBelowHeader() {
            // The Length field is the error here, so it cannot match the 19 octets written.
            byte[] wire = hex("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0012 04                           # length 18: less than the 19-octet header
                    """);
            assertReset(error(wire), 1, 2, "0012");
        }

        /** An UPDATE of 4097 octets: one more than RFC 4271 §4.1 allows without RFC 8654. */
        private static byte[] update4097() {
            String head = """
                    ffffffffffffffffffffffffffffffff  # marker
                    1001 02                           # length 4097, UPDATE
                    0000                              # withdrawn routes length 0
                    0fe6                              # total path attribute length 4070
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    d0 c8 0fd0                        # type 200, optional transitive, extended length 4048:
                    """;
            String tail = """
                    18 c63364                         # NLRI 198.51.100.0/24
                    """;
            return message(head + "00".repeat(4048) + "  # the 4048 value octets\n" + tail);
        }

        @Test
        @DisplayName("RFC 4271 §6.1: Length 4097 is Bad Message Length (1/2) without the Extended Message capability")
        void lengthAbove4096() {
            assertReset(error(update4097()), 1, 2, "1001");
        }

        @Test
        @DisplayName("RFC 8654 §4: Length 4097 is accepted once Extended Message is negotiated")
        void lengthAbove4096WithExtendedMessage() {
            Update u = decoded(update4097(), SessionFacts.RFC4271.withExtendedMessage(true), Update.class);
            assertThat(u.nlri()).containsExactly(ANNOUNCED);
            assertThat(u.get(UnknownAttribute.class).value().length()).isEqualTo(4048);
        }

        @Test
        @DisplayName("RFC 4271 §6.1: a KEEPALIVE of length 20 is Bad Message Length (1/2)")
        void keepaliveOfTwenty() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0014 04                           # length 20, KEEPALIVE: must be exactly 19
                    00                                # one octet too many
                    """);
            assertReset(error(wire), 1, 2, "0014");
        }

        @Test
        @DisplayName("RFC 4271 §6.1: an OPEN shorter than 29 octets is Bad Message Length (1/2)")
        void shortOpen() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001c 01                           # length 28, OPEN: the minimum is 29
                    04                                # version 4
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                                                      # Opt Parm Len missing
                    """);
            assertReset(error(wire), 1, 2, "001c");
        }

        @Test
        @DisplayName("RFC 4271 §6.1: an UPDATE shorter than 23 octets is Bad Message Length (1/2)")
        void shortUpdate() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0016 02                           # length 22, UPDATE: the minimum is 23
                    0000                              # withdrawn routes length 0
                    00                                # half a total path attribute length
                    """);
            assertReset(error(wire), 1, 2, "0016");
        }

        @Test
        @DisplayName("RFC 4271 §6.1: a NOTIFICATION shorter than 21 octets is Bad Message Length (1/2)")
        void shortNotification() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0014 03                           # length 20, NOTIFICATION: the minimum is 21
                    06                                # error code, but no subcode
                    """);
            assertReset(error(wire), 1, 2, "0014");
        }

        @Test
        @DisplayName("RFC 4271 §6.1: unknown type 7 is Bad Message Type (1/3), data = the type octet")
        void unknownType() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0013 07                           # length 19, type 7: not defined
                    """);
            assertReset(error(wire), 1, 3, "07");
        }
    }

    // ---- RFC 4271 §6.2 -------------------------------------------------------------------------

    @Nested
    @DisplayName("RFC 4271 §6.2 OPEN Message")
    class OpenMessage {

        @Test
        @DisplayName("RFC 4271 §6.2: version 3 is Unsupported Version Number (2/1), data = 0004")
        void version3() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001d 01                           # length 29, OPEN
                    03                                # version 3
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    00                                # no optional parameters
                    """);
            // The smallest supported version is above the bid, so the data is that version, 2 octets.
            assertReset(error(wire), 2, 1, "0004");
        }

        @ParameterizedTest(name = "hold time {0}")
        @ValueSource(ints = {1, 2})
        @DisplayName("RFC 4271 §6.2: hold time 1 or 2 is Unacceptable Hold Time (2/6)")
        void holdTimeOneOrTwo(int hold) {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001d 01                           # length 29, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    %04x                              # hold time: 1 or 2 seconds MUST be rejected
                    c0000201                          # BGP Identifier 192.0.2.1
                    00                                # no optional parameters
                    """.formatted(hold));
            assertReset(error(wire), 2, 6, "");
        }

        @ParameterizedTest(name = "hold time {0}")
        @ValueSource(ints = {0, 3})
        @DisplayName("RFC 4271 §4.2: hold time 0 or 3 is accepted")
        void holdTimeZeroOrThree(int hold) {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001d 01                           # length 29, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    %04x                              # hold time: 0 (no keepalives) or at least 3
                    c0000201                          # BGP Identifier 192.0.2.1
                    00                                # no optional parameters
                    """.formatted(hold));
            Open o = decoded(wire, SessionFacts.RFC4271, Open.class);
            assertThat(o.holdTime()).isEqualTo(hold);
            assertThat(o.myAs()).isEqualTo(65000);
            assertThat(o.bgpIdentifier()).isEqualTo(IpAddress.parse("192.0.2.1"));
            assertThat(o.parameters()).isEmpty();
        }

        @Test
        @DisplayName("RFC 4271 §6.2, RFC 6286 §2.2: BGP Identifier 0.0.0.0 is Bad BGP Identifier (2/3)")
        void identifierZero() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001d 01                           # length 29, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    00000000                          # BGP Identifier 0.0.0.0
                    00                                # no optional parameters
                    """);
            assertReset(error(wire), 2, 3, "");
        }

        @Test
        @DisplayName("RFC 4271 §6.2: optional parameter type 1 is Unsupported Optional Parameter (2/4)")
        void unknownOptionalParameter() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001f 01                           # length 31, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    02                                # optional parameters length 2
                    01 00                             # parameter type 1 (deprecated authentication), length 0
                    """);
            assertReset(error(wire), 2, 4, "");
        }

        @Test
        @DisplayName("RFC 7607 §2: My AS 0 is Bad Peer AS (2/2)")
        void myAsZero() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001d 01                           # length 29, OPEN
                    04                                # version 4
                    0000                              # My AS 0
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    00                                # no optional parameters
                    """);
            assertReset(error(wire), 2, 2, "");
        }

        @Test
        @DisplayName("RFC 7607 §2: a 4-octet AS capability carrying AS 0 is Bad Peer AS (2/2)")
        void fourOctetAsZero() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0025 01                           # length 37, OPEN
                    04                                # version 4
                    5ba0                              # My AS 23456 (AS_TRANS)
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    08                                # optional parameters length 8
                    02 06                             # Capabilities, length 6
                    41 04 00000000                    # 4-octet AS (65), length 4: AS 0
                    """);
            assertReset(error(wire), 2, 2, "");
        }

        @Test
        @DisplayName("RFC 5492 §4: a capability overrunning its parameter is OPEN Message Error (2/0)")
        void capabilityOverrunsParameter() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0025 01                           # length 37, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    08                                # optional parameters length 8
                    02 06                             # Capabilities, length 6
                    41 05 0000fde8                    # 4-octet AS, length 5: only 4 octets left
                    """);
            assertReset(error(wire), 2, 0, "");
        }

        @Test
        @DisplayName("RFC 6793 §3: a 4-octet AS capability of length 2 is OPEN Message Error (2/0)")
        void capabilityWrongLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0023 01                           # length 35, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    06                                # optional parameters length 6
                    02 04                             # Capabilities, length 4
                    41 02 fde8                        # 4-octet AS, length 2 (must be 4)
                    """);
            assertReset(error(wire), 2, 0, "");
        }

        @Test
        @DisplayName("RFC 9072 §2: extended optional parameters (Opt Parm Len 255, type 255) decode")
        void extendedOptionalParameters() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002f 01                           # length 47, OPEN
                    04                                # version 4
                    fde8                              # My AS 65000
                    00b4                              # hold time 180
                    c0000201                          # BGP Identifier 192.0.2.1
                    ff                                # Non-Ext OP Len 255
                    ff                                # Non-Ext OP Type 255: the extended format follows
                    000f                              # Extended Opt. Parm. Length 15
                    02 000c                           # Capabilities, 2-octet length 12
                    01 04 0001 00 01                  # Multiprotocol, length 4: IPv4 unicast
                    41 04 0000fde8                    # 4-octet AS, length 4: 65000
                    """);
            Open o = decoded(wire, SessionFacts.RFC4271, Open.class);
            assertThat(o.capabilities()).containsExactly(new Multiprotocol(Family.IPV4_UNICAST), new FourOctetAs(65000));
            assertThat(o.asn()).isEqualTo(65000);
        }
    }

    // ---- RFC 4271 §6.3 -------------------------------------------------------------------------

    @Nested
    @DisplayName("RFC 4271 §6.3 UPDATE Message")
    class UpdateMessage {

        @Test
        @DisplayName("RFC 4271 §6.3: Withdrawn Routes Length overrunning the message is Malformed Attribute List (3/1)")
        void withdrawnLengthOverrun() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001b 02                           # length 27, UPDATE
                    0010                              # withdrawn routes length 16: only 6 octets follow
                    18 cb0071                         # withdrawn 203.0.113.0/24
                    0000                              # total path attribute length 0
                    """);
            assertReset(error(wire), 3, 1, "");
        }

        @Test
        @DisplayName("RFC 4271 §6.3: Total Path Attribute Length overrunning the message is Malformed Attribute List (3/1)")
        void attributeLengthOverrun() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002d 02                           # length 45, UPDATE
                    0000                              # withdrawn routes length 0
                    0030                              # total path attribute length 48: only 22 octets follow
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertReset(error(wire), 3, 1, "");
        }

        @Test
        @DisplayName("RFC 4271 §6.3: an unrecognized well-known attribute is 3/2, session reset, data = the attribute")
        void unrecognizedWellKnown() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0032 02                           # length 50, UPDATE
                    0000                              # withdrawn routes length 0
                    0017                              # total path attribute length 23
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    40 63 02 abcd                     # type 99 with the Optional bit clear: well-known, unknown
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            MessageError e = error(wire);
            assertReset(e, 3, 2, "406302abcd");
            assertThat(e.update()).isNull();
        }

        @Test
        @DisplayName("RFC 4271 §6.3, RFC 7606 §5.3: prefix length 33 in the NLRI is Invalid Network Field (3/10), session reset")
        void nlriPrefixTooLong() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0033 02                           # length 51, UPDATE
                    0000                              # withdrawn routes length 0
                    0012                              # total path attribute length 18
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    21 c633640000                     # NLRI of length 33: longer than an IPv4 address
                    """);
            MessageError e = error(wire);
            assertReset(e, 3, 10, "");
            // Kept for diagnostics only: the routes before the bad one.
            assertThat(e.update().nlri()).containsExactly(ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 4271 §6.3, RFC 7606 §5.3: prefix length 33 in the withdrawn routes is Invalid Network Field (3/10)")
        void withdrawnPrefixTooLong() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001d 02                           # length 29, UPDATE
                    0006                              # withdrawn routes length 6
                    21 cb00710000                     # withdrawn of length 33
                    0000                              # total path attribute length 0
                    """);
            assertReset(error(wire), 3, 10, "");
        }
    }

    // ---- RFC 7606 §3, §4, §5 -------------------------------------------------------------------

    @Nested
    @DisplayName("RFC 7606 §3-§5 general rules")
    class Rfc7606General {

        @Test
        @DisplayName("RFC 7606 §3 (c): ORIGIN with the Optional bit is Attribute Flags Error (3/4), treat-as-withdraw")
        void originFlagsConflict() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002d 02                           # length 45, UPDATE
                    0000                              # withdrawn routes length 0
                    0012                              # total path attribute length 18
                    c0 01 01 00                       # ORIGIN with flags 0xc0: Optional set on a well-known attribute
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            MessageError e = error(wire);
            assertTreatAsWithdraw(e, 4, "c0010100", ANNOUNCED);
            assertThat(e.errors()).isEqualTo(1);
        }

        @Test
        @DisplayName("RFC 7606 §3 (c), §7.7: AGGREGATOR with well-known flags is discarded (3/4)")
        void aggregatorFlagsConflict() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0036 02                           # length 54, UPDATE
                    0000                              # withdrawn routes length 0
                    001b                              # total path attribute length 27
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    40 07 06 fde8 c0000201            # AGGREGATOR with flags 0x40: must be optional transitive
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = assertDiscard(error(wire), 4, "400706fde8c0000201");
            assertThat(u.get(Aggregator.class)).isNull();
        }

        @Test
        @DisplayName("RFC 7606 §3 (d): missing ORIGIN is Missing Well-known Attribute (3/3), data = 01, treat-as-withdraw")
        void missingOrigin() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0029 02                           # length 41, UPDATE
                    0000                              # withdrawn routes length 0
                    000e                              # total path attribute length 14
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            MessageError e = error(wire);
            assertTreatAsWithdraw(e, 3, "01", ANNOUNCED);
            assertThat(e.errors()).isEqualTo(1);
        }

        @Test
        @DisplayName("RFC 7606 §3 (d): missing AS_PATH is Missing Well-known Attribute (3/3), data = 02, treat-as-withdraw")
        void missingAsPath() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0026 02                           # length 38, UPDATE
                    0000                              # withdrawn routes length 0
                    000b                              # total path attribute length 11
                    40 01 01 00                       # ORIGIN IGP
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 3, "02", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §3 (d): missing NEXT_HOP with IPv4 NLRI is Missing Well-known Attribute (3/3), data = 03")
        void missingNextHop() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0026 02                           # length 38, UPDATE
                    0000                              # withdrawn routes length 0
                    000b                              # total path attribute length 11
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 3, "03", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §3 (d), RFC 4760 §3: NEXT_HOP is not required when only MP_REACH_NLRI announces")
        void nextHopNotNeededForMpReach() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    003f 02                           # length 63, UPDATE
                    0000                              # withdrawn routes length 0
                    0028                              # total path attribute length 40
                    80 0e 1a                          # MP_REACH_NLRI, optional, length 26
                    0002 01                           #   AFI IPv6, SAFI unicast
                    10 20010db8000000000000000000000001  # next hop length 16: 2001:db8::1
                    00                                #   reserved
                    20 20010db8                       #   NLRI 2001:db8::/32
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                                                      # no NEXT_HOP, no NLRI field
                    """);
            Update u = decoded(wire, SessionFacts.RFC4271, Update.class);
            assertThat(u.get(NextHop.class)).isNull();
            assertThat(u.announced()).containsExactly(V6);
            assertThat(u.get(MpReachNlri.class).nextHopAddress()).isEqualTo(IpAddress.parse("2001:db8::1"));
        }

        @Test
        @DisplayName("RFC 7606 §3 (g): a repeated ORIGIN is discarded (3/1) and the first one kept")
        void duplicateAttribute() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0031 02                           # length 49, UPDATE
                    0000                              # withdrawn routes length 0
                    0016                              # total path attribute length 22
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    40 01 01 02                       # ORIGIN INCOMPLETE: a second ORIGIN
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = assertDiscard(error(wire), 1, "40010102");
            assertThat(u.attributes()).filteredOn(a -> a instanceof Origin).hasSize(1);
            assertThat(u.get(Origin.class).value()).isEqualTo(Origin.IGP);
        }

        @Test
        @DisplayName("RFC 7606 §3 (g): a repeated MP_REACH_NLRI is Malformed Attribute List (3/1), session reset")
        void duplicateMpReach() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0057 02                           # length 87, UPDATE
                    0000                              # withdrawn routes length 0
                    0040                              # total path attribute length 64
                    80 0e 1a                          # MP_REACH_NLRI, length 26
                    0002 01                           #   AFI IPv6, SAFI unicast
                    10 20010db8000000000000000000000001  # next hop length 16: 2001:db8::1
                    00                                #   reserved
                    20 20010db8                       #   NLRI 2001:db8::/32
                    80 0e 15                          # MP_REACH_NLRI again, length 21
                    0002 01                           #   AFI IPv6, SAFI unicast
                    10 20010db8000000000000000000000001  # next hop length 16: 2001:db8::1
                    00                                #   reserved, no NLRI
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    """);
            MessageError e = error(wire);
            assertReset(e, 3, 1, "");
            assertThat(e.update()).isNull();
        }

        @Test
        @DisplayName("RFC 7606 §4: an attribute overrunning the attribute list is treat-as-withdraw; the NLRI is still found")
        void attributeOverrunsList() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0034 02                           # length 52, UPDATE
                    0000                              # withdrawn routes length 0
                    0019                              # total path attribute length 25
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    80 04 08 00000064                 # MULTI_EXIT_DISC, length 8: only 4 octets left in the list
                    18 c63364                         # NLRI 198.51.100.0/24, found by the total length
                    """);
            Update u = assertTreatAsWithdraw(error(wire), 5, "", ANNOUNCED);
            assertThat(u.nlri()).containsExactly(ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §4: two octets too few for an attribute header are treat-as-withdraw (3/1)")
        void attributeHeaderTruncated() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002f 02                           # length 47, UPDATE
                    0000                              # withdrawn routes length 0
                    0014                              # total path attribute length 20
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    80 04                             # flags and type, but no length octet
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 1, "", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §3 (h): with several errors the strongest disposition wins and all are counted")
        void strongestWins() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0041 02                           # length 65, UPDATE
                    0000                              # withdrawn routes length 0
                    0026                              # total path attribute length 38
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    40 06 01 00                       # ATOMIC_AGGREGATE, length 1: attribute discard
                    80 04 03 000064                   # MULTI_EXIT_DISC, length 3: treat-as-withdraw
                    c0 07 07 fde8 c0000201 00         # AGGREGATOR, length 7: attribute discard
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            MessageError e = error(wire);
            // The first error of the strongest kind describes the message.
            Update u = assertTreatAsWithdraw(e, 5, "800403000064", ANNOUNCED);
            assertThat(e.errors()).isEqualTo(3);
            assertThat(u.get(AtomicAggregate.class)).isNull();
            assertThat(u.get(Aggregator.class)).isNull();
        }

        @Test
        @DisplayName("RFC 4271 §5, §9: an unknown optional transitive attribute is kept with its flags and octets")
        void unknownOptionalTransitiveKept() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0033 02                           # length 51, UPDATE
                    0000                              # withdrawn routes length 0
                    0018                              # total path attribute length 24
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    e0 c8 03 010203                   # type 200, optional transitive partial, length 3
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = decoded(wire, SessionFacts.RFC4271, Update.class);
            assertThat(u.get(UnknownAttribute.class)).isEqualTo(new UnknownAttribute(0xe0, 200, Octets.fromHex("010203")));
            assertThat(MessageEncoder.toBytes(u, SessionFacts.RFC4271)).isEqualTo(wire);
        }
    }

    // ---- RFC 7606 §7, per attribute ------------------------------------------------------------

    @Nested
    @DisplayName("RFC 7606 §7 and later RFCs: one rule per attribute")
    class PerAttribute {

        @Test
        @DisplayName("RFC 7606 §7.1: ORIGIN with length 2 is Attribute Length Error (3/5), treat-as-withdraw")
        void originLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002e 02                           # length 46, UPDATE
                    0000                              # withdrawn routes length 0
                    0013                              # total path attribute length 19
                    40 01 02 0000                     # ORIGIN, length 2 (must be 1)
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "40010200 00", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.1: ORIGIN value 3 is Invalid ORIGIN Attribute (3/6), treat-as-withdraw")
        void originValue() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002d 02                           # length 45, UPDATE
                    0000                              # withdrawn routes length 0
                    0012                              # total path attribute length 18
                    40 01 01 03                       # ORIGIN 3: undefined
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 6, "40010103", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.2: an AS_PATH segment overrunning the attribute is Malformed AS_PATH (3/11), treat-as-withdraw")
        void asPathSegmentOverrun() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002d 02                           # length 45, UPDATE
                    0000                              # withdrawn routes length 0
                    0012                              # total path attribute length 18
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 02 fde8               # AS_PATH: AS_SEQUENCE of 2, but one AS present
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 11, "40020402 02fde8", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.2: one octet left after the last AS_PATH segment is Malformed AS_PATH (3/11)")
        void asPathTrailingOctet() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002e 02                           # length 46, UPDATE
                    0000                              # withdrawn routes length 0
                    0013                              # total path attribute length 19
                    40 01 01 00                       # ORIGIN IGP
                    40 02 05 02 01 fde8 02            # AS_PATH: AS_SEQUENCE of 1: 65000, then a lone octet
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 11, "40020502 01fde802", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.2: an AS_PATH segment of length zero is Malformed AS_PATH (3/11)")
        void asPathZeroLengthSegment() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002b 02                           # length 43, UPDATE
                    0000                              # withdrawn routes length 0
                    0010                              # total path attribute length 16
                    40 01 01 00                       # ORIGIN IGP
                    40 02 02 02 00                    # AS_PATH: AS_SEQUENCE of 0
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 11, "4002020200", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.2: AS_PATH segment type 5 is Malformed AS_PATH (3/11)")
        void asPathUnknownSegmentType() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002d 02                           # length 45, UPDATE
                    0000                              # withdrawn routes length 0
                    0012                              # total path attribute length 18
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 05 01 fde8               # AS_PATH: segment type 5 (only 1 to 4 exist)
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 11, "40020405 01fde8", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7607 §2: AS 0 in AS_PATH is Malformed AS_PATH (3/11), treat-as-withdraw")
        void asPathAsZero() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002d 02                           # length 45, UPDATE
                    0000                              # withdrawn routes length 0
                    0012                              # total path attribute length 18
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 0000               # AS_PATH: AS_SEQUENCE of 1: AS 0
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 11, "40020402 010000", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.3: NEXT_HOP with length 5 is Attribute Length Error (3/5), treat-as-withdraw")
        void nextHopLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002e 02                           # length 46, UPDATE
                    0000                              # withdrawn routes length 0
                    0013                              # total path attribute length 19
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 05 c000020100               # NEXT_HOP, length 5 (must be 4)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "400305c000020100", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.4: MULTI_EXIT_DISC with length 3 is Attribute Length Error (3/5), treat-as-withdraw")
        void medLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0033 02                           # length 51, UPDATE
                    0000                              # withdrawn routes length 0
                    0018                              # total path attribute length 24
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    80 04 03 000064                   # MULTI_EXIT_DISC, length 3 (must be 4)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "800403000064", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.5: LOCAL_PREF with length 5 is Attribute Length Error (3/5), treat-as-withdraw")
        void localPrefLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0035 02                           # length 53, UPDATE
                    0000                              # withdrawn routes length 0
                    001a                              # total path attribute length 26
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    40 05 05 0000006400               # LOCAL_PREF, length 5 (must be 4)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "4005050000006400", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.6: ATOMIC_AGGREGATE with length 1 is discarded (3/5); the session and routes stay")
        void atomicAggregateLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0031 02                           # length 49, UPDATE
                    0000                              # withdrawn routes length 0
                    0016                              # total path attribute length 22
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    40 06 01 00                       # ATOMIC_AGGREGATE, length 1 (must be 0)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            MessageError e = error(wire);
            Update u = assertDiscard(e, 5, "40060100");
            assertThat(e.errors()).isEqualTo(1);
            assertThat(u.get(AtomicAggregate.class)).isNull();
            assertThat(u.attributes()).hasSize(3);
        }

        @Test
        @DisplayName("RFC 7606 §7.7: AGGREGATOR with length 7 on a 2-octet-AS session is discarded (3/5)")
        void aggregatorLength2Octet() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0037 02                           # length 55, UPDATE
                    0000                              # withdrawn routes length 0
                    001c                              # total path attribute length 28
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 07 07 fde8 c0000201 00         # AGGREGATOR, length 7 (must be 6)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = assertDiscard(error(wire, SessionFacts.RFC4271), 5, "c00707fde8c000020100");
            assertThat(u.get(Aggregator.class)).isNull();
        }

        @Test
        @DisplayName("RFC 7606 §7.7: AGGREGATOR with length 6 on a 4-octet-AS session is discarded (3/5)")
        void aggregatorLength4Octet() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0038 02                           # length 56, UPDATE
                    0000                              # withdrawn routes length 0
                    001d                              # total path attribute length 29
                    40 01 01 00                       # ORIGIN IGP
                    40 02 06 02 01 0000fde8           # AS_PATH: AS_SEQUENCE of 1: 65000, 4-octet
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 07 06 fde8 c0000201            # AGGREGATOR, length 6 (must be 8 here)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = assertDiscard(error(wire, SessionFacts.AS4), 5, "c00706fde8c0000201");
            assertThat(u.get(Aggregator.class)).isNull();
        }

        @Test
        @DisplayName("RFC 7607 §2: AGGREGATOR carrying AS 0 is kept by the codec (deliberate: see package-info)")
        void aggregatorAsZero() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0036 02                           # length 54, UPDATE
                    0000                              # withdrawn routes length 0
                    001b                              # total path attribute length 27
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 07 06 0000 c0000201            # AGGREGATOR: AS 0, 192.0.2.1
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            // RFC 7607 §2 forbids propagating such a route; it calls only AS_PATH and AS4_PATH
            // malformed. Real dumps carry AGGREGATOR AS 0 (the 2015 bgpdump file) and viewers print it.
            var r = MessageDecoder.decode(io.netty.buffer.Unpooled.wrappedBuffer(wire), SessionFacts.RFC4271);
            assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
            Update u = (Update) ((DecodeResult.Decoded) r).message();
            assertThat(u.get(Aggregator.class).asn()).isZero();
        }

        @Test
        @DisplayName("RFC 7606 §7.8: COMMUNITIES with length 5 is Attribute Length Error (3/5), treat-as-withdraw")
        void communitiesLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0035 02                           # length 53, UPDATE
                    0000                              # withdrawn routes length 0
                    001a                              # total path attribute length 26
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 08 05 fde80064 00              # COMMUNITIES, length 5: not a multiple of 4
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "c00805fde8006400", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.8: COMMUNITIES with length 0 is Attribute Length Error (3/5), treat-as-withdraw")
        void communitiesEmpty() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0030 02                           # length 48, UPDATE
                    0000                              # withdrawn routes length 0
                    0015                              # total path attribute length 21
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 08 00                          # COMMUNITIES, length 0: must be non-zero
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "c00800", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.9: ORIGINATOR_ID with length 5 is Attribute Length Error (3/5), treat-as-withdraw")
        void originatorIdLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0035 02                           # length 53, UPDATE
                    0000                              # withdrawn routes length 0
                    001a                              # total path attribute length 26
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    80 09 05 c000020100               # ORIGINATOR_ID, length 5 (must be 4)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "800905c000020100", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.10: CLUSTER_LIST with length 6 is Attribute Length Error (3/5), treat-as-withdraw")
        void clusterListLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0036 02                           # length 54, UPDATE
                    0000                              # withdrawn routes length 0
                    001b                              # total path attribute length 27
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    80 0a 06 c0000201 0000            # CLUSTER_LIST, length 6: not a multiple of 4
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "800a06c00002010000", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 7606 §7.11: MP_REACH_NLRI with a 5-octet IPv6 next hop is Optional Attribute Error (3/9), session reset")
        void mpReachNextHopLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0034 02                           # length 52, UPDATE
                    0000                              # withdrawn routes length 0
                    001d                              # total path attribute length 29
                    80 0e 0f                          # MP_REACH_NLRI, length 15
                    0002 01                           #   AFI IPv6, SAFI unicast
                    05 20010db800                     #   next hop length 5: neither 16 nor 32
                    00                                #   reserved
                    20 20010db8                       #   NLRI 2001:db8::/32
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    """);
            MessageError e = error(wire);
            assertReset(e, 3, 9, "800e0f 000201 0520010db800 00 2020010db8");
            assertThat(e.update()).isNull();
        }

        @Test
        @DisplayName("RFC 7606 §7.11, §5.3: MP_REACH_NLRI with an IPv6 prefix of length 129 is 3/9, session reset")
        void mpReachBadNlri() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    003f 02                           # length 63, UPDATE
                    0000                              # withdrawn routes length 0
                    0028                              # total path attribute length 40
                    80 0e 1a                          # MP_REACH_NLRI, length 26
                    0002 01                           #   AFI IPv6, SAFI unicast
                    10 20010db8000000000000000000000001  # next hop length 16: 2001:db8::1
                    00                                #   reserved
                    81 20010db8                       #   NLRI of length 129: longer than an IPv6 address
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    """);
            assertReset(error(wire), 3, 9, "800e1a 000201 1020010db8000000000000000000000001 00 8120010db8");
        }

        @Test
        @DisplayName("RFC 7606 §3 (j): an MP_REACH_NLRI overrunning the attribute list cannot be parsed: session reset")
        void mpReachOverrunsList() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0038 02                           # length 56, UPDATE
                    0000                              # withdrawn routes length 0
                    001d                              # total path attribute length 29
                    80 0e 30                          # MP_REACH_NLRI, length 48: only 26 octets left in the list
                    0002 01                           #   AFI IPv6, SAFI unicast
                    10 20010db8000000000000000000000001  # next hop length 16: 2001:db8::1
                    00                                #   reserved
                    20 20010db8                       #   NLRI 2001:db8::/32
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            // Treat-as-withdraw would withdraw 198.51.100.0/24 but not the IPv6 routes it cannot see.
            assertReset(error(wire), 3, 5, "");
        }

        @Test
        @DisplayName("RFC 7606 §7.12: a truncated MP_UNREACH_NLRI is Optional Attribute Error (3/9), session reset")
        void mpUnreachTruncated() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001c 02                           # length 28, UPDATE
                    0000                              # withdrawn routes length 0
                    0005                              # total path attribute length 5
                    80 0f 02 0002                     # MP_UNREACH_NLRI, length 2: AFI, but no SAFI
                    """);
            assertReset(error(wire), 3, 9, "800f020002");
        }

        @Test
        @DisplayName("RFC 7606 §7.14: EXTENDED_COMMUNITIES with length 9 is Attribute Length Error (3/5), treat-as-withdraw")
        void extendedCommunitiesLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0039 02                           # length 57, UPDATE
                    0000                              # withdrawn routes length 0
                    001e                              # total path attribute length 30
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 10 09 0002fde800000064 00      # EXTENDED_COMMUNITIES, length 9: not a multiple of 8
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "c01009 0002fde800000064 00", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 8092 §6: LARGE_COMMUNITY with length 13 is Attribute Length Error (3/5), treat-as-withdraw")
        void largeCommunityLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    003d 02                           # length 61, UPDATE
                    0000                              # withdrawn routes length 0
                    0022                              # total path attribute length 34
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 20 0d                          # LARGE_COMMUNITY, length 13: not a multiple of 12
                    0000fde8 00000001 00000002 00     #   65000:1:2 and a stray octet
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "c0200d 0000fde8 00000001 00000002 00", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 9234 §5: OTC with length 3 is Attribute Length Error (3/5), treat-as-withdraw")
        void otcLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0033 02                           # length 51, UPDATE
                    0000                              # withdrawn routes length 0
                    0018                              # total path attribute length 24
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 23 03 00fde8                   # OTC, length 3 (must be 4)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            assertTreatAsWithdraw(error(wire), 5, "c0230300fde8", ANNOUNCED);
        }

        @Test
        @DisplayName("RFC 6793 §6: a malformed AS4_PATH is discarded (3/11); the session and routes stay")
        void as4PathMalformed() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0032 02                           # length 50, UPDATE
                    0000                              # withdrawn routes length 0
                    0017                              # total path attribute length 23
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 5ba0               # AS_PATH: AS_SEQUENCE of 1: AS_TRANS
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 11 02 02 00                    # AS4_PATH: AS_SEQUENCE of 0
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = assertDiscard(error(wire), 11, "c011020200");
            assertThat(u.get(As4Path.class)).isNull();
        }

        @Test
        @DisplayName("RFC 6793 §6: AS4_AGGREGATOR with length 7 is discarded (3/5)")
        void as4AggregatorLength() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0037 02                           # length 55, UPDATE
                    0000                              # withdrawn routes length 0
                    001c                              # total path attribute length 28
                    40 01 01 00                       # ORIGIN IGP
                    40 02 04 02 01 fde8               # AS_PATH: AS_SEQUENCE of 1: 65000
                    40 03 04 c0000201                 # NEXT_HOP 192.0.2.1
                    c0 12 07 0000fde8 c00002          # AS4_AGGREGATOR, length 7 (must be 8)
                    18 c63364                         # NLRI 198.51.100.0/24
                    """);
            Update u = assertDiscard(error(wire), 5, "c012070000fde8c00002");
            assertThat(u.get(As4Aggregator.class)).isNull();
        }
    }

    // ---- RFC 7606 §5.2 -------------------------------------------------------------------------

    @Nested
    @DisplayName("RFC 7606 §5.2 UPDATE without reachable NLRI")
    class NoReachableNlri {

        @Test
        @DisplayName("RFC 7606 §5.2, RFC 4760 §4: an UPDATE with only MP_UNREACH_NLRI needs no other attribute")
        void onlyMpUnreach() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0022 02                           # length 34, UPDATE
                    0000                              # withdrawn routes length 0
                    000b                              # total path attribute length 11
                    80 0f 08                          # MP_UNREACH_NLRI, optional, length 8
                    0002 01                           #   AFI IPv6, SAFI unicast
                    20 20010db8                       #   withdrawn 2001:db8::/32
                    """);
            Update u = decoded(wire, SessionFacts.RFC4271, Update.class);
            assertThat(u.withdrawnAll()).containsExactly(V6);
            assertThat(u.announced()).isEmpty();
        }

        @Test
        @DisplayName("RFC 7606 §5.2: a treat-as-withdraw error in an UPDATE without reachable NLRI becomes session reset")
        void treatAsWithdrawEscalates() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    0020 02                           # length 32, UPDATE
                    0004                              # withdrawn routes length 4
                    18 cb0071                         # withdrawn 203.0.113.0/24
                    0005                              # total path attribute length 5
                    40 01 02 0000                     # ORIGIN, length 2 (must be 1): treat-as-withdraw
                                                      # no NLRI: nothing could be treated as withdrawn
                    """);
            MessageError e = error(wire);
            assertReset(e, 3, 5, "4001020000");
            // Kept for diagnostics and MRT viewers, as for a bad NLRI field.
            assertThat(e.update().withdrawn()).containsExactly(WITHDRAWN);
        }

        @Test
        @DisplayName("RFC 7606 §5.2: attribute discard in an UPDATE without reachable NLRI stays attribute discard")
        void attributeDiscardDoesNotEscalate() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    001f 02                           # length 31, UPDATE
                    0004                              # withdrawn routes length 4
                    18 cb0071                         # withdrawn 203.0.113.0/24
                    0004                              # total path attribute length 4
                    40 06 01 00                       # ATOMIC_AGGREGATE, length 1 (must be 0): attribute discard
                    """);
            MessageError e = error(wire);
            assertThat(e.disposition()).isEqualTo(Disposition.ATTRIBUTE_DISCARD);
            assertThat(e.update().withdrawn()).containsExactly(WITHDRAWN);
            assertThat(e.update().attributes()).isEmpty();
        }
    }

    // ---- ROUTE-REFRESH and NOTIFICATION ----------------------------------------------------------

    @Nested
    @DisplayName("RFC 7313, RFC 9003: ROUTE-REFRESH and NOTIFICATION")
    class RefreshAndNotification {

        @Test
        @DisplayName("RFC 7313 §5: a ROUTE-REFRESH body of 5 octets is 7/1, data = the whole message")
        void routeRefreshLength() {
            String annotated = """
                    ffffffffffffffffffffffffffffffff  # marker
                    0018 05                           # length 24, ROUTE-REFRESH
                    0001                              # AFI IPv4
                    01                                # subtype 1: BoRR (RFC 7313 §3.2)
                    01                                # SAFI unicast
                    00                                # one octet more than the 4 defined
                    """;
            byte[] wire = message(annotated);
            assertReset(error(wire), 7, 1, HexFormat.of().formatHex(wire));
        }

        @Test
        @DisplayName("RFC 9003 §2: Cease / Administrative Shutdown carries a UTF-8 shutdown communication")
        void shutdownCommunication() {
            byte[] wire = message("""
                    ffffffffffffffffffffffffffffffff  # marker
                    002f 03                           # length 47, NOTIFICATION
                    06 02                             # Cease / Administrative Shutdown
                    19                                # shutdown communication length 25
                    57617274756e67 20                 #   "Wartung "
                    e28093 20                         #   "– " (U+2013, 3 octets)
                    7a7572 c3bc 636b 20               #   "zurück " (ü is 2 octets)
                    31383a3030                        #   "18:00"
                    """);
            Notification n = decoded(wire, SessionFacts.RFC4271, Notification.class);
            assertThat(n.code()).isEqualTo(ErrorCode.CEASE);
            assertThat(n.subcode()).isEqualTo(ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN);
            assertThat(n.shutdownCommunication()).contains("Wartung – zurück 18:00");
        }

        @Test
        @DisplayName("RFC 9003 §2: Notification.cease cuts a long message to 255 octets at a UTF-8 character boundary")
        void shutdownCommunicationTruncated() {
            // 1 + 100 × 3 octets; octet 255 falls inside the 85th euro sign, so 84 of them remain.
            Notification n = Notification.cease(ErrorCode.CEASE_ADMINISTRATIVE_SHUTDOWN, "x" + "€".repeat(100));
            assertThat(n.data().length()).isEqualTo(1 + 253);
            assertThat(n.data().get(0) & 0xFF).as("length octet").isEqualTo(253);
            assertThat(n.shutdownCommunication()).contains("x" + "€".repeat(84));

            byte[] wire = MessageEncoder.toBytes(n, SessionFacts.RFC4271);
            assertThat(wire.length).isEqualTo(BgpMessage.HEADER_LENGTH + 2 + 254);
            assertThat(decoded(wire, SessionFacts.RFC4271, Notification.class)).isEqualTo(n);
        }

        @Test
        @DisplayName("RFC 9003 §2: only Administrative Shutdown and Reset carry a shutdown communication")
        void shutdownCommunicationOnlyForShutdownAndReset() {
            assertThat(Notification.cease(ErrorCode.CEASE_ADMINISTRATIVE_RESET, "reset").shutdownCommunication()).contains("reset");
            Notification n = Notification.cease(ErrorCode.CEASE_PEER_DECONFIGURED, "peer removed");
            assertThat(n.subcode()).isEqualTo(ErrorCode.CEASE_PEER_DECONFIGURED);
            assertThat(n.data().length()).as("no data: RFC 9003 defines none for this subcode").isZero();
        }
    }
}
