package io.proxima.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hand-written Prometheus text exposition (format 0.0.4) and its histograms. */
class PrometheusTextTest {

    @Test
    void writesHelpTypeAndSamplesWithEscapedLabels() {
        String text = new PrometheusText()
                .family("proxima_x", "gauge", "a \\ help\nline")
                .sample("proxima_x", 1, "service", "a\"b\\c\nd", "state", "up")
                .sample("proxima_x", 0.25)
                .toString();
        assertThat(text).isEqualTo("""
                # HELP proxima_x a \\\\ help\\nline
                # TYPE proxima_x gauge
                proxima_x{service="a\\"b\\\\c\\nd",state="up"} 1
                proxima_x 0.25
                """);
    }

    @Test
    void numbersAreIntegersWhenWholeAndGoReadableOtherwise() {
        assertThat(PrometheusText.number(3)).isEqualTo("3");
        assertThat(PrometheusText.number(-2)).isEqualTo("-2");
        assertThat(PrometheusText.number(0.111)).isEqualTo("0.111");
        assertThat(PrometheusText.number(1e-4)).isEqualTo("1.0e-4");
        assertThat(PrometheusText.number(1e20)).isEqualTo("1.0e20");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void histogramBucketsAreCumulativeAndUpperBoundsInclusive() {
        // Binary fractions, so the sum is exact.
        Histogram h = new Histogram(new double[] {0.125, 1});
        h.observe(0.0625);
        h.observe(0.125);   // le="0.125" includes its bound
        h.observe(0.5);
        h.observe(7);     // only in +Inf
        PrometheusText out = new PrometheusText();
        h.write(out, "proxima_h_seconds", "check", "dns");
        assertThat(out.toString()).isEqualTo("""
                proxima_h_seconds_bucket{check="dns",le="0.125"} 2
                proxima_h_seconds_bucket{check="dns",le="1"} 3
                proxima_h_seconds_bucket{check="dns",le="+Inf"} 4
                proxima_h_seconds_count{check="dns"} 4
                proxima_h_seconds_sum{check="dns"} 7.6875
                """);
    }

    @Test
    void histogramBoundsMustIncrease() {
        assertThatThrownBy(() -> new Histogram(new double[] {1, 1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metricsWithoutADaemonStillListTheirCountersAndHistograms() {
        Metrics m = new Metrics();
        m.probe("svc/dns", true, java.time.Duration.ofMillis(3));
        m.checkTransition("svc/dns", "UP");
        m.leaseExpired();
        m.failover(java.time.Duration.ofMillis(150));
        assertThat(m.scrape()).contains(
                "proxima_check_latency_seconds_bucket{check=\"svc/dns\",result=\"pass\",le=\"0.005\"} 1",
                "proxima_check_latency_seconds_bucket{check=\"svc/dns\",result=\"pass\",le=\"0.0025\"} 0",
                "proxima_check_transitions_total{check=\"svc/dns\",to=\"up\"} 1",
                "proxima_lease_expired_total 1",
                "proxima_failover_seconds_bucket{le=\"0.2\"} 1",
                "proxima_failover_seconds_bucket{le=\"0.1\"} 0",
                "proxima_failover_seconds_count 1",
                "proxima_failover_seconds_sum 0.15");
    }
}
