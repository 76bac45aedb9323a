package io.proxima.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.attr.AttributeTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link BgpdumpWireLines} against the decoder and {@link BgpdumpLines} (what {@code mrt -m} printed
 * before the wire path existed), byte for byte: on every bgpdump test file, whole, cut short and
 * with octets flipped; on the fuzz corpus wrapped in every BGP4MP message subtype; and on random
 * records. A failure shows the first differing line.
 */
class BgpdumpWireLinesTest {

    /** Printed, so that a failure can be replayed (STYLE.md rule 8). */
    private static final long SEED = 0x5EED_6396L;
    private static final int FLIP_ROUNDS = 20;
    private static final int FLIPS_PER_ROUND = 64;
    private static final int RANDOM_STREAMS = 2000;
    private static final int MAX_RANDOM_BODY = 600;
    private static final int BGP4MP = MrtHeader.BGP4MP;
    private static final int BGP4MP_ET = MrtHeader.BGP4MP_ET;
    private static final int[] MESSAGE_SUBTYPES = {1, 4, 6, 7, 8, 9, 10, 11};

    record Output(String text, long wireRecords) { }

    /** The old way: one record at a time, decoded, then formatted. */
    static String reference(byte[] stream) throws IOException {
        StringBuilder sb = new StringBuilder();
        BgpdumpLines lines = new BgpdumpLines();
        try (MrtReader r = new MrtReader(new ByteArrayInputStream(stream))) {
            for (MrtRecord rec = r.next(); rec != null; rec = r.next()) lines.format(rec, sb);
        }
        return sb.toString();
    }

