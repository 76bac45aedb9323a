package io.proxima.bgp.fsm;

/** The six states of the BGP finite state machine (RFC 4271 §8.2.2). */
public enum State {
    IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED;

    /** The RFC's spelling, as peers and logs show it. */
    public String rfcName() {
        return switch (this) {
            case IDLE -> "Idle";
            case CONNECT -> "Connect";
            case ACTIVE -> "Active";
            case OPEN_SENT -> "OpenSent";
            case OPEN_CONFIRM -> "OpenConfirm";
            case ESTABLISHED -> "Established";
        };
    }
}
