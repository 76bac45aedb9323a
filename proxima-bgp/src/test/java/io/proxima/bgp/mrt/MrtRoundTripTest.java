package io.proxima.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.proxima.bgp.SharedData;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.PathAttribute;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 2: every UPDATE inside the bgpdump MRT files re-encodes to exactly its original
 * octets, and so does every RIB entry's attribute list.
 */
class MrtRoundTripTest {

    static Stream<Path> files() throws IOException {
        return SharedData.mrtFilesOrPlaceholder();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyUpdateReencodesToItsOriginalOctets(Path file) throws IOException {
        SharedData.require();
        int updates = 0, ribEntries = 0, malformed = 0, flagged = 0;
        try (MrtReader reader = MrtReader.open(file)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                switch (r) {
                    case MrtRecord.Bgp4mpMessage m -> {
                        byte[] original = bgpMessage(reader.lastRecordBody(), m);
                        Update u = switch (m.message()) {
                            case DecodeResult.Decoded d -> d.message() instanceof Update up ? up : null;
                            case MessageError e when e.disposition().keepsSession() -> {
                                // RFC 7607: a few routes in the 2015 dump carry AS 0; they are flagged, and nothing is dropped.
                                assertThat(e.reason()).as("%s at %d", file, m.header().offset()).contains("AS 0");
                                flagged++;
                                yield e.update();
                            }
                            case MessageError e -> {
                                // The one message whose last prefix is cut off (updates.nlri_mask_trailing_bits).
                                assertThat(e.disposition()).isEqualTo(Disposition.SESSION_RESET);
                                malformed++;
                                yield null;
                            }
                        };
                        if (u == null) continue;
                        updates++;
                        byte[] again = MessageEncoder.toBytes(u, facts(m));
                        if (!Arrays.equals(original, again)) {
                            throw new AssertionError(file + " offset " + m.header().offset() + ": re-encoding differs\n  original "
                                    + HexFormat.of().formatHex(original) + "\n  encoded  " + HexFormat.of().formatHex(again));
                        }
                    }
                    case MrtRecord.Rib rib -> {
                        for (MrtRecord.RibEntry e : rib.entries()) {
                            assertThat(e.attributes().error()).isNull();
                            ribEntries++;
                        }
                        assertRibAttributesRoundTrip(reader.lastRecordBody(), rib);
                    }
                    case MrtRecord.TableDump t -> {
                        assertThat(t.attributes().error()).isNull();
                        byte[] body = reader.lastRecordBody();
                        int alen = t.peerAddress().octets();
                        byte[] original = Arrays.copyOfRange(body, 4 + alen + 2 + 4 + alen + 2 + 2, body.length);
                        var out = Unpooled.buffer(original.length);
                        for (PathAttribute a : t.attributes().attributes()) a.write(out, SessionFacts.RFC4271.withRibEntry(true));
                        byte[] again = new byte[out.readableBytes()];
                        out.readBytes(again);
                        assertThat(HexFormat.of().formatHex(again)).as("%s", t.prefix()).isEqualTo(HexFormat.of().formatHex(original));
                        ribEntries++;
                    }
                    default -> { }
                }
            }
        }
        System.out.printf("%s: %d UPDATEs and %d RIB entries re-encoded exactly; %d flagged by RFC 7607, %d malformed%n",
                file.getFileName(), updates, ribEntries, flagged, malformed);
        // The four /24s of 103.225.92.0/22 whose path ends in AS 0 arrive in one UPDATE (LAB.md §7).
        assertThat(flagged).isEqualTo(file.getFileName().toString().equals("updates.et-header.2015.gz") ? 1 : 0);
        assertThat(malformed).isLessThanOrEqualTo(file.getFileName().toString().contains("trailing_bits") ? 1 : 0);
    }

    private static SessionFacts facts(MrtRecord.Bgp4mpMessage m) {
        SessionFacts f = (m.as4() ? SessionFacts.AS4 : SessionFacts.RFC4271).withExtendedMessage(true);
        return m.addPath() ? f.withAddPath(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST)) : f;
    }

    /** The BGP message inside a BGP4MP record body (RFC 6396 §4.4.2). */
    private static byte[] bgpMessage(byte[] body, MrtRecord.Bgp4mpMessage m) {
        int at = (m.header().extendedTimestamp() ? 4 : 0) + (m.as4() ? 8 : 4) + 4 + 2 * m.peerAddress().octets();
        return Arrays.copyOfRange(body, at, body.length);
    }

    /** Walks the RIB record again and compares each entry's attribute octets with their re-encoding. */
    private static void assertRibAttributesRoundTrip(byte[] body, MrtRecord.Rib rib) {
        var b = Unpooled.wrappedBuffer(body);
        b.skipBytes(4);
        int plen = b.readUnsignedByte();
        b.skipBytes((plen + 7) / 8);
        int count = b.readUnsignedShort();
        SessionFacts facts = SessionFacts.AS4.withRibEntry(true);
        for (int i = 0; i < count; i++) {
            b.skipBytes(2 + 4 + (rib.addPath() ? 4 : 0));
            int len = b.readUnsignedShort();
            byte[] original = new byte[len];
            b.readBytes(original);
            var out = Unpooled.buffer(len);
            List<PathAttribute> attrs = rib.entries().get(i).attributes().attributes();
            for (PathAttribute a : attrs) a.write(out, facts);
            byte[] again = new byte[out.readableBytes()];
            out.readBytes(again);
            assertThat(HexFormat.of().formatHex(again)).as("RIB entry %d of %s", i, rib.prefix()).isEqualTo(HexFormat.of().formatHex(original));
        }
    }
}
