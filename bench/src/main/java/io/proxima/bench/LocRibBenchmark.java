package io.proxima.bench;

import io.proxima.bgp.rib.AdjRibIn;
import io.proxima.bgp.rib.DecisionProcess;
import io.proxima.bgp.rib.LocRib;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Router mode's receive path without a session: the UPDATEs of updates.et-header.2015.gz, decoded
 * once at setup, applied in order to a fresh {@link AdjRibIn} and each one's route changes to a
 * fresh {@link LocRib}, as {@code BgpSpeaker} does in router mode (577,699 best paths at the end).
 * {@code adjRibInOnly} is the same without the Loc-RIB (speaker mode, {@link AdjRibInBenchmark}'s
 * subject), so the difference of the two scores is what the Loc-RIB costs. One operation = the whole
 * table, growing from empty.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar LocRibBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
public class LocRibBenchmark {

    @Param("../shared/data/mrt/bgpdump/test_data/updates.et-header.2015.gz")
    public String file;

    private RibFeed feed;

    @Setup(Level.Trial)
    public void load() throws IOException {
        feed = RibFeed.load(Path.of(file));
        LocRib loc = new LocRib(new DecisionProcess());
        load(loc, null);
        System.out.println("# " + feed.steps().length + " UPDATEs, " + loc.size() + " best paths at the end");
    }

    /** Applies the feed; with a Loc-RIB, hands each UPDATE's best-path changes to {@code sink}. */
    private AdjRibIn load(LocRib loc, Blackhole sink) {
        return feed.replay(changes -> {
            if (loc != null && !changes.isEmpty()) {
                var best = loc.update(feed.peer(), changes);
                if (sink != null) sink.consume(best);
            }
        });
    }

    @Benchmark
    public AdjRibIn adjRibInOnly() {
        return load(null, null);
    }

    @Benchmark
    public LocRib adjRibInAndLocRib(Blackhole sink) {
        LocRib loc = new LocRib(new DecisionProcess());
        load(loc, sink);
        return loc;
    }
}
