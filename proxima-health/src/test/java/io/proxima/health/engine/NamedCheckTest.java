package io.proxima.health.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.health.check.TcpCheck;
import io.proxima.health.check.Timing;
import io.proxima.health.probe.Probe;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a reload counts as the same check: equal specs, or the very same hand-made probe. */
class NamedCheckTest {

    private static final Timing TIMING = new Timing(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 2, Optional.empty(), Optional.empty());
    private static final TcpCheck DNS_TCP = new TcpCheck("192.0.2.53", 53, Optional.empty(), Optional.empty(), TIMING);

    @Test
    void checksMadeFromEqualSpecsAreTheSameAlthoughTheirProbesDiffer() {
        NamedCheck a = new NamedCheck("dns", DNS_TCP, FlapDamping.DEFAULTS);
        NamedCheck b = new NamedCheck("dns", new TcpCheck("192.0.2.53", 53, Optional.empty(), Optional.empty(), TIMING), FlapDamping.DEFAULTS);
        assertThat(a.probe()).isNotSameAs(b.probe());
        assertThat(b.sameAs(a)).isTrue();
        assertThat(b.timing()).isEqualTo(TIMING);
    }

    @Test
    void anyDifferenceInNameSpecTimingOrHoldDownIsAChange() {
        NamedCheck a = new NamedCheck("dns", DNS_TCP, FlapDamping.DEFAULTS);
        Timing slower = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(1), 2, 2, Optional.empty(), Optional.empty());
        FlapDamping stricter = new FlapDamping(1000, Duration.ofSeconds(30), 2500, 750, 24000);
        assertThat(new NamedCheck("dns2", DNS_TCP, FlapDamping.DEFAULTS).sameAs(a)).isFalse();
        assertThat(new NamedCheck("dns", new TcpCheck("192.0.2.53", 5353, Optional.empty(), Optional.empty(), TIMING), FlapDamping.DEFAULTS).sameAs(a)).isFalse();
        assertThat(new NamedCheck("dns", new TcpCheck("192.0.2.53", 53, Optional.empty(), Optional.empty(), slower), FlapDamping.DEFAULTS).sameAs(a)).isFalse();
        assertThat(new NamedCheck("dns", DNS_TCP, stricter).sameAs(a)).isFalse();
    }

    @Test
    void aHandMadeProbeIsTheSameOnlyAsItself() {
        Probe probe = timeout -> { throw new UnsupportedOperationException(); };
        NamedCheck a = new NamedCheck("custom", TIMING, probe);
        assertThat(new NamedCheck("custom", TIMING, probe).sameAs(a)).isTrue();
        assertThat(new NamedCheck("custom", TIMING, timeout -> { throw new UnsupportedOperationException(); }).sameAs(a)).isFalse();
        assertThat(new NamedCheck("custom", DNS_TCP, FlapDamping.DEFAULTS).sameAs(a)).isFalse();
    }

    @Test
    void theTimingMustBeTheSpecs() {
        Timing other = new Timing(Duration.ofSeconds(9), Duration.ofSeconds(1), 2, 2, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> new NamedCheck("dns", other, timeout -> null, FlapDamping.DEFAULTS, Optional.of(DNS_TCP)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("check dns: timing differs from its spec's");
    }
}
