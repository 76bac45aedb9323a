package io.proxima.config;

import io.proxima.bgp.rib.Advertisement;
import io.proxima.health.check.Timing;
import java.time.Duration;

/** The bounds the loader enforces, each with the reason it is where it is. */
final class Limits {

    /** RFC 6793: AS numbers are 32 bits; 0 is reserved (RFC 7607). */
    static final long MIN_AS = 1;
    static final long MAX_AS = 0xFFFF_FFFFL;
    /** RFC 6793 §9: AS_TRANS stands in for a 4-octet AS on old speakers; it is no one's AS. */
    static final long AS_TRANS = 23_456;
    /** RFC 7300: the last 2-octet and 4-octet AS numbers are reserved. */
    static final long LAST_AS16 = 65_535;
    static final long LAST_AS32 = MAX_AS;

    static final int MIN_PORT = 1;
    static final int MAX_PORT = 65_535;

    /** RFC 4271 §4.2: the hold time is 0 or at least three seconds, in a 16-bit field. */
    static final Duration MIN_HOLD_TIME = Duration.ofSeconds(3);
    static final Duration MAX_HOLD_TIME = Duration.ofSeconds(65_535);
    /** A TTL: 8 bits. */
    static final int MAX_MULTIHOP = 255;
    /** RFC 4724 §3: the restart time is a 12-bit count of seconds. */
    static final int MAX_GRACEFUL_RESTART = 4_095;
    /** RFC 2181 §8: a DNS TTL is at most 2^31 - 1 seconds. */
    static final Duration MAX_HANDOFF_TTL = Duration.ofSeconds(io.proxima.dns.ZoneRecord.MAX_TTL);
    /** The DNS responder's rate limit per client prefix: beyond this it limits nothing a 2-core node could answer. */
    static final int MAX_DNS_RATE = 1_000_000;
    /** RFC 5880 §4.1: Detect Mult is an 8-bit field, and 0 would detect nothing. */
    static final int MAX_BFD_MULTIPLIER = 255;
    /** Faster than this is beyond what a JVM's timers keep; slower is a mistake. */
    static final Duration MIN_BFD_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_BFD_INTERVAL = Duration.ofSeconds(60);
    /** Linux: TCP_MD5SIG_MAXKEYLEN. */
    static final int MAX_TCP_MD5_KEY = 80;

    /** A probe more often than this loads the service more than it tells. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);
    /**
     * The re-check while a state is changing may come at once: one extra probe right after a
     * failure, the fast profile's way to confirm a death within a few ms.
     */
    static final Duration MIN_FAST_INTERVAL = Duration.ofMillis(1);
    static final int MAX_RISE_FALL = Timing.MAX_RISE_FALL;
    static final int MAX_PREPEND = Advertisement.MAX_PREPEND;
    static final long MAX_MED = 0xFFFF_FFFFL;
    /** Flap damping decays over seconds to an hour: health checks flap faster than BGP routes. */
    static final Duration MIN_HALF_LIFE = Duration.ofSeconds(1);
    static final Duration MAX_HALF_LIFE = Duration.ofHours(1);
    static final long MAX_DAMPING_FIGURE = Integer.MAX_VALUE;

    static final Duration MIN_LEASE = Duration.ofMillis(100);
    static final Duration MAX_LEASE = Duration.ofHours(1);
    static final Duration MIN_SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_SHUTDOWN_TIMEOUT = Duration.ofMinutes(10);
    /** A config larger than this is not a config; SnakeYAML is told the same bound. */
    static final int MAX_FILE_CHARS = 4 << 20;
    static final Duration MAX_DRAIN = Duration.ofHours(1);

    /** Names go into check names, URLs (/v1/services/NAME) and metric labels. */
    static final int MAX_NAME = 64;
    /** A check's name: {@code <service>/<kind>-<n>} fits with room to spare. */
    static final int MAX_CHECK_NAME = 128;
    /** Linux: IFNAMSIZ - 1. */
    static final int MAX_INTERFACE_NAME = 15;
    /** The 128 reserved subnet anycast IDs of RFC 2526 §2. */
    static final int MAX_RFC2526_ID = Rfc2526.MAX_ID;

    private Limits() {}
}
