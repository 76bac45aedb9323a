package io.proxima.bfd;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 5880 §6.7: what one side signs the other accepts, and tampering, wrong keys and replays are refused. */
class AuthenticatorTest {

    static final byte[] SECRET = "proxima-bfd".getBytes(StandardCharsets.US_ASCII);
    static final long SECOND = 1_000_000_000L;
    static final ControlPacket UP = new ControlPacket(Diagnostic.NONE, SessionState.UP, false, false, false, false, 3,
            0x0a0a0a0a, 0x0b0b0b0b, 100_000, 100_000, 0, Optional.empty());

    static AuthenticationKey key(int type) {
        return new AuthenticationKey(type, 7, SECRET);
    }

    static boolean verify(Authenticator receiver, byte[] wire, long now) {
        ControlPacket p = ((DecodeResult.Decoded) ControlPacketDecoder.decode(wire)).packet();
        return receiver.verify(p, Unpooled.wrappedBuffer(wire), now, 300_000_000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void whatOneSignsTheOtherAccepts(int type) {
        Authenticator tx = new Authenticator(key(type), new SplittableRandom(1));
        Authenticator rx = new Authenticator(key(type), new SplittableRandom(2));
        for (int i = 0; i < 10; i++) assertThat(verify(rx, tx.sign(UP), i * SECOND / 10)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aWrongSecretOrKeyIdIsRefused(int type) {
        Authenticator tx = new Authenticator(new AuthenticationKey(type, 7, "another".getBytes(StandardCharsets.US_ASCII)), new SplittableRandom(1));
        Authenticator rx = new Authenticator(key(type), new SplittableRandom(2));
        assertThat(verify(rx, tx.sign(UP), 0)).isFalse();
        Authenticator otherId = new Authenticator(new AuthenticationKey(type, 8, SECRET), new SplittableRandom(1));
        assertThat(verify(rx, otherId.sign(UP), 0)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void aTamperedPacketIsRefused(int type) {
        Authenticator tx = new Authenticator(key(type), new SplittableRandom(1));
        Authenticator rx = new Authenticator(key(type), new SplittableRandom(2));
        byte[] wire = tx.sign(UP);
        wire[19] ^= 1; // Required Min RX Interval
        assertThat(verify(rx, wire, 0)).isFalse();
    }

    @Test
    void anotherAuthTypeIsRefused() {
        Authenticator tx = new Authenticator(key(Authentication.KEYED_SHA1), new SplittableRandom(1));
        Authenticator rx = new Authenticator(key(Authentication.METICULOUS_KEYED_SHA1), new SplittableRandom(2));
        assertThat(verify(rx, tx.sign(UP), 0)).isFalse();
    }

    @Test
    void meticulousRefusesAReplayKeyedAcceptsItWithinTheWindow() {
        Authenticator tx = new Authenticator(key(Authentication.METICULOUS_KEYED_SHA1), new SplittableRandom(1));
        Authenticator rx = new Authenticator(key(Authentication.METICULOUS_KEYED_SHA1), new SplittableRandom(2));
        byte[] first = tx.sign(UP);
        assertThat(verify(rx, first, 0)).isTrue();
        assertThat(verify(rx, first, 1)).isFalse(); // §6.7.3: RcvAuthSeq + 1 at least
        Authenticator ktx = new Authenticator(key(Authentication.KEYED_SHA1), new SplittableRandom(1));
        Authenticator krx = new Authenticator(key(Authentication.KEYED_SHA1), new SplittableRandom(2));
        byte[] k = ktx.sign(UP);
        assertThat(verify(krx, k, 0)).isTrue();
        assertThat(verify(krx, k, 1)).isTrue(); // keyed: RcvAuthSeq itself is in the window
    }

    @Test
    void aSequenceNumberFarAheadIsRefusedUntilTheSequenceIsForgotten() {
        Authenticator tx = new Authenticator(key(Authentication.METICULOUS_KEYED_MD5), new SplittableRandom(1));
        Authenticator rx = new Authenticator(key(Authentication.METICULOUS_KEYED_MD5), new SplittableRandom(2));
        assertThat(verify(rx, tx.sign(UP), 0)).isTrue();
        for (int i = 0; i < 3 * 3; i++) tx.sign(UP); // skip 9: the window is 3 × Detect Mult = 9
        byte[] tenAhead = tx.sign(UP);
        assertThat(verify(rx, tenAhead, 1)).isFalse();
        // §6.7.1: after twice the Detection Time (2 × 300 ms here) without a valid packet, any sequence is accepted.
        assertThat(verify(rx, tenAhead, 700_000_000L)).isTrue();
    }
}
