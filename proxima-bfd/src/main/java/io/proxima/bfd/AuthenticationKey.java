package io.proxima.bfd;

import java.util.Arrays;

/**
 * A session's authentication (RFC 5880 §6.7): the Auth Type, the key ID, and the secret, which is
 * the password for Simple Password (§6.7.2) and the key for the keyed MD5 and SHA1 types.
 *
 * @param type   {@link Authentication#SIMPLE_PASSWORD} .. {@link Authentication#METICULOUS_KEYED_SHA1}
 * @param keyId  the Auth Key ID, one octet
 * @param secret 1..16 bytes for passwords and MD5 keys, 1..20 for SHA1 keys
 */
public record AuthenticationKey(int type, int keyId, byte[] secret) {

    public AuthenticationKey {
        if (type != Authentication.SIMPLE_PASSWORD && !Authentication.KeyedDigest.isKeyed(type)) throw new IllegalArgumentException("auth type " + type);
        if (keyId < 0 || keyId > 0xFF) throw new IllegalArgumentException("key ID " + keyId);
        int max = type == Authentication.SIMPLE_PASSWORD ? Authentication.MAX_PASSWORD : Authentication.KeyedDigest.digestLength(type);
        if (secret.length < 1 || secret.length > max) throw new IllegalArgumentException("auth type " + type + " takes a secret of 1.." + max + " bytes");
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationKey k && k.type == type && k.keyId == keyId && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return (31 * type + keyId) * 31 + Arrays.hashCode(secret);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AuthenticationKey[type=" + type + ", keyId=" + keyId + "]";
    }
}
