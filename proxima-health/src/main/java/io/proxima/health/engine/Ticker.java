package io.proxima.health.engine;

/** A monotonic clock, injected so that tests advance time instead of sleeping. */
@FunctionalInterface
public interface Ticker {
    long nanoTime();
}