    static Output wire(byte[] stream) throws IOException {
        AsciiBuffer out = new AsciiBuffer(1024);
        long taken = 0;
        MrtChunks chunks = new MrtChunks(new ByteArrayInputStream(stream));
        for (MrtChunks.Chunk c = chunks.next(); c != null; c = chunks.next()) {
            BgpdumpWireLines w = new BgpdumpWireLines(c.peers());
            w.format(c, out);
            taken += w.wireRecords;
        }
        return new Output(new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII), taken);
    }

    private static long same(String name, byte[] stream) throws IOException {
        String expected = reference(stream);
        Output got = wire(stream);
        if (!expected.equals(got.text())) throw new AssertionError(name + ": " + firstDifference(expected, got.text()));
        return got.wireRecords();
    }

    @Test
    void everyBgpdumpFileWholeCutAndFlipped() throws IOException {
        Path dir = sharedData("mrt/bgpdump/test_data");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".gz")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Random random = new Random(SEED);
        long taken = 0;
        for (Path f : files) {
            byte[] plain;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                plain = in.readAllBytes();
            }
            String name = f.getFileName().toString();
            taken += same(name, plain);
            for (int at : new int[] {0, 11, 12, 13, 40, plain.length / 2, plain.length - 1, random.nextInt(plain.length)}) {
                if (at >= 0 && at <= plain.length) same(name + " cut at " + at, Arrays.copyOf(plain, at));
            }
            for (int round = 0; round < FLIP_ROUNDS; round++) {
                byte[] flipped = plain.clone();
                for (int k = 0; k < FLIPS_PER_ROUND; k++) flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                same(name + " flipped, round " + round + " (seed 0x" + Long.toHexString(SEED) + ")", flipped);
            }
        }
        assertThat(taken).as("records printed from the wire").isGreaterThan(100_000);
        System.out.println("BgpdumpWireLinesTest: " + files.size() + " files, " + taken + " records from the wire; seed 0x"
                + Long.toHexString(SEED));
    }

    @Test
    void fuzzCorpusInEveryMessageSubtype() throws IOException {
        List<byte[]> messages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sharedData("fuzz"))) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) messages.add(Files.readAllBytes(f));
        }
        long taken = 0;
        for (int subtype : MESSAGE_SUBTYPES) {
            for (int afi : new int[] {Family.AFI_IPV4, Family.AFI_IPV6}) {
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                for (byte[] m : messages) stream.writeBytes(bgp4mp(afi == Family.AFI_IPV4 ? BGP4MP_ET : BGP4MP, subtype, afi, m));
                taken += same("fuzz corpus as subtype " + subtype + ", AFI " + afi, stream.toByteArray());
            }
        }
        assertThat(taken).as("records printed from the wire").isGreaterThan(1000);
    }

    @Test
    void randomRecords() throws IOException {
        Random random = new Random(SEED);
        int[] types = {MrtHeader.TABLE_DUMP, MrtHeader.TABLE_DUMP_V2, BGP4MP, BGP4MP_ET, 33, 49};
        for (int i = 0; i < RANDOM_STREAMS; i++) {
            ByteBuf w = Unpooled.buffer();
            for (int n = random.nextInt(8); n > 0; n--) {
                byte[] body = new byte[random.nextInt(MAX_RANDOM_BODY)];
                random.nextBytes(body);
                if (body.length > 40 && random.nextBoolean()) Arrays.fill(body, 12, 28, (byte) 0xFF); // a marker, now and then
                w.writeInt(random.nextInt()).writeShort(types[random.nextInt(types.length)]).writeShort(random.nextInt(13))
                        .writeInt(body.length).writeBytes(body);
            }
            byte[] stream = new byte[w.readableBytes()];
            w.readBytes(stream);
            same("random stream " + i + " (seed 0x" + Long.toHexString(SEED) + ")", stream);
        }
    }

    @Test
    void knowsTheFlagsOfEveryAttributeInTheTable() {
        Set<Integer> rows = new HashSet<>();
        for (AttributeTable.Row r : AttributeTable.rows()) {
            rows.add(r.type());
            int flags = BgpdumpWireLines.expectedFlags(r.type());
            if (flags != BgpdumpWireLines.LEFT_TO_DECODER) assertThat(flags).as(r.name()).isEqualTo(r.flags());
        }
        for (int t = 0; t < 256; t++) {
            if (!rows.contains(t)) assertThat(BgpdumpWireLines.expectedFlags(t)).as("type " + t).isEqualTo(BgpdumpWireLines.UNKNOWN);
        }
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "2001:7f8:30:0:2:1:0:8447, 2001:7f8:30::2:1:0:8447",
        "1:0:1:1:1:1:1:1, 1::1:1:1:1:1:1",
        "1:1:1:1:1:1:1:0, 1:1:1:1:1:1:1::",
        "1:0:1:0:0:1:1:1, 1:0:1::1:1:1",
        "0:0:1:0:0:0:0:1, 0:0:1::1",
        "0:0:0:0:0:0:0:2, ::0.0.0.2",
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "::ffff:193.0.0.56, ::ffff:193.0.0.56",
        "0:0:0:0:ffff:0:102:304, ::ffff:0:102:304",
        "2001:db8:0:1:0:0:0:0, 2001:db8:0:1::",
        "abcd:ef01:2345:6789:a:bc:def:1000, abcd:ef01:2345:6789:a:bc:def:1000",
    })
    void formatsIpv6LikeBgpdumpLines(String in, String out) {
        IpAddress a = IpAddress.parse(in);
        AsciiBuffer b = new AsciiBuffer(64);
        b.ipv6(a.hi(), a.lo());
        StringBuilder sb = new StringBuilder();
        BgpdumpLines.address(a, sb);
        assertThat(new String(b.array(), 0, b.length(), StandardCharsets.US_ASCII)).isEqualTo(out).isEqualTo(sb.toString());
    }

    /** A BGP4MP(_ET) message record (RFC 6396 §4.4) around {@code message}. */
    private static byte[] bgp4mp(int type, int subtype, int afi, byte[] message) {
        boolean as4 = subtype == 4 || subtype == 7 || subtype == 9 || subtype == 11;
        int alen = afi == Family.AFI_IPV6 ? 16 : 4;
        ByteBuf b = Unpooled.buffer();
        int length = (type == BGP4MP_ET ? 4 : 0) + (as4 ? 8 : 4) + 4 + 2 * alen + message.length;
        b.writeInt(1_700_000_000).writeShort(type).writeShort(subtype).writeInt(length);
        if (type == BGP4MP_ET) b.writeInt(123);
        if (as4) b.writeInt((int) 4_200_000_000L).writeInt(65_000); else b.writeShort(64_512).writeShort(65_000);
        b.writeShort(0).writeShort(afi);
        for (int i = 0; i < 2 * alen; i++) b.writeByte(i % 3 == 0 ? 0 : 0x20 + i);
        b.writeBytes(message);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : null, y = i < a.length ? a[i] : null;
            if (x == null || !x.equals(y)) return "first difference at line " + (i + 1) + ":\n  decoder: " + x + "\n  wire:    " + y;
        }
        return "no difference";
    }

    private static Path sharedData(String sub) {
        String root = System.getProperty("proxima.shared.data");
        Path dir = root == null ? null : Path.of(root, sub);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "shared test data not found at " + dir + " (system property proxima.shared.data)");
        return dir;
    }
}
