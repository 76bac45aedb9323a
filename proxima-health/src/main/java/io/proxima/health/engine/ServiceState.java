package io.proxima.health.engine;

/** A service's verdict: UNKNOWN until its checks have decided, DEGRADED when up but impaired. */
public enum ServiceState { UNKNOWN, UP, DEGRADED, DOWN }
