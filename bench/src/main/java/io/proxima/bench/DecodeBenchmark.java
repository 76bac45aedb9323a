package io.proxima.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.MessageDecoder;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * UPDATE decode throughput on a real full table: the 89,679 UPDATEs (577,703 prefixes) of
 * updates.et-header.2015.gz, held in memory as raw messages. One operation = decoding every
 * message once; the score divided into the prefix count (printed at setup) is prefixes per second.
 * bench/run-jmh.sh prints that figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class DecodeBenchmark {

    @Param("../shared/data/mrt/bgpdump/test_data/updates.et-header.2015.gz")
    public String file;

    private ByteBuf[] messages;
    private SessionFacts[] facts;
    public static long prefixes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<ByteBuf> m = new ArrayList<>();
        List<SessionFacts> f = new ArrayList<>();
        long n = 0;
        try (MrtReader r = MrtReader.open(Path.of(file))) {
            MrtRecord rec;
            while ((rec = r.next()) != null) {
                if (rec instanceof MrtRecord.Bgp4mpMessage msg
                        && msg.message() instanceof DecodeResult.Decoded d && d.message() instanceof Update u) {
                    byte[] body = r.lastRecordBody();
                    int at = (msg.header().extendedTimestamp() ? 4 : 0) + (msg.as4() ? 8 : 4) + 4 + 2 * msg.peerAddress().octets();
                    m.add(Unpooled.wrappedBuffer(Arrays.copyOfRange(body, at, body.length)));
                    f.add(msg.as4() ? SessionFacts.AS4 : SessionFacts.RFC4271);
                    n += u.nlri().size() + u.withdrawn().size();
                }
            }
        }
        messages = m.toArray(ByteBuf[]::new);
        facts = f.toArray(SessionFacts[]::new);
        prefixes = n;
        System.out.println("# " + messages.length + " UPDATEs, " + n + " prefixes per operation");
    }

    @Benchmark
    public void decodeAllUpdates(Blackhole bh) {
        for (int i = 0; i < messages.length; i++) {
            ByteBuf b = messages[i];
            bh.consume(MessageDecoder.decode(b.duplicate(), facts[i]));
        }
    }
}
