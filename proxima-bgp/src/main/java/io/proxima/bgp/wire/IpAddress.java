package io.proxima.bgp.wire;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as a value: no resolver, no scope, cheap to compare and hash.
 * IPv4 lives in the low 32 bits of {@code lo}; IPv6 in {@code hi} (first 8 octets) and {@code lo}.
 *
 * <p>{@link #toString()} writes IPv6 in the RFC 5952 §4 canonical form: lowercase, the longest run
 * of two or more zero groups (the first on a tie) as {@code ::}, and IPv4-mapped addresses as
 * {@code ::ffff:a.b.c.d} (§5).
 */
public record IpAddress(boolean v6, long hi, long lo) implements Comparable<IpAddress> {

    public static final int IPV4_BYTES = 4;
    public static final int IPV6_BYTES = 16;

    public IpAddress {
        if (!v6 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address out of range");
        }
    }

    public static IpAddress v4(int address) {
        return new IpAddress(false, 0, address & 0xFFFF_FFFFL);
    }

    public static IpAddress v6(long hi, long lo) {
        return new IpAddress(true, hi, lo);
    }

    /** Reads 4 or 16 octets. */
    public static IpAddress read(ByteBuf in, int octets) {
        return switch (octets) {
            case IPV4_BYTES -> v4(in.readInt());
            case IPV6_BYTES -> v6(in.readLong(), in.readLong());
            default -> throw new IllegalArgumentException("address length " + octets);
        };
    }

    public static IpAddress of(byte[] bytes) {
        long hi = 0;
        long lo = 0;
        switch (bytes.length) {
            case IPV4_BYTES -> {
                for (byte b : bytes) lo = (lo << 8) | (b & 0xFF);
                return new IpAddress(false, 0, lo);
            }
            case IPV6_BYTES -> {
                for (int i = 0; i < 8; i++) hi = (hi << 8) | (bytes[i] & 0xFF);
                for (int i = 8; i < 16; i++) lo = (lo << 8) | (bytes[i] & 0xFF);
                return new IpAddress(true, hi, lo);
            }
            default -> throw new IllegalArgumentException("address length " + bytes.length);
        }
    }

    public static IpAddress of(InetAddress address) {
        return of(address.getAddress());
    }

    /** Parses a literal address (no name lookup). */
    public static IpAddress parse(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (t.isEmpty() || !(t.indexOf(':') >= 0 || Character.digit(t.charAt(0), 10) >= 0)) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        if (t.indexOf(':') < 0 && !t.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        if (t.indexOf('%') >= 0) throw new IllegalArgumentException("scoped address not allowed: " + text);
        try {
            // A literal never triggers a lookup: InetAddress parses it in place. It turns
            // ::ffff:a.b.c.d into an Inet4Address; we keep the IPv6 address that was written.
            IpAddress a = of(InetAddress.getByName(t));
            return t.indexOf(':') >= 0 && !a.v6 ? v6(0, 0xFFFF_0000_0000L | a.lo) : a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    public int octets() {
        return v6 ? IPV6_BYTES : IPV4_BYTES;
    }

    public int bits() {
        return v6 ? 128 : 32;
    }

    public void write(ByteBuf out) {
        if (v6) {
            out.writeLong(hi).writeLong(lo);
        } else {
            out.writeInt((int) lo);
        }
    }

    public byte[] toBytes() {
        byte[] b = new byte[octets()];
        if (v6) {
            for (int i = 0; i < 8; i++) b[i] = (byte) (hi >>> (56 - 8 * i));
            for (int i = 0; i < 8; i++) b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        } else {
            for (int i = 0; i < 4; i++) b[i] = (byte) (lo >>> (24 - 8 * i));
        }
        return b;
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // only thrown for a bad length
        }
    }

    /** IPv6 link-local unicast, fe80::/10. */
    public boolean isLinkLocal() {
        return v6 ? (hi >>> 54) == (0xfe80L >>> 6) : (lo >>> 16) == 0xA9FE;
    }

    public boolean isUnspecified() {
        return hi == 0 && lo == 0;
    }

    /**
     * The record's own equality, written out: the generated one goes through method handles, which
     * the daemon's C1-only JIT ({@code -XX:TieredStopAtLevel=1}) does not fold away, and addresses
     * are compared for every route a router passes on.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof IpAddress a && a.v6 == v6 && a.hi == hi && a.lo == lo;
    }

    /** The same value as the generated record hash code (31-based over the components in order), written out for the same reason. */
    @Override
    public int hashCode() {
        return (31 * Boolean.hashCode(v6) + Long.hashCode(hi)) * 31 + Long.hashCode(lo);
    }

    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) return v6 ? 1 : -1;
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(v6 ? 39 : 15);
        appendTo(sb);
        return sb.toString();
    }

    public void appendTo(StringBuilder sb) {
        if (!v6) {
            appendV4(sb, (int) lo);
            return;
        }
        int[] w = new int[8];
        for (int i = 0; i < 4; i++) w[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
        for (int i = 0; i < 4; i++) w[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        // RFC 5952 §4.2: the longest run of zero groups, at least two, the first one on a tie.
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (w[i] == 0) {
                if (curBase < 0) { curBase = i; curLen = 1; } else curLen++;
            } else if (curBase >= 0) {
                if (bestBase < 0 || curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
                curBase = -1;
            }
        }
        if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) { bestBase = curBase; bestLen = curLen; }
        if (bestBase >= 0 && bestLen < 2) bestBase = -1;
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) sb.append(':');
                continue;
            }
            if (i != 0) sb.append(':');
            // RFC 5952 §5: IPv4-mapped addresses end in dotted decimal.
            if (i == 6 && bestBase == 0 && bestLen == 5 && w[5] == 0xFFFF) {
                appendV4(sb, (int) lo);
                return;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) sb.append(':');
    }

    private static void appendV4(StringBuilder sb, int a) {
        sb.append((a >>> 24) & 0xFF).append('.').append((a >>> 16) & 0xFF).append('.')
                .append((a >>> 8) & 0xFF).append('.').append(a & 0xFF);
    }
}
