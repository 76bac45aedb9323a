package io.proxima.config;

import io.proxima.health.check.CheckSpec;
import io.proxima.health.engine.FlapDamping;

/**
 * One check of a service.
 *
 * @param name     unique across the config; {@code <service>/<kind>-<index>} when not given
 * @param optional an optional check only makes its service DEGRADED
 */
public record CheckConfig(String name, CheckSpec spec, boolean optional, FlapDamping damping) { }
