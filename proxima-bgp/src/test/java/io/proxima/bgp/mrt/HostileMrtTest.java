package io.proxima.bgp.mrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.SessionFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MrtReader} on hostile streams: the fuzz corpus wrapped in BGP4MP records, random octets,
 * and real MRT files cut short or with octets flipped. A malformed record is a
 * {@link MrtRecord.Malformed} value; the only exception allowed is {@link IOException}, from the
 * stream itself (a truncated gzip member, for one).
 */
class HostileMrtTest {

    /** Printed, so that a failure can be replayed (STYLE.md rule 8). */
    private static final long SEED = 0x5EED_4271L;
    /** Enough of each decompressed MRT file to cover every record type it holds, and fast. */
    private static final int MRT_PREFIX_OCTETS = 1 << 20;
    private static final int HEX_DUMP_OCTETS = 64;

    private static final int BGP4MP = 16;
    private static final int BGP4MP_ET = 17;
    private static final int MESSAGE_AS4 = 4;
    private static final int MESSAGE_AS4_ADDPATH = 9;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fuzzCorpusWrappedInBgp4mpRecords() throws IOException {
        List<byte[]> messages = readAll(sharedData("fuzz"));
        SessionFacts as4 = SessionFacts.AS4.withExtendedMessage(true);
        SessionFacts as4AddPath = as4.withAddPath(Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST));

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<DecodeResult> expected = new ArrayList<>();
        for (byte[] m : messages) {
            writeBgp4mp(stream, BGP4MP, MESSAGE_AS4, m);
            expected.add(MessageDecoder.decode(Unpooled.wrappedBuffer(m), as4));
            writeBgp4mp(stream, BGP4MP_ET, MESSAGE_AS4_ADDPATH, m);
            expected.add(MessageDecoder.decode(Unpooled.wrappedBuffer(m), as4AddPath));
        }
        byte[] all = stream.toByteArray();

        List<MrtRecord> records = read("wrapped corpus", all);
        assertEquals(expected.size(), records.size(), "one record per wrapped message");
        for (int i = 0; i < records.size(); i++) {
            MrtRecord.Bgp4mpMessage r = assertInstanceOf(MrtRecord.Bgp4mpMessage.class, records.get(i), "record " + i);
            assertEquals(expected.get(i), r.message(), "record " + i + ": MRT and a direct decode disagree");
        }

