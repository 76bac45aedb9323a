package io.proxima.bfd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bfd.Authentication;
import io.proxima.bfd.ControlPacket;
import io.proxima.bfd.ControlPacketEncoder;
import io.proxima.bfd.Counters;
import io.proxima.bfd.Diagnostic;
import io.proxima.bfd.DropReason;
import io.proxima.bfd.SessionKey;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bfd.SessionState;
import io.proxima.labkit.Await;
import java.time.Duration;
import java.util.Optional;

/** Scenarios that read the same for BIRD and FRR, written once. */
final class BfdScenarios {

    private BfdScenarios() {
    }

    /**
     * Issue #6: malformed packets, sent from the daemon's address on the link, are dropped and
     * counted by rule, and change nothing: the session stays Up and no listener hears of them.
     */
    static void malformedPacketsAreDroppedAndCountedAndChangeNothing(BfdLab lab, SessionKey k) {
        SessionSnapshot before = lab.snapshot(k);
        assertThat(before.state()).isEqualTo(SessionState.UP);
        int events = lab.events.size();
        ControlPacket valid = new ControlPacket(Diagnostic.NONE, SessionState.UP, false, false, false, false, 3,
                (int) before.remoteDiscriminator(), (int) before.localDiscriminator(), 100_000, 100_000, 0, Optional.empty());
        byte[] wire = ControlPacketEncoder.toBytes(valid);
        lab.sendRaw(k.peer(), k.local(), 255,
                with(wire, 0, 0x40),           // version 2
                with(wire, 3, 20),             // Length 20
                java.util.Arrays.copyOf(wire, 20), // a datagram shorter than its Length
                with(wire, 2, 0),              // Detect Mult 0
                with(wire, 1, 0xC1),           // Multipoint
                with(wire, 4, 0, 5, 0, 6, 0, 7, 0),       // My Discriminator 0
                with(wire, 8, 0, 9, 0, 10, 0, 11, 0),     // Your Discriminator 0 in Up
                ControlPacketEncoder.toBytes(valid.withAuthentication(Optional.of(
                        new Authentication.SimplePassword(1, "x".getBytes())))));  // A bit, no authentication in use
        lab.sendRaw(k.peer(), k.local(), 254, wire);  // RFC 5881 §5: one hop too far
        Await.until(BfdLab.WAIT, () -> lab.snapshot(k).counters().dropped(DropReason.TTL) > before.counters().dropped(DropReason.TTL),
                "the TTL 254 packet counted");
        Counters after = lab.snapshot(k).counters();
        for (DropReason r : new DropReason[] {DropReason.VERSION, DropReason.LENGTH_TOO_SMALL, DropReason.DETECT_MULT_ZERO,
                DropReason.MULTIPOINT, DropReason.MY_DISCRIMINATOR_ZERO, DropReason.YOUR_DISCRIMINATOR_ZERO,
                DropReason.AUTH_UNEXPECTED, DropReason.TTL, DropReason.LENGTH_BEYOND_PAYLOAD}) {
            assertThat(after.dropped(r) - before.counters().dropped(r)).as(r.name()).isEqualTo(1);
        }
        assertThat(after.malformedDropped() - before.counters().malformedDropped()).isEqualTo(9);
        assertThat(lab.snapshot(k).state()).isEqualTo(SessionState.UP);
        assertThat(lab.events).hasSize(events);
        // Still Up a few Detection Times later: nothing above disturbed the real packets.
        Await.never(Duration.ofMillis(3 * before.detectionTime().toMillis() + 500), () -> lab.state(k) != SessionState.UP,
                "the session left Up after malformed packets");
    }

    /** A copy of {@code b} with (index, value) pairs set. */
    static byte[] with(byte[] b, int... pairs) {
        byte[] c = b.clone();
        for (int i = 0; i < pairs.length; i += 2) c[pairs[i]] = (byte) pairs[i + 1];
        return c;
    }
}
