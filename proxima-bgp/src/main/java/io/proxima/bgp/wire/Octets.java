package io.proxima.bgp.wire;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/** An immutable run of octets with value equality: opaque fields that must round-trip. */
public final class Octets {

    public static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Octets of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    public static Octets read(ByteBuf in, int length) {
        if (length == 0) return EMPTY;
        byte[] b = new byte[length];
        in.readBytes(b);
        return new Octets(b);
    }

    public static Octets copyOf(ByteBuf in) {
        return read(in.duplicate(), in.readableBytes());
    }

    public static Octets fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex.replaceAll("\\s+", "")));
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int i) {
        return bytes[i];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public void write(ByteBuf out) {
        out.writeBytes(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "0x" + hex();
    }
}
