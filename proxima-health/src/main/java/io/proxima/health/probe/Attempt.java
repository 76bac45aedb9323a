package io.proxima.health.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;

/**
 * Runs one blocking probe body and turns whatever happens into a {@link ProbeResult}: the body's
 * verdict, or an exception's specific reason ({@link #call}, on the caller's thread, for
 * {@link BlockingProbe#call}); {@link #run} does the same on a virtual thread of its own and adds a
 * timeout at the deadline. The body gets the timeout and should honour it itself (socket timeouts,
 * waitFor); the deadline is the guarantee, and interrupts a body that overran it so it can clean up.
 */
final class Attempt {

    static {
        // Links reason()'s pattern switch when the first probe is made, not at the first failure: its
        // first run spins a class and loads the exception types (18 ms in the lab, docs/benchmarks.md),
        // which would delay the first withdraw after a start by as much
        reason(new IOException("link"), Duration.ZERO);
    }

    @FunctionalInterface
    interface Body {
        /** Blocking; {@code clock} measures latency from the start. */
        ProbeResult run(Duration timeout, Clock clock) throws Exception;
    }

    /** Latency from the start of one attempt. */
    static final class Clock {
        private final long start = System.nanoTime();

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        Duration remaining(Duration timeout) {
            Duration left = timeout.minus(elapsed());
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** For socket APIs, where 0 means "no limit": at least 1 ms. */
        int remainingMillis(Duration timeout) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining(timeout).toMillis()));
        }
    }

    private Attempt() {}

    static CompletionStage<ProbeResult> run(String kind, Duration timeout, Body body) {
        Clock clock = new Clock();
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        ProbeResult timedOut = timeout(timeout);
        Thread worker = Thread.ofVirtual().name("probe-" + kind).unstarted(() -> {
            // Started only after the deadline (carriers overloaded): the verdict is in, skip the work.
            if (result.isDone()) return;
            result.complete(call(timeout, clock, body));
        });
        result.completeOnTimeout(timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.thenAccept(r -> {
            if (r == timedOut) worker.interrupt();
        });
        worker.start();
        return result;
    }

    /** Runs {@code body} on this thread, timed from now; an exception becomes a failed result. */
    static ProbeResult call(Duration timeout, Body body) {
        return call(timeout, new Clock(), body);
    }

    private static ProbeResult call(Duration timeout, Clock clock, Body body) {
        try {
            return body.run(timeout, clock);
        } catch (Throwable t) {
            return ProbeResult.fail(clock.elapsed(), reason(t, timeout));
        }
    }

    static ProbeResult timeout(Duration timeout) {
        return ProbeResult.fail(timeout, "timeout after " + timeout.toMillis() + " ms");
    }

    /** A short, specific reason for the event log: which failure, not a stack trace. */
    static String reason(Throwable t, Duration timeout) {
        return switch (t) {
            case SocketTimeoutException e -> "timeout after " + timeout.toMillis() + " ms";
            case HttpTimeoutException e -> "timeout after " + timeout.toMillis() + " ms";
            case InterruptedException e -> "timeout after " + timeout.toMillis() + " ms";
            case ConnectException e -> "connect refused";
            case PortUnreachableException e -> "port unreachable";
            case NoRouteToHostException e -> "no route to host";
            case UnknownHostException e -> "unknown host " + e.getMessage();
            case SSLHandshakeException e -> "TLS handshake failed";
            case IOException e -> "I/O error: " + message(e);
            default -> "error: " + message(t);
        };
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
