package io.proxima.bgp.fsm;

/** The FSM's timers (RFC 4271 §8.1.3, §10). The runtime schedules them; expiry comes back as an event. */
public enum Timer {
    CONNECT_RETRY,
    HOLD,
    KEEPALIVE,
    /** The back-off before an automatic restart after an error (RFC 4271 §8.1.1, DampPeerOscillations). */
    IDLE_HOLD
}
