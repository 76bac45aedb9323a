package io.proxima.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Response rate limiting per client prefix, so that the responder cannot be made to flood a
 * spoofed victim. Each prefix has a token bucket, kept as the generic cell rate algorithm: one
 * "theoretical arrival time" per prefix, advanced by a compare-and-set, so event loops never lock.
 * Time comes from an injected nanosecond clock.
 *
 * <p>A limited response is dropped, except every {@value #SLIP}th one, which "slips" out as an empty
 * response with TC set: a real client behind a flooded prefix then retries over TCP, which a
 * spoofer cannot (the idea of BIND's RRL slip).
 *
 * <p>Memory is bounded: at most {@value #MAX_PREFIXES} prefixes are tracked. When the table is
 * full, prefixes whose bucket has refilled are forgotten (at most once per {@link #SWEEP_INTERVAL_NANOS});
 * if it is still full, an unknown prefix is limited: under a flood that wide, limiting is the safe side.
 */
final class ResponseRateLimiter {

    enum Decision { PASS, DROP, SLIP }

    /** Every SLIP-th limited response goes out truncated instead of being dropped. */
    static final int SLIP = 2;
    static final int MAX_PREFIXES = 100_000;
    static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Tags the key of an IPv4 /24, whose 24 bits would otherwise collide with IPv6 keys. */
    private static final long IPV4_TAG = 1L << 60;
    /** An IPv6 /56 is the first 7 octets of the address. */
    private static final int IPV6_PREFIX_OCTETS = ResponderConfig.RateLimit.IPV6_PREFIX / 8;
    private static final int IPV4_PREFIX_OCTETS = ResponderConfig.RateLimit.IPV4_PREFIX / 8;

    private final long emissionInterval;
    private final long tolerance;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    private static final class Bucket {
        final AtomicLong theoreticalArrival;
        final AtomicInteger limited = new AtomicInteger();

        Bucket(long now) {
            theoreticalArrival = new AtomicLong(now);
        }
    }

    ResponseRateLimiter(ResponderConfig.RateLimit limit, LongSupplier nanoTime) {
        this.emissionInterval = TimeUnit.SECONDS.toNanos(1) / limit.responsesPerSecond();
        this.tolerance = emissionInterval * (limit.burst() - 1);
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong() - SWEEP_INTERVAL_NANOS);
    }

    Decision admit(InetAddress client) {
        long now = nanoTime.getAsLong();
        Long key = key(client);
        Bucket b = buckets.get(key);
        if (b == null) {
            if (buckets.size() >= MAX_PREFIXES && !sweep(now)) return Decision.DROP;
            b = buckets.computeIfAbsent(key, k -> new Bucket(now));
        }
        while (true) {
            long tat = b.theoreticalArrival.get();
            long start = Math.max(tat, now);
            if (start - now > tolerance) {
                return b.limited.incrementAndGet() % SLIP == 0 ? Decision.SLIP : Decision.DROP;
            }
            if (b.theoreticalArrival.compareAndSet(tat, start + emissionInterval)) return Decision.PASS;
        }
    }

    /** Forgets refilled buckets; true if there is room afterwards. */
    private boolean sweep(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(b -> b.theoreticalArrival.get() <= now);
        }
        return buckets.size() < MAX_PREFIXES;
    }

    int trackedPrefixes() {
        return buckets.size();
    }

    static long key(InetAddress client) {
        byte[] a = client.getAddress();
        long key = 0;
        int octets = client instanceof Inet4Address ? IPV4_PREFIX_OCTETS : IPV6_PREFIX_OCTETS;
        for (int i = 0; i < octets; i++) key = (key << 8) | (a[i] & 0xFF);
        return client instanceof Inet4Address ? key | IPV4_TAG : key;
    }
}
