package io.proxima.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Aggregator;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bgpdump's formatting choices that the test files do not all reach, checked against bgpdump's own output. */
class BgpdumpLinesTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "2001:7f8:30:0:2:1:0:8447, 2001:7f8:30::2:1:0:8447", // a single zero group is compressed
        "1:0:1:1:1:1:1:1, 1::1:1:1:1:1:1",
        "1:1:1:1:1:1:1:0, 1:1:1:1:1:1:1::",
        "1:0:1:0:0:1:1:1, 1:0:1::1:1:1",
        "0:0:1:0:0:0:0:1, 0:0:1::1",
        "0:0:0:0:0:0:0:2, ::0.0.0.2",                       // IPv4-compatible when the last 32 bits exceed 1
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "::ffff:193.0.0.56, ::ffff:193.0.0.56",
        "0:0:0:0:ffff:0:102:304, ::ffff:0:102:304",
        "2001:db8:0:1:0:0:0:0, 2001:db8:0:1::",
    })
    void formatsIpv6LikeBgpdump(String in, String out) {
        StringBuilder sb = new StringBuilder();
        BgpdumpLines.address(IpAddress.parse(in), sb);
        assertThat(sb).hasToString(out);
    }

    @Test
    void formatsSegmentsLikeBgpdump() {
        List<Segment> segs = List.of(new Segment(Segment.AS_SEQUENCE, 1, 2), new Segment(Segment.AS_CONFED_SEQUENCE, 3, 4),
                new Segment(Segment.AS_SET, 5, 6), new Segment(Segment.AS_CONFED_SET, 7, 8), new Segment(Segment.AS_SEQUENCE, 9),
                new Segment(Segment.AS_SET, 10), new Segment(Segment.AS_SET, 11, 12));
        assertThat(BgpdumpLines.formatPath(segs)).isEqualTo("1 2 (3 4) {5,6} [7,8] 9 {10} {11,12}");
        assertThat(BgpdumpLines.formatPath(List.of(new Segment(Segment.AS_SEQUENCE, 1, 2), new Segment(Segment.AS_SEQUENCE, 3))))
                .isEqualTo("1 2 3");
    }

    @Test
    void mergesAs4PathLikeBgpdump() {
        // The ordinary case (updates.20100722): AS_TRANS replaced from AS4_PATH.
        assertThat(merge(List.of(seq(1, 2, 23456, 23456)), List.of(seq(100000, 200000)))).isEqualTo("1 2 100000 200000");
        // bgpdump keeps AS_PATH when AS4_PATH is longer.
        assertThat(merge(List.of(seq(1, 23456)), List.of(seq(100000, 200000, 300000)))).isEqualTo("1 23456");
        // bgpdump copies the first segment again and again.
        assertThat(merge(List.of(seq(1, 2), seq(3, 4, 23456)), List.of(seq(100000)))).isEqualTo("1 2 1 2 100000");
        assertThat(merge(List.of(new Segment(Segment.AS_SET, 7, 8), seq(1, 2, 23456)), List.of(seq(100000))))
                .isEqualTo("{7,8} {7,8} {7,8} 100000");
    }

    @Test
    void skipsTheMergeWhenAggregatorIsNotAsTrans() {
        List<PathAttribute> attrs = List.of(new AsPath(List.of(seq(1, 23456))), new As4Path(List.of(seq(100000))),
                new Aggregator(65000, IpAddress.parse("192.0.2.1")), new As4Aggregator(100000, IpAddress.parse("192.0.2.1")));
        assertThat(BgpdumpLines.asPath(attrs, true)).isEqualTo("1 23456");
    }

    private static String merge(List<Segment> path, List<Segment> path4) {
        return BgpdumpLines.asPath(List.of(new AsPath(path), new As4Path(path4)), true);
    }

    private static Segment seq(long... asns) {
        return new Segment(Segment.AS_SEQUENCE, asns);
    }
}
