package io.proxima.lab;

import io.proxima.config.Defaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The check timings a site runs with, and the ExaBGP healthcheck options that match them for
 * {@code --compare exabgp}. {@link #TUNED} is the tuning (interval 100 ms, fall 2) and what
 * every site starts with. Like ExaBGP's healthcheck, whose defaults check five times as often while
 * the state is changing (interval 5 s, {@code --fast-interval} 1 s), it then checks every 20 ms
 * (after a failure, and after a pass while down), and ExaBGP is given the same;
 * {@link #TUNED_NOFAST} is the same without the faster re-check, for both. {@link #DEFAULTS} leaves
 * the keys out so that the daemon's own defaults apply ({@link Defaults}); {@link #FAST} is the fast
 * profile of {@code bench/failover.sh} (interval 20 ms, timeout 10 ms, a re-check 1 ms after a
 * failure). Every profile keeps the lab's
 * short flap half-life ({@link Site#DAMPING_HALF_LIFE}). ExaBGP's check is dig with {@code +time=1},
 * its shortest timeout, so its {@code --timeout} stays 1 s in every setting.
 */
enum Profile {

    DEFAULTS("defaults", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            "", "interval 5 s, fast 1 s, rise 3, fall 3 (its defaults)"),
    TUNED("tuned", Optional.of(Duration.ofMillis(100)), Optional.of(Duration.ofMillis(80)), Optional.of(Duration.ofMillis(20)), Optional.of(2),
            Optional.of(2), "--interval 0.1 --fast-interval 0.02 --timeout 1 --rise 2 --fall 2", "interval 100 ms, fast 20 ms, fall 2"),
    TUNED_NOFAST("tuned-nofast", Optional.of(Duration.ofMillis(100)), Optional.of(Duration.ofMillis(80)), Optional.empty(), Optional.of(2),
            Optional.of(2), "--interval 0.1 --fast-interval 0.1 --timeout 1 --rise 2 --fall 2", "interval 100 ms, fast 100 ms, fall 2"),
    FAST("fast", Optional.of(Duration.ofMillis(20)), Optional.of(Duration.ofMillis(10)), Optional.of(Duration.ofMillis(1)), Optional.of(2), Optional.of(2),
            "--interval 0.02 --fast-interval 0.001 --timeout 1 --rise 2 --fall 2", "interval 20 ms, fast 1 ms, fall 2");

    /** ExaBGP healthcheck's default --interval. */
    static final Duration EXABGP_DEFAULT_INTERVAL = Duration.ofSeconds(5);

    final String id;
    final Optional<Duration> interval;
    final Optional<Duration> timeout;
    final Optional<Duration> fastInterval;
    final Optional<Integer> rise;
    final Optional<Integer> fall;
    /** The healthcheck's options for the same cadence. */
    final String exabgpOptions;
    final String exabgpWhat;

    Profile(String id, Optional<Duration> interval, Optional<Duration> timeout, Optional<Duration> fastInterval, Optional<Integer> rise,
            Optional<Integer> fall, String exabgpOptions, String exabgpWhat) {
        this.id = id;
        this.interval = interval;
        this.timeout = timeout;
        this.fastInterval = fastInterval;
        this.rise = rise;
        this.fall = fall;
        this.exabgpOptions = exabgpOptions;
        this.exabgpWhat = exabgpWhat;
    }

    static Profile parse(String name) {
        for (Profile p : values()) if (p.id.equals(name)) return p;
        throw new IllegalArgumentException("unknown profile '" + name + "'; one of: "
                + String.join(", ", Arrays.stream(values()).map(p -> p.id).toList()));
    }

    /** A comma-separated list, or {@code all}. */
    static List<Profile> parseList(String names) {
        if (names.equals("all")) return List.of(values());
        List<Profile> out = new ArrayList<>();
        for (String n : names.split(",")) {
            Profile p = parse(n.strip());
            if (!out.contains(p)) out.add(p);
        }
        return out;
    }

    /** The check's timing keys, indented as the lab's config puts them (none for the defaults). */
    String checkYaml(String indent) {
        StringBuilder b = new StringBuilder();
        interval.ifPresent(d -> b.append(indent).append("interval: ").append(d.toMillis()).append("ms\n"));
        timeout.ifPresent(d -> b.append(indent).append("timeout: ").append(d.toMillis()).append("ms\n"));
        fastInterval.ifPresent(d -> b.append(indent).append("fast-interval: ").append(d.toMillis()).append("ms\n"));
        rise.ifPresent(n -> b.append(indent).append("rise: ").append(n).append('\n'));
        fall.ifPresent(n -> b.append(indent).append("fall: ").append(n).append('\n'));
        return b.toString();
    }

    /**
     * One check cycle of Proxima's ({@code proxima} true) or of ExaBGP's healthcheck: the spread of the
     * random pause before a fault, so that faults land at every point of the cycle.
     */
    Duration cycle(boolean proxima) {
        if (proxima) return interval.orElse(Defaults.INTERVAL);
        return this == DEFAULTS ? EXABGP_DEFAULT_INTERVAL : interval.orElseThrow();
    }

    /** For the report: what the site's dns check does. */
    String what() {
        if (this == DEFAULTS) {
            return "the daemon's defaults: every " + Defaults.INTERVAL.toMillis() + " ms, timeout " + Defaults.TIMEOUT.toMillis() + " ms, rise "
                    + Defaults.RISE + ", fall " + Defaults.FALL;
        }
        StringBuilder b = new StringBuilder("every ").append(interval.orElseThrow().toMillis()).append(" ms, timeout ")
                .append(timeout.orElseThrow().toMillis()).append(" ms");
        fastInterval.ifPresent(d -> b.append(", re-check after ").append(d.toMillis()).append(" ms while changing"));
        return b.append(", rise ").append(rise.orElseThrow()).append(", fall ").append(fall.orElseThrow()).toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
