package io.proxima.bench;

import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.rib.AdjRibIn;
import io.proxima.bgp.rib.AttributePool;
import io.proxima.bgp.rib.DecisionProcess;
import io.proxima.bgp.rib.LocRib;
import io.proxima.bgp.rib.PeerId;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.nlri.Nlri;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** One UPDATE to apply, or the routes of a malformed one to treat as withdrawn (RFC 7606 §2). */
    record Step(Update update, List<Nlri> treatAsWithdraw) { }

    private Step[] steps;
    private PeerId peer;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<Step> s = new ArrayList<>();
        try (MrtReader r = MrtReader.open(Path.of(file))) {
            MrtRecord rec;
            while ((rec = r.next()) != null) {
                if (!(rec instanceof MrtRecord.Bgp4mpMessage m) || m.local()) continue;
                if (peer == null) peer = PeerId.of(m.peerAddress(), m.peerAs(), m.peerAddress(), m.localAs());
                switch (m.message()) {
                    case DecodeResult.Decoded d when d.message() instanceof Update u -> s.add(new Step(u, null));
                    case MessageError e when e.disposition() == Disposition.TREAT_AS_WITHDRAW -> s.add(new Step(null, e.treatAsWithdraw()));
                    case MessageError e when e.disposition() == Disposition.ATTRIBUTE_DISCARD -> s.add(new Step(e.update(), null));
                    default -> { }
                }
            }
        }
        steps = s.toArray(Step[]::new);
        LocRib loc = new LocRib(new DecisionProcess());
        load(loc, null);
        System.out.println("# " + steps.length + " UPDATEs, " + loc.size() + " best paths at the end");
    }

    /** Applies the feed; with a Loc-RIB, hands each UPDATE's best-path changes to {@code sink}. */
    private AdjRibIn load(LocRib loc, Blackhole sink) {
        // A route collector's feed from an iBGP peer: no first-AS check (RFC 7947 §2.2.2.1 route servers).
        AdjRibIn rib = new AdjRibIn(peer, new AdjRibIn.Config(AdjRibIn.NO_LIMIT, false), new AttributePool());
        for (Step step : steps) {
            List<RouteChange> changes = step.update() != null ? rib.apply(step.update()).changes()
                    : rib.withdraw(step.treatAsWithdraw()).changes();
            if (loc != null && !changes.isEmpty()) {
                var best = loc.update(peer, changes);
                if (sink != null) sink.consume(best);
            }
        }
        return rib;
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
