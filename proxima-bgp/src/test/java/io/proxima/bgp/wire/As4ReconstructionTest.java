package io.proxima.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.SharedData;
import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Aggregator;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.As4Reconstruction;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class As4ReconstructionTest {

    private static String path(List<PathAttribute> attrs) {
        return Segment.format(As4Reconstruction.reconstruct(attrs).path().segments());
    }

    @Test
    void replacesTheTailWithAs4Path() {
        // RFC 6793 §4.2.3: keep as many leading AS numbers as make the counts equal.
        assertThat(path(List.of(AsPath.sequence(1, 2, 23456, 23456), new As4Path(AsPath.sequence(100000, 200000).segments()))))
                .isEqualTo("1 2 100000 200000");
        assertThat(path(List.of(AsPath.sequence(23456, 23456), new As4Path(AsPath.sequence(100000, 200000).segments()))))
                .isEqualTo("100000 200000");
    }

    @Test
    void walksTheLeadingSegmentsInOrder() {
        AsPath p = new AsPath(List.of(new Segment(Segment.AS_SEQUENCE, 1, 2), new Segment(Segment.AS_SEQUENCE, 3, 4, 23456)));
        assertThat(path(List.of(p, new As4Path(AsPath.sequence(100000).segments())))).isEqualTo("1 2 3 4 100000");
        AsPath withSet = new AsPath(List.of(new Segment(Segment.AS_SET, 7, 8), new Segment(Segment.AS_SEQUENCE, 1, 2, 23456)));
        assertThat(path(List.of(withSet, new As4Path(AsPath.sequence(100000).segments())))).isEqualTo("{7,8} 1 2 100000");
    }

    @Test
    void ignoresALongerAs4Path() {
        assertThat(path(List.of(AsPath.sequence(1, 23456), new As4Path(AsPath.sequence(100000, 200000, 300000).segments()))))
                .isEqualTo("1 23456");
    }

    @Test
    void aggregatorDecidesWhetherAs4AttributesCount() {
        IpAddress a = IpAddress.parse("192.0.2.1");
        var notTrans = As4Reconstruction.reconstruct(List.of(AsPath.sequence(1, 23456), new As4Path(AsPath.sequence(100000).segments()),
                new Aggregator(65000, a), new As4Aggregator(100000, a)));
        assertThat(Segment.format(notTrans.path().segments())).isEqualTo("1 23456");
        assertThat(notTrans.aggregator().asn()).isEqualTo(65000);
        var trans = As4Reconstruction.reconstruct(List.of(AsPath.sequence(1, 23456), new As4Path(AsPath.sequence(100000).segments()),
                new Aggregator(23456, a), new As4Aggregator(100000, a)));
        assertThat(Segment.format(trans.path().segments())).isEqualTo("1 100000");
        assertThat(trans.aggregator().asn()).isEqualTo(100000);
    }

    /** Cross-check on real data: where bgpdump's merge and the RFC's agree, they must give the same path. */
    @Test
    void agreesWithTheRoutesInTheBgpdumpData() throws IOException {
        int merged = 0;
        try (MrtReader r = MrtReader.open(SharedData.bgpdumpData().resolve("updates.20100722.2015.gz"))) {
            MrtRecord rec;
            while ((rec = r.next()) != null) {
                if (rec instanceof MrtRecord.Bgp4mpMessage m && !m.as4()
                        && m.message() instanceof DecodeResult.Decoded d && d.message() instanceof Update u
                        && u.get(As4Path.class) != null) {
                    String rfc = Segment.format(As4Reconstruction.reconstruct(u.attributes()).path().segments());
                    assertThat(rfc).doesNotContain("23456");
                    merged++;
                }
            }
        }
        assertThat(merged).isEqualTo(10);
    }
}
