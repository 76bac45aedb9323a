package io.proxima.labkit;

/**
 * Session timers, in seconds. The daemons' defaults (connect retry 120 s in BIRD and FRR) would
 * make a lab wait minutes for a reconnect.
 */
public record Timers(int holdTime, int keepalive, int connectRetry) {

    /**
     * Hold 9 s: HOLD=3 works but flaps on a busy 2-core CI box (LAB.md §5). Keepalive = hold/3
     * (RFC 4271 §10 suggests one third). Connect retry 1 s.
     */
    public static final Timers LAB = new Timers(9, 3, 1);

    /** For tests of silent-failure detection only: expiry in ~3 s, flap-prone under load. */
    public static final Timers FAST = new Timers(3, 1, 1);

    /** ExaBGP refuses hold times below 3 s; RFC 4271 §4.2 allows 0 or at least 3. */
    public static final int MIN_HOLD = 3;

    public Timers {
        if (holdTime != 0 && holdTime < MIN_HOLD) throw new IllegalArgumentException("hold time must be 0 or >= " + MIN_HOLD + ": " + holdTime);
        if (keepalive < 0 || (holdTime > 0 && keepalive >= holdTime)) throw new IllegalArgumentException("keepalive " + keepalive + " must be below hold time " + holdTime);
        if (connectRetry < 1) throw new IllegalArgumentException("connect retry must be >= 1 s: " + connectRetry);
    }
}
