package io.proxima.bgp.fsm;

/**
 * The FSM's state variables (RFC 4271 §8): the state, the ConnectRetryCounter, the count of
 * consecutive failed sessions that drives the automatic-restart back-off, and the negotiated
 * timers once an OPEN was accepted.
 */
public record FsmState(State state, int connectRetryCounter, int failures, Negotiated negotiated) {

    public static final FsmState INITIAL = new FsmState(State.IDLE, 0, 0, null);

    FsmState to(State s) {
        return new FsmState(s, connectRetryCounter, failures, s == State.IDLE ? null : negotiated);
    }

    FsmState withCounter(int c) {
        return new FsmState(state, c, failures, negotiated);
    }

    FsmState withFailures(int f) {
        return new FsmState(state, connectRetryCounter, f, negotiated);
    }

    FsmState withNegotiated(Negotiated n) {
        return new FsmState(state, connectRetryCounter, failures, n);
    }
}
