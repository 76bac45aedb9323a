package io.proxima.cli;

import io.proxima.bgp.mrt.BgpdumpLines;
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
    /** Records per formatting batch, and the body octets that also close a batch. */
    static final int BATCH_RECORDS = 2048;
    static final int BATCH_BYTES = 256 << 10;
    /** Batches decoded ahead of the writer: bounds memory whatever the file size. */
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
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                err.println("proxima mrt: cannot read " + f);
                return Main.USAGE;
            }
        }
        for (Path f : files) {
            try (MrtReader reader = MrtReader.open(f)) {
                if (bgpdump) lines(reader); else summary(f, reader);
            } catch (NoSuchFileException e) {
                err.println("proxima mrt: no such file " + f);
                return Main.USAGE;
            }
        }
        out.flush();
        return Main.OK;
    }

    /**
     * bgpdump lines, decoded and formatted in batches on worker threads and written in order: the
     * reading thread only inflates and cuts records. A PEER_INDEX_TABLE closes the batch, since
     * the RIB records after it need it.
     */
    private void lines(MrtReader reader) throws IOException {
        int workers = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "mrt-format");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
        try {
            MrtRecord.PeerIndexTable peers = null;
            List<MrtReader.Raw> batch = new ArrayList<>(BATCH_RECORDS);
            long batchBytes = 0;
            MrtReader.Raw raw;
            while ((raw = reader.nextRaw()) != null) {
                boolean peerTable = raw.header().type() == MrtHeader.TABLE_DUMP_V2 && raw.header().subtype() == 1;
                if (peerTable) {
                    submit(pool, batch, peers, inFlight);
                    batch = new ArrayList<>(BATCH_RECORDS);
                    batchBytes = 0;
                    if (raw.decode() instanceof MrtRecord.PeerIndexTable t) peers = t;
                    continue;
                }
                batch.add(raw);
                batchBytes += raw.header().length();
                if (batch.size() >= BATCH_RECORDS || batchBytes >= BATCH_BYTES) {
                    submit(pool, batch, peers, inFlight);
                    batch = new ArrayList<>(BATCH_RECORDS);
                    batchBytes = 0;
                }
                while (inFlight.size() > MAX_IN_FLIGHT) out.write(take(inFlight.poll()));
            }
            submit(pool, batch, peers, inFlight);
            while (!inFlight.isEmpty()) out.write(take(inFlight.poll()));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void submit(ExecutorService pool, List<MrtReader.Raw> batch, MrtRecord.PeerIndexTable peers,
                               ArrayDeque<Future<byte[]>> inFlight) {
        if (batch.isEmpty()) return;
        inFlight.add(pool.submit(() -> {
            BgpdumpLines format = new BgpdumpLines(peers);
            StringBuilder sb = new StringBuilder(BATCH_BYTES * 3);
            for (MrtReader.Raw r : batch) format.format(r.decode(), sb);
            int n = sb.length();
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) bytes[i] = (byte) sb.charAt(i); // the lines are ASCII
            return bytes;
        }));
    }

    private static byte[] take(Future<byte[]> f) throws IOException {
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
