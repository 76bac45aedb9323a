package io.proxima.bfd;

import java.security.SecureRandom;
import java.time.InstantSource;

/**
 * The service itself.
 *
 * @param port         the control port: where we listen and where we send; RFC 5881 §4 fixes it at
 *                     3784, tests on loopback use another
 * @param seed         seeds discriminators, source ports, jitter and authentication sequence numbers;
 *                     random by default, fixed in tests (and printed by them)
 * @param clock        wall time for snapshots and events
 * @param preferNative use epoll where available (TTL 255 and the TTL filter need it); false forces
 *                     NIO, for tests of that path
 */
public record BfdServiceConfig(int port, long seed, InstantSource clock, boolean preferNative) {

    /** RFC 5881 §4: "BFD Control packets MUST be transmitted in UDP packets with destination port 3784". */
    public static final int SINGLE_HOP_PORT = 3784;

    public BfdServiceConfig {
        if (port < 1 || port > 0xFFFF) throw new IllegalArgumentException("port " + port);
    }

    /** Port 3784, a seed from {@link SecureRandom}: discriminators should be hard to guess (RFC 5880 §9). */
    public static BfdServiceConfig defaults() {
        return new BfdServiceConfig(SINGLE_HOP_PORT, new SecureRandom().nextLong(), InstantSource.system(), true);
    }

    public BfdServiceConfig withPort(int p) {
        return new BfdServiceConfig(p, seed, clock, preferNative);
    }

    public BfdServiceConfig withSeed(long s) {
        return new BfdServiceConfig(port, s, clock, preferNative);
    }

    public BfdServiceConfig withClock(InstantSource c) {
        return new BfdServiceConfig(port, seed, c, preferNative);
    }

    public BfdServiceConfig withPreferNative(boolean p) {
        return new BfdServiceConfig(port, seed, clock, p);
    }
}
