package io.proxima.health.engine;

/** A check's verdict after hysteresis: UNKNOWN until {@code rise} passes or {@code fall} failures. */
public enum CheckState { UNKNOWN, UP, DOWN }
