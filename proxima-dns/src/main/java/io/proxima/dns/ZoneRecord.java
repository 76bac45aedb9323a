package io.proxima.dns;

import java.util.Objects;

/**
 * One record of a {@link Zone}: class IN, owner canonical and absolute.
 *
 * @param ttl seconds, 0 to 2^31 - 1 (RFC 2181 section 8)
 */
public record ZoneRecord(String owner, long ttl, Rdata data) {

    /** RFC 2181 section 8: the top bit of a TTL is zero. */
    public static final long MAX_TTL = 0x7FFF_FFFFL;

    public ZoneRecord {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(data, "data");
        if (ttl < 0 || ttl > MAX_TTL) throw new IllegalArgumentException("TTL " + ttl + " is outside 0.." + MAX_TTL);
    }

    public RecordType type() {
        return data.type();
    }

    /** Master-file form, e.g. {@code www.example.net. 60 IN A 198.51.100.80}. */
    @Override
    public String toString() {
        return owner + " " + ttl + " IN " + type() + " " + data.text();
    }
}
