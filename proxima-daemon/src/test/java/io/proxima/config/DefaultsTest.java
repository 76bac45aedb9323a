package io.proxima.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.health.check.Timing;
import io.proxima.health.engine.Combine;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a config that says the least gets, and why those values. */
class DefaultsTest {

    private static final ProximaConfig MINIMAL = ValidConfigTest.fixture("minimal.yaml");

    @Test
    void checkTimingDefaultsToAWorstCaseFailoverOf1250Milliseconds() {
        Timing t = MINIMAL.services().getFirst().checks().getFirst().spec().timing();
        assertThat(t).isEqualTo(new Timing(Duration.ofMillis(500), Duration.ofMillis(250), 3, 2, Optional.empty(), Optional.empty()));
        // DESIGN.md safety rule 2: withdrawn within fall × interval + timeout; the issue asks for ≤ 1.5 s by default.
        Duration worst = t.interval().multipliedBy(t.fall()).plus(t.timeout());
        assertThat(worst).isEqualTo(Defaults.WORST_CASE_FAILOVER).isEqualTo(Duration.ofMillis(1250));
        assertThat(worst).isLessThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aShortIntervalAloneGetsATimeoutOfHalfOfIt() {
        assertThat(Defaults.timeoutFor(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(50));
        assertThat(Defaults.timeoutFor(Duration.ofSeconds(5))).isEqualTo(Defaults.TIMEOUT);
        assertThat(Defaults.timeoutFor(Defaults.INTERVAL)).isEqualTo(Defaults.TIMEOUT);
    }

    @Test
    void peerDefaults() {
        PeerSpec p = MINIMAL.peers().getFirst();
        assertThat(p.port()).isEqualTo(179);
        assertThat(p.holdTime()).isEqualTo(Duration.ofSeconds(90)).isEqualTo(PeerSpec.DEFAULT_HOLD_TIME);
        assertThat(p.gracefulRestart()).isEqualTo(-1);
        assertThat(p.passive()).isFalse();
        assertThat(p.gtsm()).isFalse();
        assertThat(p.multihop()).isZero();
        assertThat(p.localAddress()).isEmpty();
        assertThat(p.passwordFile()).isEmpty();
        assertThat(p.bfd()).isEmpty();
    }

    @Test
    void serviceAndCheckDefaults() {
        ServiceConfig s = MINIMAL.services().getFirst();
        assertThat(s.require()).isEqualTo(new Combine.All());
        assertThat(s.up()).isEqualTo(RouteAttributes.NONE);
        assertThat(s.degraded()).isEmpty();
        assertThat(s.drain()).isEqualTo(Duration.ZERO);
        assertThat(s.peers()).isEmpty();
        assertThat(s.dependsOn()).isEmpty();
        CheckConfig c = s.checks().getFirst();
        assertThat(c.name()).isEqualTo("dns/tcp");
        assertThat(c.optional()).isFalse();
        assertThat(c.damping()).isEqualTo(Defaults.DAMPING);
    }

    @Test
    void topLevelDefaults() throws Exception {
        assertThat(MINIMAL.listen()).isEmpty();
        assertThat(MINIMAL.api().listen().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(MINIMAL.api().listen().getPort()).isEqualTo(9179);
        assertThat(MINIMAL.api().tokenFile()).isEmpty();
        assertThat(MINIMAL.addresses()).isEqualTo(new AddressesConfig("lo", false));
        assertThat(MINIMAL.stateDir()).isEqualTo(Path.of("/var/lib/proxima"));
        assertThat(MINIMAL.eventLog()).isEqualTo(new EventLogConfig(Optional.empty(), true));
        assertThat(MINIMAL.lease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(MINIMAL.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anEventLogFileTurnsStdoutOffUnlessAskedFor() {
        assertThat(Defaults.eventLogStdout(false)).isTrue();
        assertThat(Defaults.eventLogStdout(true)).isFalse();
    }
}
