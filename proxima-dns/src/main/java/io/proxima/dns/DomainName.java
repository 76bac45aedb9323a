package io.proxima.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Domain names as the zone and the config write them: absolute, lower case, ending in a dot, e.g.
 * {@code www.example.net.}. Comparison in DNS is case-insensitive for ASCII (RFC 4343), so the
 * canonical form is what every lookup keys on.
 *
 * <p>Labels are host-name-like: letters, digits, hyphen and underscore (for names such as
 * {@code _service._tcp}). Escapes and binary labels of RFC 1035 section 5.1 are not accepted: a
 * config with them is more likely a mistake than a need.
 */
final class DomainName {

    /** RFC 1035 section 2.3.4. */
    static final int MAX_LABEL = 63;
    /** RFC 1035 section 2.3.4: the whole name on the wire, length octets included. */
    static final int MAX_WIRE = 255;
    static final String ROOT = ".";

    private DomainName() {
    }

    /**
     * Resolves a master-file name against the origin (RFC 1035 section 5.1): {@code @} is the
     * origin, a name ending in a dot is absolute, anything else is relative to the origin.
     *
     * @throws IllegalArgumentException with the reason, when the name is not acceptable
     */
    static String resolve(String token, String origin) {
        if (token.equals("@")) return origin;
        if (token.endsWith(".")) return canonical(token);
        return canonical(origin.equals(ROOT) ? token + "." : token + "." + origin);
    }

    /**
     * The canonical form of an absolute name.
     *
     * @throws IllegalArgumentException with the reason, when the name is not acceptable
     */
    static String canonical(String name) {
        if (!name.endsWith(".")) throw new IllegalArgumentException("name '" + name + "' must be absolute (end in a dot)");
        if (name.equals(ROOT)) return ROOT;
        String lower = name.toLowerCase(Locale.ROOT);
        String[] labels = lower.substring(0, lower.length() - 1).split("\\.", -1);
        int wire = 1;
        for (String label : labels) {
            if (label.isEmpty()) throw new IllegalArgumentException("name '" + name + "' has an empty label");
            if (label.length() > MAX_LABEL) {
                throw new IllegalArgumentException("name '" + name + "' has a label longer than " + MAX_LABEL + " characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    throw new IllegalArgumentException("name '" + name + "' has '" + c
                            + "': labels hold letters, digits, '-' and '_'");
                }
            }
            wire += label.length() + 1;
        }
        if (wire > MAX_WIRE) throw new IllegalArgumentException("name '" + name + "' is longer than " + MAX_WIRE + " octets on the wire");
        return lower;
    }

    /** True when {@code name} is {@code origin} or below it; both canonical. */
    static boolean isAtOrBelow(String name, String origin) {
        if (origin.equals(ROOT) || name.equals(origin)) return true;
        return name.endsWith(origin) && name.charAt(name.length() - origin.length() - 1) == '.';
    }

    /** The parent of a name below the root: {@code www.example.net.} to {@code example.net.}. */
    static String parent(String name) {
        int dot = name.indexOf('.');
        return dot == name.length() - 1 ? ROOT : name.substring(dot + 1);
    }

    /**
     * Octets of a name on the wire, uncompressed (RFC 1035 section 3.1), for names of ASCII
     * characters: what Netty's record encoder writes, since it does not compress.
     */
    static int wireLength(String name) {
        if (name.equals(ROOT)) return 1;
        return name.endsWith(".") ? name.length() + 1 : name.length() + 2;
    }

    /** The uncompressed wire form of a canonical name. */
    static byte[] wire(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wireLength(name));
        if (!name.equals(ROOT)) {
            for (String label : name.substring(0, name.length() - 1).split("\\.")) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        out.write(0);
        return out.toByteArray();
    }
}
