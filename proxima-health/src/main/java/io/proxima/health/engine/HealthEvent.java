package io.proxima.health.engine;

import io.proxima.health.probe.ProbeResult;
import java.util.Map;

/** What the engine publishes, immutable; {@code at} is the engine clock's nanoTime. */
public sealed interface HealthEvent {

    long at();

    /** A probe finished (or the engine timed it out). */
    record ProbeCompleted(long at, String check, ProbeResult result) implements HealthEvent {}

    /** A check's state changed, after hysteresis and hold-down. */
    record CheckTransition(long at, String check, CheckState from, CheckState to, String reason) implements HealthEvent {}

    /** A service's state changed. */
    record ServiceTransition(long at, String service, ServiceState from, ServiceState to, String reason) implements HealthEvent {}

    /**
     * The full current state, published periodically even when nothing changes, so that a
     * consumer (a lease, a dead-man switch) can tell a quiet engine from a stalled one.
     */
    record StateAsserted(long at, Map<String, CheckSnapshot> checks, Map<String, ServiceStatus> services) implements HealthEvent {
        public StateAsserted {
            checks = Map.copyOf(checks);
            services = Map.copyOf(services);
        }
    }
}
