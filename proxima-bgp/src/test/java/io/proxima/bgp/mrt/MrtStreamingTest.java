package io.proxima.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain, gzip and bzip2 input read the same records, and a dump far larger than the heap streams through. */
class MrtStreamingTest {

    /** 8 × the 13.5 MB full-table dump = 108 MB of MRT, read by a JVM with a 32 MB heap. */
    static final int COPIES = 8;
    static final String HEAP = "-Xmx32m";

    @Test
    void plainGzipAndBzip2GiveTheSameRecords(@TempDir Path dir) throws IOException {
        Path gz = SharedData.bgpdumpData().resolve("updates.20020722.2238.gz");
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            raw = in.readAllBytes();
        }
        Path plain = Files.write(dir.resolve("updates.mrt"), raw);
        Path bz2 = dir.resolve("updates.mrt.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            out.write(raw);
        }
        List<String> fromGz = summary(gz);
        assertThat(fromGz).hasSize(1121);
        assertThat(summary(plain)).isEqualTo(fromGz);
        assertThat(summary(bz2)).isEqualTo(fromGz);
    }

    private static List<String> summary(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        try (MrtReader r = MrtReader.open(f)) {
            MrtRecord rec;
            while ((rec = r.next()) != null) out.add(rec.header().offset() + " " + rec.header().typeName() + " " + rec.getClass().getSimpleName());
        }
        return out;
    }

    @Test
    void aDumpLargerThanTheHeapStreamsThrough() throws Exception {
        Path f = SharedData.bgpdumpData().resolve("updates.et-header.2015.gz");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The surefire class path is a manifest-only jar, which java -cp honours.
        Process p = new ProcessBuilder(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                Repeat.class.getName(), f.toString(), String.valueOf(COPIES)).redirectErrorStream(true).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) p.destroyForcibly();
        assertThat(done).as("finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("records " + (89_686L * COPIES) + " malformed 0");
    }

    /** Reads a gzip file COPIES times over as one MRT stream. */
    public static final class Repeat {
        public static void main(String[] args) throws IOException {
            Path f = Path.of(args[0]);
            int copies = Integer.parseInt(args[1]);
            List<InputStream> parts = new ArrayList<>();
            for (int i = 0; i < copies; i++) parts.add(new LazyGzip(f));
            long records = 0, malformed = 0;
            try (MrtReader r = new MrtReader(new SequenceInputStream(Collections.enumeration(parts)))) {
                MrtRecord rec;
                while ((rec = r.next()) != null) {
                    records++;
                    if (rec instanceof MrtRecord.Malformed) malformed++;
                }
            }
            System.out.println("records " + records + " malformed " + malformed);
        }
    }

    /** Opens the file only when first read, so the copies are not all open at once. */
    static final class LazyGzip extends InputStream {
        private final Path f;
        private InputStream in;

        LazyGzip(Path f) {
            this.f = f;
        }

        private InputStream in() throws IOException {
            if (in == null) in = new GZIPInputStream(Files.newInputStream(f), 1 << 16);
            return in;
        }

        @Override public int read() throws IOException { return in().read(); }
        @Override public int read(byte[] b, int off, int len) throws IOException { return in().read(b, off, len); }
        @Override public void close() throws IOException { if (in != null) in.close(); }
    }
}
