package io.proxima.bfd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.SessionConfig;
import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BfdStatus;
import io.proxima.labkit.Frr;

/**
 * {@link BfdInteropTest} against FRR 8.4's bfdd (static {@code peer}s in a profile), read with
 * {@code vtysh -c 'show bfd peers json'}, which shows both sides' timers and a diagnostic. Freezing
 * FRR freezes bfdd alone.
 *
 * <p>FRR: receive 250 ms, transmit 200 ms, multiplier 5.
 */
class BfdFrrInteropTest extends BfdInteropTest<Frr> {

    static final BfdConfig FRR_TIMERS = BfdConfig.timers(250, 200, 5);

    BfdFrrInteropTest() {
        super(BfdRouter.FRR, FRR_TIMERS, 1);
    }

    /** FRR shows the timers it received from us. */
    @Override
    boolean routerUses(BfdStatus view, SessionConfig ours) {
        return view.remoteTransmitMs() == ours.desiredMinTx().toMillis() && view.remoteReceiveMs() == ours.requiredMinRx().toMillis()
                && view.remoteMultiplier() == ours.detectMultiplier();
    }

    /** What FRR received from us, and its own configuration. */
    @Override
    void routerShowsTheNegotiation(BfdStatus view) {
        assertThat(view.remoteReceiveMs()).isEqualTo(300);
        assertThat(view.remoteTransmitMs()).isEqualTo(100);
        assertThat(view.remoteMultiplier()).isEqualTo(3);
        assertThat(view.receiveMs()).isEqualTo(250);
        assertThat(view.transmitMs()).isEqualTo(200);
        assertThat(view.multiplier()).isEqualTo(5);
    }

    @Override
    void routerShowsDetectionTimeExpired(BfdStatus view) {
        assertThat(view.diagnostic()).contains("detection time");
    }

    @Override
    void routerShowsAdminDown(BfdStatus view) {
        assertThat(view.diagnostic()).contains("down");
    }
}
