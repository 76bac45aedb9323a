package io.proxima.bfd;

/** The session's two timers. The runtime schedules them; expiry comes back as an {@link Event.TimerExpired}. */
enum Timer {
    /** The next periodic control packet (RFC 5880 §6.8.7). */
    TRANSMIT,
    /** No packet for a Detection Time (RFC 5880 §6.8.4). */
    DETECTION
}
