package io.proxima.bfd;

/**
 * Inputs of the session state machine. Timers are events: the runtime delivers
 * {@link TimerExpired} when a timer it started runs out, so tests drive time without sleeping.
 */
sealed interface Event {

    /** The session was created in Down (RFC 5880 §6.8.1): start transmitting unless passive. */
    record Start() implements Event { }

    /** A packet that passed the packet-level checks of §6.8.6 and was demultiplexed to this session. */
    record Received(ControlPacket packet) implements Event { }

    record TimerExpired(Timer timer) implements Event { }

    /** §6.8.16: administratively disable, with the diagnostic to send (Administratively Down or Path Down). */
    record Disable(Diagnostic diagnostic) implements Event { }

    /** §6.8.16: administratively enable again. */
    record Enable() implements Event { }

    /** The configuration given to this step differs from the last one: new timers take effect (§6.8.3). */
    record Reconfigured() implements Event { }
}
