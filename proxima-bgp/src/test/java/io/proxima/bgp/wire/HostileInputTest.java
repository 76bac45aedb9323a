package io.proxima.bgp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays about 3,500 BGP messages that fuzzers produced against FRR's bgpd and BIRD
 * ({@code ../shared/data/fuzz}, see its README) through the decoder under several session facts,
 * whole, cut short, and several to a buffer. The only allowed outcomes are those of
 * {@link DecodeContract}: a message that round-trips, or a {@link MessageError}.
 */
class HostileInputTest {

    /** Per file and session facts; a linear decoder needs microseconds for the largest file (40 KB). */
    private static final long FILE_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int HEX_DUMP_OCTETS = 64;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // hang guard; the whole corpus takes seconds
    void corpusNeverBreaksTheDecoder() throws IOException {
        Path corpus = corpusDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 1000, "expected the ~3,500-file corpus under " + corpus + ", found " + files.size());

        Tally tally = new Tally();
        for (Path file : files) {
            byte[] octets = Files.readAllBytes(file);
            String name = corpus.relativize(file).toString();
            for (SessionFacts facts : DecodeContract.FACTS) {
                long start = System.nanoTime();
                decodeAll(name, octets, facts, tally, true);
                // Truncated variants: a speaker that sends less than it announced.
                if (octets.length > 1) {
                    decodeAll(name + " cut to " + (octets.length - 1), Arrays.copyOf(octets, octets.length - 1), facts, tally, false);
                    decodeAll(name + " cut to " + octets.length / 2, Arrays.copyOf(octets, octets.length / 2), facts, tally, false);
                }
                long took = System.nanoTime() - start;
                if (took > FILE_BUDGET_NANOS) {
                    fail(name + " took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms under " + facts + "\n  " + dump(octets));
                }
            }
            tally.files++;
        }
        System.out.println("HostileInputTest: " + tally.files + " files x " + DecodeContract.FACTS.length
                + " session facts, each also cut short twice; whole files: " + tally);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void backToBackMessagesDecodeOneByOne() throws IOException {
        Path corpus = corpusDirectory();
        List<byte[]> single = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) single.add(Files.readAllBytes(f));
        }
        // Concatenate every file that holds exactly one well-framed message, as a TCP stream would.
        SessionFacts facts = SessionFacts.AS4.withExtendedMessage(true);
        ByteBuf stream = Unpooled.buffer();
        int expected = 0;
        for (byte[] m : single) {
            ByteBuf b = Unpooled.wrappedBuffer(m);
            if (MessageDecoder.frameLength(b) == m.length && m.length >= BgpMessage.HEADER_LENGTH && allOnes(m)) {
                stream.writeBytes(m);
                expected++;
            }
        }
        String name = "concatenation of " + expected + " framed corpus messages";
        Tally tally = new Tally();
        byte[] all = new byte[stream.readableBytes()];
        stream.readBytes(all);
        assertEquals(expected, decodeAll(name, all, facts, tally, true), name + ": one result per message");
        System.out.println("HostileInputTest: " + name + ": " + tally);
    }

    /**
     * Decodes message after message until the buffer is used up, checking the contract for each.
     *
     * @return the number of results, messages and errors
     */
    private static int decodeAll(String name, byte[] octets, SessionFacts facts, Tally tally, boolean count) {
        ByteBuf in = Unpooled.wrappedBuffer(octets);
        int results = 0;
        while (in.isReadable()) {
            int before = in.readerIndex();
            DecodeResult r;
            try {
                r = DecodeContract.decode(in, facts);
            } catch (Throwable t) {
                throw new AssertionError(name + " at offset " + before + " under " + facts + ": "
                        + (t instanceof DecodeContract.Broken ? t.getMessage() : "decoder threw " + t)
                        + "\n  " + dump(Arrays.copyOfRange(octets, before, octets.length)), t);
            }
            results++;
            if (count) tally.add(r);
            if (in.readerIndex() == before) {
                // Fewer octets than a header: the decoder leaves them for the next read.
                if (r instanceof DecodeResult.Decoded) fail(name + ": decoded a message without consuming input");
                break;
            }
        }
        return results;
    }

    private static boolean allOnes(byte[] m) {
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) if (m[i] != (byte) 0xFF) return false;
        return true;
    }

    private static String dump(byte[] octets) {
        return "first " + Math.min(octets.length, HEX_DUMP_OCTETS) + " of " + octets.length + " octets: "
                + DecodeContract.hex(octets, HEX_DUMP_OCTETS);
    }

    static Path corpusDirectory() {
        String root = System.getProperty("proxima.shared.data");
        Path dir = root == null ? null : Path.of(root, "fuzz");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "fuzz corpus not found (system property proxima.shared.data=" + root
                        + "); it is ../shared/data/fuzz beside the repository, see README");
        return dir;
    }

    /** Counts for the summary line. */
    private static final class Tally {
        int files;
        int decoded;
        final Map<String, Integer> byType = new TreeMap<>();
        final Map<Disposition, Integer> errors = new EnumMap<>(Disposition.class);

        void add(DecodeResult r) {
            switch (r) {
                case DecodeResult.Decoded d -> {
                    decoded++;
                    byType.merge(d.message().getClass().getSimpleName(), 1, Integer::sum);
                }
                case MessageError e -> errors.merge(e.disposition(), 1, Integer::sum);
            }
        }

        @Override
        public String toString() {
            int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
            return decoded + " decoded " + byType + ", " + errorCount + " errors " + errors;
        }
    }
}
