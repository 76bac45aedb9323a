package io.proxima.bgp.fsm;

/** Protocol limits the FSM and negotiation enforce, in one place. */
final class MessageLimits {

    private MessageLimits() {
    }

    /** RFC 4271 §4.2: a non-zero hold time is at least three seconds. */
    static final int MIN_HOLD_TIME = 3;
    /** RFC 4271 §8: the hold timer while waiting for the peer's OPEN, "a large value"; 4 minutes suggested. */
    static final int LARGE_HOLD_TIME = 240;
}
