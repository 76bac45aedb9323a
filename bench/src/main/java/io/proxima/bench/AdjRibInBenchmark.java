package io.proxima.bench;

import io.proxima.bgp.rib.AdjRibIn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a real full table into an Adj-RIB-In: the UPDATEs of updates.et-header.2015.gz, decoded
 * once at setup, applied in order to a fresh {@link AdjRibIn} (577,699 routes at the end; the 4
 * AS 0 routes are treated as withdrawn, RFC 7607 §2). One operation = the whole table, so the
 * score includes the table growing from empty, as on a session's first load. Decoding is
 * {@link DecodeBenchmark}'s subject and is not measured here.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar AdjRibInBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
public class AdjRibInBenchmark {

    @Param("../shared/data/mrt/bgpdump/test_data/updates.et-header.2015.gz")
    public String file;

    private RibFeed feed;

    @Setup(Level.Trial)
    public void load() throws IOException {
        feed = RibFeed.load(Path.of(file));
        System.out.println("# " + feed.steps().length + " UPDATEs, " + loadFullTable().size() + " routes at the end");
    }

    @Benchmark
    public AdjRibIn loadFullTable() {
        return feed.replay(changes -> { });
    }
}
