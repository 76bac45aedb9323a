package io.proxima.health.engine;

/** Receives the engine's events on the engine's thread, in order; must return quickly and not block. */
@FunctionalInterface
public interface HealthListener {
    void on(HealthEvent event);
}
