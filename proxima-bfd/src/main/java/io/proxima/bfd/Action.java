package io.proxima.bfd;

import java.time.Duration;

/** What the runtime must do after a step, in order. */
sealed interface Action {

    /** Put this packet on the wire now (the runtime adds the Authentication Section, if any). */
    record Send(ControlPacket packet) implements Action { }

    /** (Re)start a timer: it fires {@code after} from now, replacing any earlier schedule. */
    record StartTimer(Timer timer, Duration after) implements Action { }

    record StopTimer(Timer timer) implements Action { }

    /** bfd.SessionState changed; {@code reason} says why, for listeners and the event log. */
    record StateChanged(SessionState from, SessionState to, Diagnostic diagnostic, String reason) implements Action { }

    /** The packet was discarded by a session-level rule of §6.8.6. */
    record Drop(DropReason reason) implements Action { }
}
