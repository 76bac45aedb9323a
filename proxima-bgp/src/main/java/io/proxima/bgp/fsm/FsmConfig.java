package io.proxima.bgp.fsm;

import java.time.Duration;

/**
 * Timer settings of one peer's FSM.
 *
 * @param passive        never initiate a connection: wait for the peer (RFC 4271 §8.1.1 PassiveTcpEstablishment)
 * @param connectRetry   the first ConnectRetryTime; doubles on each failure up to {@code maxConnectRetry}
 * @param maxConnectRetry the cap of the back-off
 * @param idleHold       the first pause before an automatic restart after an error; doubles likewise
 * @param maxIdleHold    the cap of that back-off
 */
public record FsmConfig(boolean passive, Duration connectRetry, Duration maxConnectRetry, Duration idleHold, Duration maxIdleHold) {

    /** Quick to reconnect, as anycast needs, yet backing off from a peer that keeps failing. */
    public static final FsmConfig DEFAULT = new FsmConfig(false, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMillis(500), Duration.ofSeconds(60));

    public FsmConfig {
        if (connectRetry.isNegative() || connectRetry.isZero() || maxConnectRetry.compareTo(connectRetry) < 0
                || idleHold.isNegative() || maxIdleHold.compareTo(idleHold) < 0) {
            throw new IllegalArgumentException("bad FSM timers");
        }
    }

    public FsmConfig withPassive(boolean p) {
        return new FsmConfig(p, connectRetry, maxConnectRetry, idleHold, maxIdleHold);
    }
}
