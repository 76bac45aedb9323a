/**
 * The health engine: per-check hysteresis ({@code rise}/{@code fall}), flap hold-down with the
 * semantics of RFC 2439 (BGP Route Flap Damping), per-service composition (all, any, quorum;
 * optional checks; degraded latency; dependencies), and one scheduler thread for every check.
 *
 * <p>Deliberate deviations from RFC 2439: a "flap" is a check's UP↔DOWN transition (both
 * directions are charged, where RFC 2439 charges withdrawals); leaving UNKNOWN is not charged;
 * the figure of merit is re-evaluated at each probe result rather than by reuse lists, so a
 * held-down check is released at its first probe after the figure decays below reuse.
 */
package io.proxima.health.engine;
