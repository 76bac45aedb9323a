package io.proxima.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a {@link BirdSink} fill up: when its session became Established (BIRD's own "Since",
 * µs), and the first poll at which it holds the expected number of routes. Polls
 * {@code show protocols all} over the control socket every {@link #POLL}; each poll costs BIRD
 * well under a millisecond.
 */
final class BirdWatch {

    static final Duration POLL = Duration.ofMillis(10);
    /** The route lines of {@code show route} carry "[protocol time]" with {@code timeformat route iso long us}. */
    private static final Pattern ROUTE_TIME = Pattern.compile("\\[\\S+ (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6})");

    /**
     * @param established  BIRD's Established moment
     * @param allHeld      the first poll that saw {@code expected} routes, or null on timeout
     * @param lastImported the routes seen at the last poll
     */
    record Fill(Instant established, Instant allHeld, long lastImported) {
        double seconds() {
            return (Clock.epochMicros(allHeld) - Clock.epochMicros(established)) / 1e6;
        }
    }

    private BirdWatch() {
    }

    /**
     * Starts {@link #fill} on a thread of its own, before the speaker starts: some speakers' start
     * calls return only after their session is up.
     */
    static CompletableFuture<Fill> watch(BirdSink bird, long expected, Duration sessionTimeout, Duration fillTimeout) {
        CompletableFuture<Fill> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(fill(bird, expected, sessionTimeout, fillTimeout));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "bird-watch");
        t.setDaemon(true);
        t.start();
        return f;
    }

    static Fill await(CompletableFuture<Fill> watch) throws InterruptedException {
        try {
            return watch.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Waits for Established (up to {@code sessionTimeout}), then for {@code expected} routes (up to {@code fillTimeout}). */
    static Fill fill(BirdSink bird, long expected, Duration sessionTimeout, Duration fillTimeout) throws InterruptedException {
        long sessionDeadline = System.nanoTime() + sessionTimeout.toNanos();
        BirdControl.Protocol p = bird.protocol();
        while (!p.established()) {
            if (System.nanoTime() > sessionDeadline) throw new IllegalStateException("BIRD's session never became Established");
            Thread.sleep(POLL);
            p = bird.protocol();
        }
        Instant established = p.since();
        long fillDeadline = System.nanoTime() + fillTimeout.toNanos();
        while (p.imported() < expected) {
            if (!p.established()) throw new IllegalStateException("BIRD's session went down after " + p.imported() + " routes");
            if (System.nanoTime() > fillDeadline) return new Fill(established, null, p.imported());
            Thread.sleep(POLL);
            p = bird.protocol();
        }
        return new Fill(established, Instant.now(), p.imported());
    }

    /** The oldest and newest import times of the routes BIRD holds from the feed, by BIRD's own clock. */
    record Imports(Instant first, Instant last) { }

    /**
     * When the first and the last of the routes BIRD holds arrived, by BIRD's own clock
     * ({@code show route}, one timestamp per route): the end of the interval free of the polling
     * step, and how long the speaker took before its first UPDATE landed.
     */
    static Imports imports(BirdSink bird) {
        List<String> lines = bird.control().command("show route protocol " + BirdSink.PROTOCOL);
        String oldest = null, newest = null;
        for (String line : lines) {
            Matcher m = ROUTE_TIME.matcher(line);
            if (!m.find()) continue;
            // ISO timestamps of one format order as strings do.
            String t = m.group(1);
            if (oldest == null || t.compareTo(oldest) < 0) oldest = t;
            if (newest == null || t.compareTo(newest) > 0) newest = t;
        }
        if (newest == null) throw new IllegalStateException("BIRD shows no routes from " + BirdSink.PROTOCOL);
        return new Imports(BirdControl.parseTime(oldest), BirdControl.parseTime(newest));
    }
}
