package io.proxima.bfd;

import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One session's authentication state and procedures (RFC 5880 §6.7): signs what we send and checks
 * what we receive, with bfd.XmitAuthSeq, bfd.RcvAuthSeq and bfd.AuthSeqKnown. Owned by the
 * session's event loop, like the rest of the session.
 */
final class Authenticator {

    /** §6.7.3: the window of acceptable sequence numbers is 3 × Detect Mult. */
    static final int SEQUENCE_WINDOW_PER_MULT = 3;
    /** §6.7.1: bfd.AuthSeqKnown "MUST be set to zero after no packets have been received on this session for at least twice the Detection Time". */
    static final int SEQUENCE_FORGET_DETECTION_TIMES = 2;
    private static final long SEQUENCE_MASK = 0xFFFF_FFFFL;
    private static final int DIGEST_OFFSET = ControlPacket.MANDATORY_LENGTH + 8;

    private final AuthenticationKey key;
    private long xmitSeq;
    private long rcvSeq;
    private boolean seqKnown;
    private long lastValidNanos;

    Authenticator(AuthenticationKey key, RandomGenerator random) {
        this.key = key;
        // §6.8.1: bfd.XmitAuthSeq "MUST be initialized to a random 32-bit value".
        this.xmitSeq = random.nextLong() & SEQUENCE_MASK;
    }

    /** The packet as it goes on the wire: with the Authentication Section of our key, digest computed. */
    byte[] sign(ControlPacket p) {
        if (key.type() == Authentication.SIMPLE_PASSWORD) {
            return ControlPacketEncoder.toBytes(p.withAuthentication(Optional.of(new Authentication.SimplePassword(key.keyId(), key.secret()))));
        }
        // §6.7.3: the sequence number goes up with every packet, which the meticulous types require
        // and the others allow.
        xmitSeq = (xmitSeq + 1) & SEQUENCE_MASK;
        int digestLength = Authentication.KeyedDigest.digestLength(key.type());
        byte[] bytes = ControlPacketEncoder.toBytes(p.withAuthentication(Optional.of(
                new Authentication.KeyedDigest(key.type(), key.keyId(), xmitSeq, paddedKey(digestLength)))));
        byte[] digest = digest(bytes);
        System.arraycopy(digest, 0, bytes, DIGEST_OFFSET, digestLength);
        return bytes;
    }

    /**
     * §6.7.2–§6.7.4 on a packet whose A bit is set. {@code raw} holds the packet as received (its
     * first {@code p.length()} bytes), since the digest covers the octets as sent, Reserved included.
     */
    boolean verify(ControlPacket p, ByteBuf raw, long nowNanos, long detectionTimeNanos) {
        Authentication a = p.authentication().orElseThrow();
        if (a.type() != key.type()) return false;
        if (seqKnown && nowNanos - lastValidNanos > SEQUENCE_FORGET_DETECTION_TIMES * detectionTimeNanos) seqKnown = false;
        boolean ok = switch (a) {
            case Authentication.SimplePassword s -> s.keyId() == key.keyId() && MessageDigest.isEqual(s.password(), key.secret());
            case Authentication.KeyedDigest k -> k.keyId() == key.keyId() && inWindow(k, p.detectMult()) && digestMatches(k, raw, p.length());
            case Authentication.Unknown u -> false;
        };
        if (!ok) return false;
        if (a instanceof Authentication.KeyedDigest k) {
            rcvSeq = k.sequence();
            seqKnown = true;
        }
        lastValidNanos = nowNanos;
        return true;
    }

    /** §6.7.3: within RcvAuthSeq .. RcvAuthSeq + 3 × Detect Mult (from + 1 for the meticulous types), modulo 2^32. */
    private boolean inWindow(Authentication.KeyedDigest k, int detectMult) {
        if (!seqKnown) return true;
        long distance = (k.sequence() - rcvSeq) & SEQUENCE_MASK;
        long first = k.meticulous() ? 1 : 0;
        return distance >= first && distance <= (long) SEQUENCE_WINDOW_PER_MULT * detectMult;
    }

    private boolean digestMatches(Authentication.KeyedDigest k, ByteBuf raw, int length) {
        byte[] bytes = new byte[length];
        raw.getBytes(raw.readerIndex(), bytes);
        int n = k.digest().length;
        // §6.7.3: the digest is computed with the key (zero-padded) in the digest field.
        System.arraycopy(paddedKey(n), 0, bytes, DIGEST_OFFSET, n);
        return MessageDigest.isEqual(digest(bytes), k.digest());
    }

    private byte[] paddedKey(int length) {
        return Arrays.copyOf(key.secret(), length);
    }

    private byte[] digest(byte[] bytes) {
        String algorithm = Authentication.KeyedDigest.digestLength(key.type()) == Authentication.MD5_DIGEST ? "MD5" : "SHA-1";
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
