package io.proxima.bgp.wire;

import io.netty.buffer.ByteBuf;

/**
 * An IP prefix. RFC 4271 §4.3: the bits after the prefix length "are irrelevant". A prefix keeps
 * them as received, so a message re-encodes to its original octets, but equality, hashing, order
 * and {@link #toString()} use only the first {@code length} bits: 11.13.0.0/13 equals 11.8.0.0/13
 * and prints as the latter.
 */
public final class Prefix implements Comparable<Prefix> {

    // The address as received, trailing bits included, held inline: a full table has a million of these.
    private final long hi;
    private final long lo;
    private final boolean v6;
    private final int length;

    public Prefix(IpAddress address, int length) {
        if (length < 0 || length > address.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " for " + address);
        }
        this.hi = address.hi();
        this.lo = address.lo();
        this.v6 = address.v6();
        this.length = length;
    }

    /** An IPv4 prefix from the address as an int: the allocation-free form for decoders. */
    public static Prefix v4(int address, int length) {
        if (length < 0 || length > 32) throw new IllegalArgumentException("prefix length " + length);
        return new Prefix(false, 0, address & 0xFFFF_FFFFL, length);
    }

    /** An IPv6 prefix from the address's two halves. */
    public static Prefix v6(long hi, long lo, int length) {
        if (length < 0 || length > 128) throw new IllegalArgumentException("prefix length " + length);
        return new Prefix(true, hi, lo, length);
    }

    private Prefix(boolean v6, long hi, long lo, int length) {
        this.hi = hi;
        this.lo = lo;
        this.v6 = v6;
        this.length = length;
    }

    /** Parses {@code 198.51.100.0/24} or {@code 2001:db8::/32}; a bare address is a host prefix. */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        IpAddress a = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        int len;
        try {
            len = slash < 0 ? a.bits() : Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + text, e);
        }
        return new Prefix(a, len);
    }

    /** The address with the trailing bits cleared. */
    public IpAddress network() {
        return new IpAddress(v6, hi & hiMask(), lo & loMask());
    }

    /** The first 64 bits of {@link #network()} (0 for IPv4), without making an address: for compact tables. */
    public long networkHi() {
        return hi & hiMask();
    }

    /** The last 64 bits of {@link #network()} (IPv4: the address in the low 32), without making an address. */
    public long networkLo() {
        return lo & loMask();
    }

    /** The address exactly as received, trailing bits included. */
    public IpAddress rawAddress() {
        return new IpAddress(v6, hi, lo);
    }

    public int length() {
        return length;
    }

    public boolean isV6() {
        return v6;
    }

    public Family family() {
        return v6 ? Family.IPV6_UNICAST : Family.IPV4_UNICAST;
    }

    /** Whether bits beyond the prefix length are set (legal, but irrelevant: RFC 4271 §4.3). */
    public boolean hasTrailingBits() {
        return (hi & ~hiMask()) != 0 || (lo & ~loMask()) != 0;
    }

    public boolean contains(IpAddress a) {
        if (a.v6() != v6) return false;
        return (a.hi() & hiMask()) == (hi & hiMask()) && (a.lo() & loMask()) == (lo & loMask());
    }

    /** Octets needed on the wire for this prefix length: ceil(length / 8). */
    public int wireOctets() {
        return (length + 7) >>> 3;
    }

    /** Writes the NLRI encoding: length octet, then the significant octets (RFC 4271 §4.3). */
    public void write(ByteBuf out) {
        out.writeByte(length);
        int n = wireOctets();
        if (v6) {
            for (int i = 0; i < n; i++) {
                long word = i < 8 ? hi : lo;
                out.writeByte((int) (word >>> (56 - 8 * (i & 7))));
            }
        } else {
            int v = (int) lo;
            for (int i = 0; i < n; i++) out.writeByte(v >>> (24 - 8 * i));
        }
    }

    private long hiMask() {
        if (!v6) return 0;
        return length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
    }

    private long loMask() {
        if (!v6) return length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefix p && p.length == length && p.v6 == v6
                && (p.hi & hiMask()) == (hi & hiMask())
                && (p.lo & loMask()) == (lo & loMask());
    }

    @Override
    public int hashCode() {
        // Routes are mostly /24s whose low octet is zero: mix every bit in (MurmurHash3's fmix64),
        // or a full table crowds a hash map's buckets.
        long h = (hi & hiMask()) * 0x9E3779B97F4A7C15L ^ (lo & loMask()) ^ ((long) length << 56) ^ (v6 ? 1L << 63 : 0);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    @Override
    public int compareTo(Prefix o) {
        // network().compareTo(o.network()), without making two addresses: sorting a router's
        // best-path changes compares prefixes millions of times while a full table loads.
        if (v6 != o.v6) return v6 ? 1 : -1;
        int c = Long.compareUnsigned(networkHi(), o.networkHi());
        if (c == 0) c = Long.compareUnsigned(networkLo(), o.networkLo());
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(44);
        appendTo(sb);
        return sb.toString();
    }

    public void appendTo(StringBuilder sb) {
        network().appendTo(sb);
        sb.append('/').append(length);
    }
}
