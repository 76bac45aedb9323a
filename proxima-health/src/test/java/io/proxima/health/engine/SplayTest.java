package io.proxima.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplayTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final long GOLDEN = 1_552_957_781L;

    @Test
    void sameNameSameOffsetWithinTheInterval() {
        // A golden value: the offset must not change between runs or releases.
        assertThat(Splay.offset("web-1", INTERVAL)).isEqualTo(Duration.ofNanos(GOLDEN));
        for (int i = 0; i < 10_000; i++) {
            Duration d = Splay.offset("check-" + i, INTERVAL);
            assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(INTERVAL);
        }
    }

    @Test
    void similarNamesSpreadOverTheInterval() {
        Set<Long> seconds = new HashSet<>();
        for (int i = 0; i < 100; i++) seconds.add(Splay.offset("web-" + i, INTERVAL).toMillis() / 1000);
        assertThat(seconds).hasSize(5);
    }
}
