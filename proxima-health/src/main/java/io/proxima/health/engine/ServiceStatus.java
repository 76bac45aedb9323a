package io.proxima.health.engine;

/** A service's state, why, and since when (nanoTime). */
public record ServiceStatus(String service, ServiceState state, String reason, long since) {

    static ServiceStatus unknown(String service, long now) {
        return new ServiceStatus(service, ServiceState.UNKNOWN, service + ": no check has decided yet", now);
    }
}
