package io.proxima.bfd;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The optional Authentication Section of a control packet (RFC 5880 §4.1–§4.4), present when the A
 * bit is set. Auth Type codes are open: a type this code does not know decodes to
 * {@link Unknown} and re-encodes to the same octets.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   Auth Type   |   Auth Len    |    Authentication Data...     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface Authentication {

    /** RFC 5880 §4.1 Auth Type codes. */
    int SIMPLE_PASSWORD = 1;
    int KEYED_MD5 = 2;
    int METICULOUS_KEYED_MD5 = 3;
    int KEYED_SHA1 = 4;
    int METICULOUS_KEYED_SHA1 = 5;

    /** §4.2: the password is 1 to 16 bytes. */
    int MAX_PASSWORD = 16;
    /** §4.3: an MD5 digest (or the key in its place) is 16 bytes; Auth Len is then 24. */
    int MD5_DIGEST = 16;
    /** §4.4: a SHA1 hash (or the key in its place) is 20 bytes; Auth Len is then 28. */
    int SHA1_DIGEST = 20;

    int type();

    /** The Auth Len field: the section's length in bytes, its two header bytes included. */
    int length();

    /**
     * §4.2 Simple Password.
     * <pre>
     *  | Auth Type (1) |   Auth Len    |  Auth Key ID  |  Password...  |
     * </pre>
     */
    record SimplePassword(int keyId, byte[] password) implements Authentication {
        public SimplePassword {
            checkOctet(keyId, "key ID");
            if (password.length < 1 || password.length > MAX_PASSWORD) {
                throw new IllegalArgumentException("a simple password is 1.." + MAX_PASSWORD + " bytes, not " + password.length);
            }
            password = password.clone();
        }

        @Override public int type() { return SIMPLE_PASSWORD; }
        @Override public int length() { return 3 + password.length; }
        @Override public byte[] password() { return password.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof SimplePassword p && p.keyId == keyId && Arrays.equals(p.password, password);
        }

        @Override
        public int hashCode() {
            return 31 * keyId + Arrays.hashCode(password);
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "SimplePassword[keyId=" + keyId + ", " + password.length + " bytes]";
        }
    }

    /**
     * §4.3 Keyed MD5 and Meticulous Keyed MD5, §4.4 Keyed SHA1 and Meticulous Keyed SHA1: one
     * layout, a digest of 16 or 20 bytes.
     * <pre>
     *  |   Auth Type   |   Auth Len    |  Auth Key ID  |   Reserved    |
     *  |                        Sequence Number                        |
     *  |                  Auth Key/Digest/Hash...                      |
     * </pre>
     *
     * @param sequence unsigned 32 bits
     */
    record KeyedDigest(int type, int keyId, long sequence, byte[] digest) implements Authentication {
        public KeyedDigest {
            if (!isKeyed(type)) throw new IllegalArgumentException("auth type " + type + " is not a keyed MD5 or SHA1 type");
            checkOctet(keyId, "key ID");
            if (sequence < 0 || sequence > 0xFFFF_FFFFL) throw new IllegalArgumentException("sequence " + sequence);
            if (digest.length != digestLength(type)) {
                throw new IllegalArgumentException("auth type " + type + " carries " + digestLength(type) + " digest bytes, not " + digest.length);
            }
            digest = digest.clone();
        }

        static boolean isKeyed(int type) {
            return type >= KEYED_MD5 && type <= METICULOUS_KEYED_SHA1;
        }

        static int digestLength(int type) {
            return type <= METICULOUS_KEYED_MD5 ? MD5_DIGEST : SHA1_DIGEST;
        }

        /** Meticulous variants increment the sequence number with every packet (§6.7.3). */
        public boolean meticulous() {
            return type == METICULOUS_KEYED_MD5 || type == METICULOUS_KEYED_SHA1;
        }

        @Override public int length() { return 8 + digest.length; }
        @Override public byte[] digest() { return digest.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyedDigest k && k.type == type && k.keyId == keyId && k.sequence == sequence && Arrays.equals(k.digest, digest);
        }

        @Override
        public int hashCode() {
            return ((31 * type + keyId) * 31 + Long.hashCode(sequence)) * 31 + Arrays.hashCode(digest);
        }

        @Override
        public String toString() {
            return "KeyedDigest[type=" + type + ", keyId=" + keyId + ", sequence=" + sequence + "]";
        }
    }

    /** An Auth Type this implementation does not define (0, or 6–255): the data after Auth Len, kept as is. */
    record Unknown(int type, byte[] data) implements Authentication {
        public Unknown {
            checkOctet(type, "auth type");
            if (type == SIMPLE_PASSWORD || KeyedDigest.isKeyed(type)) throw new IllegalArgumentException("auth type " + type + " is known");
            if (data.length > ControlPacket.MAX_LENGTH - ControlPacket.MANDATORY_LENGTH - 2) throw new IllegalArgumentException("auth data too long");
            data = data.clone();
        }

        @Override public int length() { return 2 + data.length; }
        @Override public byte[] data() { return data.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.type == type && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }

    private static void checkOctet(int v, String what) {
        if (v < 0 || v > 0xFF) throw new IllegalArgumentException(what + " " + v + " is not one octet");
    }
}
