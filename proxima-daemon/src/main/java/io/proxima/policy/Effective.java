package io.proxima.policy;

/**
 * A service's state as operators see it: the health engine's verdict, or DRAINED when an operator
 * drained it (which wins over UP and DEGRADED, never over DOWN: a dead service is not announced,
 * not even with GRACEFUL_SHUTDOWN).
 */
public enum Effective { UNKNOWN, UP, DEGRADED, DOWN, DRAINED }
