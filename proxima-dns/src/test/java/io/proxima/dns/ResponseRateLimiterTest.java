package io.proxima.dns;

import static io.proxima.dns.ResponseRateLimiter.Decision.DROP;
import static io.proxima.dns.ResponseRateLimiter.Decision.PASS;
import static io.proxima.dns.ResponseRateLimiter.Decision.SLIP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a fake clock: no sleeping. */
class ResponseRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ResponseRateLimiter limiter(int perSecond, int burst) {
        return new ResponseRateLimiter(new ResponderConfig.RateLimit(perSecond, burst), now::get);
    }

    private static InetAddress ip(String literal) {
        return TestZones.address(literal);
    }

    private static List<ResponseRateLimiter.Decision> admit(ResponseRateLimiter l, InetAddress a, int n) {
        List<ResponseRateLimiter.Decision> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(l.admit(a));
        return out;
    }

    @Test
    void aBurstPassesThenEverySecondLimitedResponseSlips() {
        ResponseRateLimiter l = limiter(10, 3);
        assertThat(admit(l, ip("192.0.2.1"), 7)).containsExactly(PASS, PASS, PASS, DROP, SLIP, DROP, SLIP);
    }

    @Test
    void tokensComeBackAtTheRate() {
        ResponseRateLimiter l = limiter(10, 1);
        assertThat(l.admit(ip("192.0.2.1"))).isEqualTo(PASS);
        assertThat(l.admit(ip("192.0.2.1"))).isNotEqualTo(PASS);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(99));
        assertThat(l.admit(ip("192.0.2.1"))).isNotEqualTo(PASS);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(l.admit(ip("192.0.2.1"))).isEqualTo(PASS);
    }

    @Test
    void aSlash24AndASlash56ShareOneBucket() {
        ResponseRateLimiter l = limiter(1, 1);
        assertThat(l.admit(ip("192.0.2.1"))).isEqualTo(PASS);
        assertThat(l.admit(ip("192.0.2.200"))).isNotEqualTo(PASS);
        assertThat(l.admit(ip("192.0.3.1"))).isEqualTo(PASS);
        assertThat(l.admit(ip("2001:db8:300:ff01::1"))).isEqualTo(PASS);
        assertThat(l.admit(ip("2001:db8:300:ff99::2"))).as("same /56").isNotEqualTo(PASS);
        assertThat(l.admit(ip("2001:db8:300:fe00::1"))).as("another /56").isEqualTo(PASS);
    }

    @Test
    void theTableIsBoundedAndForgetsRefilledPrefixes() throws UnknownHostException {
        ResponseRateLimiter l = limiter(1, 1);
        for (int i = 0; i < ResponseRateLimiter.MAX_PREFIXES; i++) {
            // distinct /24s: the index in the first three octets
            InetAddress a = InetAddress.getByAddress(new byte[] {(byte) (11 + (i >>> 16)), (byte) (i >>> 8), (byte) i, 1});
            assertThat(l.admit(a)).isEqualTo(PASS);
        }
        assertThat(l.trackedPrefixes()).isEqualTo(ResponseRateLimiter.MAX_PREFIXES);
        assertThat(l.admit(ip("198.51.100.1"))).as("full, nothing refilled: an unknown prefix is limited").isEqualTo(DROP);
        now.addAndGet(ResponseRateLimiter.SWEEP_INTERVAL_NANOS);
        assertThat(l.admit(ip("198.51.100.1"))).as("refilled buckets forgotten").isEqualTo(PASS);
        assertThat(l.trackedPrefixes()).isEqualTo(1);
    }
}
