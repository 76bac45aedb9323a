package io.proxima.bgp.mrt;

import java.util.Arrays;

/**
 * A growable buffer of ASCII text, written as bytes: bgpdump lines go from the wire straight to
 * the output without a String or a char in between. Not thread-safe; one per formatting thread.
 */
public final class AsciiBuffer {

    /** Digits of the largest unsigned 64-bit value we print (18446744073709551615 has 20). */
    private static final int MAX_DECIMAL_DIGITS = 20;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    public AsciiBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    public int length() {
        return length;
    }

    /** Cuts the text back to {@code n} bytes, e.g. to drop a half-written record. */
    public void setLength(int n) {
        length = n;
    }

    /** The backing array; valid up to {@link #length()}. */
    public byte[] array() {
        return bytes;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    public void setByteAt(int i, byte b) {
        bytes[i] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }

    public AsciiBuffer append(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends text that is known to be ASCII (labels, keywords). */
    public AsciiBuffer append(String ascii) {
        int n = ascii.length();
        ensure(n);
        ascii.getBytes(0, n, bytes, length); // deprecated but exact for ASCII, and without an encoder
        length += n;
        return this;
    }

    /** Appends characters that are known to be ASCII, e.g. a line formatted by {@link BgpdumpLines}. */
    public AsciiBuffer append(CharSequence ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) bytes[length + i] = (byte) ascii.charAt(i);
        length += n;
        return this;
    }

    public AsciiBuffer append(byte[] src, int from, int to) {
        ensure(to - from);
        System.arraycopy(src, from, bytes, length, to - from);
        length += to - from;
        return this;
    }

    /** Appends a non-negative value in decimal. */
    public AsciiBuffer decimal(long v) {
        ensure(MAX_DECIMAL_DIGITS);
        if (v < 10) {
            bytes[length++] = (byte) ('0' + v);
            return this;
        }
        int end = length + digits(v);
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length = end;
        return this;
    }

    /** Appends a non-negative value in decimal, zero-padded on the left to {@code width} digits. */
    public AsciiBuffer decimal(long v, int width) {
        ensure(width);
        for (int i = digits(v); i < width; i++) bytes[length++] = '0';
        return decimal(v);
    }

    private static int digits(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    /** Appends an IPv4 address in dotted decimal. */
    public AsciiBuffer ipv4(int a) {
        return decimal((a >>> 24) & 0xFF).append('.').decimal((a >>> 16) & 0xFF).append('.')
                .decimal((a >>> 8) & 0xFF).append('.').decimal(a & 0xFF);
    }

    /**
     * Appends an IPv6 address the way bgpdump prints it (see {@link BgpdumpLines#address}): the
     * longest run of zero groups is compressed even when it is a single group, and ::a.b.c.d is
     * used whenever the first 96 bits are zero and the last 32 exceed 1.
     */
    public AsciiBuffer ipv6(long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xFFFF) return append("::ffff:").ipv4((int) lo);
        if (hi == 0 && (lo >>> 32) == 0 && (lo & 0xFFFF_FFFFL) > 1) return append("::").ipv4((int) lo);
        int bestBase = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (group(hi, lo, i) != 0) { i++; continue; }
            int j = i;
            while (j < 8 && group(hi, lo, j) == 0) j++;
            if (j - i > bestLen) { bestBase = i; bestLen = j - i; }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestBase) {
                append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestBase + bestLen) append(':');
            hex(group(hi, lo, i));
        }
        return this;
    }

    private static int group(long hi, long lo, int i) {
        return (int) ((i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4))) & 0xFFFF);
    }

    private void hex(int v) {
        ensure(4);
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (v >>> shift) & 0xF;
            if (d != 0 || started || shift == 0) {
                bytes[length++] = HEX[d];
                started = true;
            }
        }
    }
}
