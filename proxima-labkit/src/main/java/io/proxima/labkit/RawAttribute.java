package io.proxima.labkit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A path attribute given as raw octets, for ExaBGP to put on the wire unchecked: how the lab sends
 * malformed UPDATEs. ExaBGP 4.2.21's generic attribute syntax, verified on the wire with tcpdump
 * against BIRD 2.0.12:
 * <pre>
 * announce route 198.51.100.1/32 next-hop self attribute [0x01 0x40 0x03]
 *                                                         [code flags value]
 * </pre>
 * All three are {@code 0x}-prefixed hex; the value is one hex string of whole octets (an empty
 * value is {@code 0x}); ExaBGP computes the length and sets the extended-length flag itself above
 * 255 octets. Attributes are keyed by type code: a raw attribute <em>replaces</em> the one ExaBGP
 * would generate (ORIGIN, AS_PATH, …), so there is never a well-formed copy beside it.
 *
 * <p>What came out, and what BIRD did (the reference for a receiver's RFC 7606 handling):
 * <ul>
 *   <li>{@code [0x01 0x40 0x03]} ORIGIN = 3: sent in place of ORIGIN; BIRD "Malformed ORIGIN
 *       attribute - invalid value (3)", treat-as-withdraw.</li>
 *   <li>{@code [0x06 0x40 0x00]} ATOMIC_AGGREGATE of length 1: sent; BIRD discards the attribute,
 *       keeps the route.</li>
 *   <li>{@code [0x63 0xc0 0xdeadbeef]} unknown optional transitive 99: sent; BIRD keeps it and
 *       shows {@code BGP.63 [t]: de ad be ef}.</li>
 *   <li>{@code [0x0e 0x80 0x0002011020010db8]} MP_REACH_NLRI for IPv6 whose 16-octet next hop is
 *       cut to 4: sent <em>only</em> on an IPv4 route (IPv4 NLRI stay in the UPDATE's NLRI field,
 *       so the raw MP_REACH is the only one); BIRD resets the session (UPDATE Message Error /
 *       Optional Attribute Error). On an IPv6 route ExaBGP appends its own MP_REACH, so the
 *       UPDATE carries two (seen on the wire): that tests "attribute appears twice", not a
 *       malformed MP_REACH.</li>
 * </ul>
 * What ExaBGP cannot emit this way: an attribute whose length field disagrees with its value, or
 * that overruns the path-attributes section (it always computes the length); two attributes of the
 * same code (except the MP_REACH case above); a malformed attribute next to a well-formed one of
 * the same code; a malformed NLRI. Those need a raw BGP speaker.
 *
 * <p>ExaBGP re-sends the route, with its raw attribute, after every reconnect: a malformed
 * attribute that resets the session makes it flap until the route is withdrawn.
 */
public record RawAttribute(int code, int flags, byte[] value) {

    /** Type code and flags are one octet each (RFC 4271 §4.3). */
    static final int MAX_OCTET = 0xFF;

    public static final int FLAG_OPTIONAL = 0x80;
    public static final int FLAG_TRANSITIVE = 0x40;
    public static final int FLAG_PARTIAL = 0x20;

    public RawAttribute {
        if (code < 0 || code > MAX_OCTET || flags < 0 || flags > MAX_OCTET) throw new IllegalArgumentException("code/flags are one octet");
        value = value.clone();
    }

    /** From hex, e.g. {@code of(0x01, FLAG_TRANSITIVE, "03")}. */
    public static RawAttribute of(int code, int flags, String hexValue) {
        return new RawAttribute(code, flags, HexFormat.of().parseHex(hexValue));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The clause to append to an ExaBGP route: {@code attribute [0x01 0x40 0x03]}. */
    public String exabgp() {
        return String.format(Locale.ROOT, "attribute [0x%02x 0x%02x 0x%s]", code, flags, HexFormat.of().formatHex(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute r && r.code == code && r.flags == flags && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code + flags) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return exabgp();
    }
}
