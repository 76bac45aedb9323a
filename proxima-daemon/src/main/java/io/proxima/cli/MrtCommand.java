package io.proxima.cli;

import io.proxima.bgp.mrt.AsciiBuffer;
import io.proxima.bgp.mrt.BgpdumpWireLines;
import io.proxima.bgp.mrt.MrtChunks;
import io.proxima.bgp.mrt.MrtHeader;
import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.nlri.Nlri;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mrt", mixinStandardHelpOptions = true,
        description = {"Read MRT dumps (RFC 6396); -m prints bgpdump's one-line format.",
            "Types: TABLE_DUMP, TABLE_DUMP_V2 (with RFC 8050 ADD-PATH), BGP4MP and BGP4MP_ET.",
            "Input may be plain, gzip or bzip2; it is streamed, one record at a time.",
            "Without -m: a summary per file (records by type, peers, prefixes per family, errors with offsets)."},
        footer = {"", "Exit codes: 0 read (malformed records are reported, not fatal), 2 a file could not be read, 3 internal error."})
final class MrtCommand implements Callable<Integer> {

    /** How many errors the summary lists one by one before it only counts them. */
    static final int MAX_LISTED_ERRORS = 50;
    /** Text octets per record octet to allocate at first (updates.et-header.2015: 5.3). */
    static final int TEXT_PER_OCTET = 6;
    /** Chunks formatted ahead of the writer: bounds memory whatever the file size. */
    static final int MAX_IN_FLIGHT = 8;
    static final int MAX_WORKERS = 4;

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "-m", description = "Print one line per route in the format of 'bgpdump -m'.")
    boolean bgpdump;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MRT files")
    List<Path> files = new ArrayList<>();

    MrtCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (bgpdump) return bgpdumpLines(files, out, err);
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                err.println("proxima mrt: cannot read " + f);
                return Main.USAGE;
            }
        }
        for (Path f : files) {
            try (MrtReader reader = MrtReader.open(f)) {
                summary(f, reader);
            } catch (NoSuchFileException e) {
                err.println("proxima mrt: no such file " + f);
                return Main.USAGE;
            }
        }
        out.flush();
        return Main.OK;
    }

    /**
     * {@code proxima mrt -m FILE…}. {@link Main#run} calls this directly, before picocli is even
     * loaded, since a short run spends much of its time starting up (docs/benchmarks.md).
     */
    static int bgpdumpLines(List<Path> files, PrintStream out, PrintStream err) throws IOException {
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                err.println("proxima mrt: cannot read " + f);
                return Main.USAGE;
            }
        }
        for (Path f : files) {
            try (InputStream in = MrtReader.decompressing(Files.newInputStream(f))) {
                lines(in, out);
            } catch (NoSuchFileException e) {
                err.println("proxima mrt: no such file " + f);
                return Main.USAGE;
            }
        }
        out.flush();
        return Main.OK;
    }

    /**
     * bgpdump lines: the reading thread inflates and cuts chunks of whole records; workers format
     * them straight into ASCII bytes; the reading thread writes each chunk's text in order, in one
     * write, and hands its buffer to a later chunk.
     */
    private static void lines(InputStream in, PrintStream out) throws IOException {
        int workers = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("mrt-format").factory());
        ArrayDeque<Future<AsciiBuffer>> inFlight = new ArrayDeque<>();
        ArrayDeque<AsciiBuffer> free = new ArrayDeque<>();
        try {
            MrtChunks chunks = new MrtChunks(in);
            MrtChunks.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                AsciiBuffer buffer = free.isEmpty() ? new AsciiBuffer(chunk.length() * TEXT_PER_OCTET) : free.pop();
                buffer.setLength(0);
                inFlight.add(pool.submit(new FormatChunk(chunk, buffer)));
                while (inFlight.size() > MAX_IN_FLIGHT) free.push(write(take(inFlight.poll()), out));
            }
            while (!inFlight.isEmpty()) free.push(write(take(inFlight.poll()), out));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A named class rather than a lambda: a lambda's first use costs start-up time. */
    private record FormatChunk(MrtChunks.Chunk chunk, AsciiBuffer text) implements Callable<AsciiBuffer> {
        @Override
        public AsciiBuffer call() {
            new BgpdumpWireLines(chunk.peers()).format(chunk, text);
            return text;
        }
    }

    private static AsciiBuffer write(AsciiBuffer text, PrintStream out) {
        out.write(text.array(), 0, text.length());
        return text;
    }

    private static <T> T take(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    private void summary(Path file, MrtReader reader) throws IOException {
        Map<String, Long> byType = new TreeMap<>();
        Set<String> peers = new LinkedHashSet<>();
        Map<Family, long[]> prefixes = new TreeMap<>((a, b) -> a.afi() != b.afi() ? a.afi() - b.afi() : a.safi() - b.safi());
        List<String> errors = new ArrayList<>();
        long errorCount = 0, records = 0;
        MrtRecord r;
        while ((r = reader.next()) != null) {
            records++;
            MrtHeader h = r.header();
            byType.merge(h.typeName() + "/" + h.subtypeName(), 1L, Long::sum);
            String error = null;
            switch (r) {
                case MrtRecord.PeerIndexTable t -> t.peers().forEach(p -> peers.add(peer(p.address(), p.asn())));
                case MrtRecord.TableDump t -> {
                    peers.add(peer(t.peerAddress(), t.peerAs()));
                    count(prefixes, t.prefix().family(), 0);
                    if (t.attributes().error() != null) error = t.attributes().error().toString();
                }
                case MrtRecord.Rib rib -> {
                    for (MrtRecord.RibEntry e : rib.entries()) {
                        count(prefixes, rib.prefix().family(), 0);
                        if (e.attributes().error() != null && error == null) error = "peer index " + e.peerIndex() + ": " + e.attributes().error();
                    }
                }
                case MrtRecord.Bgp4mpMessage m -> {
                    peers.add(peer(m.peerAddress(), m.peerAs()));
                    Update u = null;
                    switch (m.message()) {
                        case DecodeResult.Decoded d -> { if (d.message() instanceof Update up) u = up; }
                        case MessageError e -> { error = e.toString(); u = e.update(); }
                    }
                    if (u != null) tally(u, prefixes);
                }
                case MrtRecord.Bgp4mpStateChange s -> peers.add(peer(s.peerAddress(), s.peerAs()));
                case MrtRecord.Unsupported u -> { }
                case MrtRecord.Malformed m -> error = m.reason();
            }
            if (error != null) {
                errorCount++;
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.add("offset " + h.offset() + " " + h.typeName() + "/" + h.subtypeName() + ": " + error);
                }
            }
        }
        out.println(file);
        out.println("  records: " + records);
        byType.forEach((k, v) -> out.printf("    %-36s %d%n", k, v));
        out.println("  peers: " + peers.size());
        int shown = 0;
        for (String p : peers) {
            if (shown++ == 20) { out.println("    ..."); break; }
            out.println("    " + p);
        }
        out.println("  prefixes (announced / withdrawn; RIB entries count as announced):");
        prefixes.forEach((fam, c) -> out.printf("    %-14s %d / %d%n", fam, c[0], c[1]));
        out.println("  errors: " + errorCount);
        errors.forEach(e -> out.println("    " + e));
        if (errorCount > errors.size()) out.println("    ... " + (errorCount - errors.size()) + " more");
    }

    private static void tally(Update u, Map<Family, long[]> prefixes) {
        for (Nlri n : u.withdrawn()) count(prefixes, Family.IPV4_UNICAST, 1);
        for (Nlri n : u.nlri()) count(prefixes, Family.IPV4_UNICAST, 0);
        MpReachNlri reach = u.get(MpReachNlri.class);
        if (reach != null) for (Nlri n : reach.nlri()) count(prefixes, reach.family(), 0);
        MpUnreachNlri unreach = u.get(MpUnreachNlri.class);
        if (unreach != null) for (Nlri n : unreach.withdrawn()) count(prefixes, unreach.family(), 1);
    }

    private static void count(Map<Family, long[]> prefixes, Family f, int which) {
        prefixes.computeIfAbsent(f, k -> new long[2])[which]++;
    }

    private static String peer(IpAddress a, long asn) {
        return a + " AS" + asn;
    }
}