        // The same stream cut short anywhere: a truncated last record, nothing thrown.
        Random random = new Random(SEED);
        for (int cut = 0; cut < 200; cut++) {
            int at = cut < 20 ? cut : random.nextInt(all.length);
            List<MrtRecord> got = read("wrapped corpus cut at " + at, Arrays.copyOf(all, at));
            assertTrue(got.size() <= records.size());
        }
        System.out.println("HostileMrtTest: " + messages.size() + " corpus messages in " + records.size()
                + " BGP4MP records; 200 truncations; seed 0x" + Long.toHexString(SEED));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void randomOctetsNeverThrow() {
        Random random = new Random(SEED);
        int[] types = {MrtHeader.TABLE_DUMP, MrtHeader.TABLE_DUMP_V2, BGP4MP, BGP4MP_ET, 11, 32, 33, 48, 49};
        int records = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = new byte[random.nextInt(4096)];
            random.nextBytes(b);
            // Half the streams get plausible headers, so that the body decoders see the random octets.
            if (i % 2 == 0) {
                ByteBuf w = Unpooled.wrappedBuffer(b).clear();
                while (w.writableBytes() >= MrtHeader.LENGTH) {
                    int body = Math.min(random.nextInt(600), w.writableBytes() - MrtHeader.LENGTH);
                    w.writeInt(random.nextInt()).writeShort(types[random.nextInt(types.length)])
                            .writeShort(random.nextInt(13)).writeInt(body);
                    w.writerIndex(w.writerIndex() + body);
                }
            }
            records += read("random stream " + i + " (seed 0x" + Long.toHexString(SEED) + ")", b).size();
        }
        System.out.println("HostileMrtTest: 3000 random streams, " + records + " records; seed 0x" + Long.toHexString(SEED));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void realMrtFilesCutShortOrFlipped() throws IOException {
        Path dir = sharedData("mrt/bgpdump/test_data");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".gz")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no .gz files in " + dir);
        Random random = new Random(SEED);
        for (Path f : files) {
            byte[] gz = Files.readAllBytes(f);
            byte[] plain;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                plain = in.readNBytes(MRT_PREFIX_OCTETS);
            }
            String name = f.getFileName().toString();
            int[] cuts = {0, 1, 11, 12, 13, 16, 40, plain.length / 3, plain.length / 2, plain.length - 1,
                random.nextInt(plain.length), random.nextInt(plain.length), random.nextInt(plain.length)};
            for (int at : cuts) {
                if (at < 0 || at > plain.length) continue;
                read(name + " cut at " + at, Arrays.copyOf(plain, at));
            }
            for (int round = 0; round < 5; round++) {
                byte[] flipped = plain.clone();
                for (int k = 0; k < 32; k++) flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                read(name + " with 32 octets flipped, round " + round + " (seed 0x" + Long.toHexString(SEED) + ")", flipped);
            }
            // The compressed file cut short: gzip reports it as an IOException, which is allowed.
            for (int at : new int[] {0, 2, 10, gz.length / 2, gz.length - 1}) {
                readCompressed(name + " (gzip) cut at " + at, Arrays.copyOf(gz, at));
            }
        }
        System.out.println("HostileMrtTest: " + files.size() + " MRT files cut and flipped; seed 0x" + Long.toHexString(SEED));
    }

    /** Reads every record; any exception but IOException fails the test with a hex dump of the input. */
    private static List<MrtRecord> read(String name, byte[] stream) {
        List<MrtRecord> out = new ArrayList<>();
        try (MrtReader r = new MrtReader(new ByteArrayInputStream(stream))) {
            for (MrtRecord rec = r.next(); rec != null; rec = r.next()) out.add(rec);
        } catch (IOException e) {
            return out; // allowed: the stream failed, not the reader
        } catch (Throwable t) {
            throw new AssertionError(name + ": MrtReader threw " + t + " after " + out.size() + " records\n  " + dump(stream), t);
        }
        return out;
    }

    private static void readCompressed(String name, byte[] compressed) {
        try (MrtReader r = new MrtReader(MrtReader.decompressing(new ByteArrayInputStream(compressed)))) {
            while (r.next() != null) {
                // read through
            }
        } catch (IOException e) {
            // allowed
        } catch (Throwable t) {
            throw new AssertionError(name + ": MrtReader threw " + t + "\n  " + dump(compressed), t);
        }
    }

    /** A BGP4MP(_ET) MESSAGE_AS4 record (RFC 6396 §4.4.3): AS4 peer and local AS, IPv4 addresses. */
    private static void writeBgp4mp(ByteArrayOutputStream out, int type, int subtype, byte[] message) {
        ByteBuf b = Unpooled.buffer();
        int length = (type == BGP4MP_ET ? 4 : 0) + 4 + 4 + 2 + 2 + 4 + 4 + message.length;
        b.writeInt(1_700_000_000).writeShort(type).writeShort(subtype).writeInt(length);
        if (type == BGP4MP_ET) b.writeInt(123_456);
        b.writeInt(64_512).writeInt(65_000).writeShort(0).writeShort(Family.AFI_IPV4)
                .writeInt(0xC000_0201).writeInt(0xC000_0202).writeBytes(message);
        byte[] record = new byte[b.readableBytes()];
        b.readBytes(record);
        out.writeBytes(record);
    }

    private static List<byte[]> readAll(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) out.add(Files.readAllBytes(f));
        }
        return out;
    }

    private static Path sharedData(String sub) {
        String root = System.getProperty("proxima.shared.data");
        Path dir = root == null ? null : Path.of(root, sub);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "shared test data not found at " + dir + " (system property proxima.shared.data); "
                        + "it is ../shared/data beside the repository, see README");
        return dir;
    }

    private static String dump(byte[] b) {
        return "first " + Math.min(b.length, HEX_DUMP_OCTETS) + " of " + b.length + " octets: "
                + HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(b.length, HEX_DUMP_OCTETS));
    }
}
