package io.proxima.bfd.interop;

import static io.proxima.bfd.interop.BfdLab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.Authentication;
import io.proxima.bfd.AuthenticationKey;
import io.proxima.bfd.DropReason;
import io.proxima.bfd.SessionConfig;
import io.proxima.bfd.SessionState;
import io.proxima.labkit.Await;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link BfdInteropTest} against BIRD 2's {@code protocol bfd} (static neighbors), read with
 * {@code birdc show bfd sessions}; BIRD alone also runs meticulous keyed SHA1.
 *
 * <p>BIRD: min rx 200 ms, min tx 150 ms, multiplier 4.
 */
class BfdBirdInteropTest extends BfdInteropTest<Bird> {

    static final BfdConfig BIRD_TIMERS = BfdConfig.timers(200, 150, 4);
    static final int SHA1_KEY_ID = 7;
    static final String SHA1_SECRET = "proxima-bfd-key";

    BfdBirdInteropTest() {
        super(BfdRouter.BIRD, BIRD_TIMERS, 0);
    }

    /**
     * BIRD shows no timers it received, only what it derived from them: its Interval is its
     * transmit interval, max(its tx, our rx), and its Timeout its Detection Time for us, our
     * multiplier × max(its rx, our tx).
     */
    @Override
    boolean routerUses(BfdStatus view, SessionConfig ours) {
        long interval = Math.max(timers.minTxMs(), ours.requiredMinRx().toMillis());
        long timeout = ours.detectMultiplier() * Math.max(timers.minRxMs(), ours.desiredMinTx().toMillis());
        return view.intervalMs() == interval && view.timeoutMs() == timeout;
    }

    @Override
    void routerShowsTheNegotiation(BfdStatus view) {
        assertThat(view.intervalMs()).isEqualTo(300);  // max(its tx 150, our rx 300)
        assertThat(view.timeoutMs()).isEqualTo(600);   // our 3 × max(its rx 200, our tx 100)
    }

    /** BIRD shows no diagnostic: that the session is no longer Up, checked already, is all it says. */
    @Override
    void routerShowsDetectionTimeExpired(BfdStatus view) {
    }

    /** As for {@link #routerShowsDetectionTimeExpired}: no diagnostic to check. */
    @Override
    void routerShowsAdminDown(BfdStatus view) {
    }

    @Test
    @Order(8)
    void meticulousKeyedSha1WithBird() throws Exception {
        byte[] secret = SHA1_SECRET.getBytes(StandardCharsets.US_ASCII);
        BirdConfig config = daemon.config();
        daemon.reconfigure(config.withBfd(config.bfd().withAuthentication("meticulous keyed sha1", SHA1_SECRET, SHA1_KEY_ID)));
        lab.bfd.removeSession(lab.v4()).get(15, TimeUnit.SECONDS);
        lab.add(ours(lab.v4()).withAuthentication(new AuthenticationKey(Authentication.METICULOUS_KEYED_SHA1, SHA1_KEY_ID, secret)));
        lab.awaitState(lab.v4(), SessionState.UP);
        Await.until(WAIT, () -> routerSide(lab.v4()).up(), "BIRD Up with authentication");
        assertThat(lab.snapshot(lab.v4()).authenticated()).isTrue();
        assertThat(lab.snapshot(lab.v4()).counters().dropped(DropReason.AUTH_FAILED)).isZero();
        // The IPv6 session has no key: BIRD now refuses it, and it refuses BIRD's signed packets.
        Await.until(WAIT, () -> lab.snapshot(lab.v6()).counters().dropped(DropReason.AUTH_UNEXPECTED) > 0,
                "Proxima drops BIRD's signed packets on the unkeyed session");
    }
}
