package io.proxima.bfd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which changes a client such as BGP must act on (RFC 5882 §3.2, §4.3), and the binding that acts. */
class StateChangeTest {

    static StateChange change(SessionState from, SessionState to, Diagnostic ours, SessionState remote, Diagnostic theirs) {
        return new StateChange(SimulatedLink.A_KEY, from, to, ours, remote, theirs, Duration.ofMillis(300), "test", Instant.EPOCH);
    }

    @Test
    void detectionTimeExpiredIsAFailure() {
        assertThat(change(SessionState.UP, SessionState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED, SessionState.DOWN, Diagnostic.NONE)
                .signalsFailure()).isTrue();
    }

    @Test
    void aPeerThatDetectedAFailureAndSaysSoIsAFailure() {
        assertThat(change(SessionState.UP, SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, SessionState.DOWN,
                Diagnostic.CONTROL_DETECTION_TIME_EXPIRED).signalsFailure()).isTrue();
        assertThat(change(SessionState.UP, SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, SessionState.DOWN,
                Diagnostic.NONE).signalsFailure()).isTrue();
    }

    @Test
    void aPeerGoingAdminDownIsNoFailure() {
        assertThat(change(SessionState.UP, SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, SessionState.ADMIN_DOWN,
                Diagnostic.ADMINISTRATIVELY_DOWN).signalsFailure()).isFalse();
    }

    @Test
    void aPeerReplacingItsSessionIsNoFailure() {
        assertThat(change(SessionState.UP, SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, SessionState.DOWN,
                Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN).signalsFailure()).isFalse();
    }

    @Test
    void onlyLeavingUpCounts() {
        assertThat(change(SessionState.INIT, SessionState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED, SessionState.DOWN, Diagnostic.NONE)
                .signalsFailure()).isFalse();
        assertThat(change(SessionState.UP, SessionState.ADMIN_DOWN, Diagnostic.ADMINISTRATIVELY_DOWN, SessionState.UP, Diagnostic.NONE)
                .signalsFailure()).isFalse();
    }

    @Test
    void theBindingAbortsOnFailuresOnlyAndSaysBfd() {
        java.util.List<String> aborted = new java.util.ArrayList<>();
        BfdBgpBinding b = new BfdBgpBinding((peer, reason) -> aborted.add(peer.getHostAddress() + ": " + reason));
        b.stateChanged(change(SessionState.UP, SessionState.DOWN, Diagnostic.NEIGHBOR_SIGNALED_SESSION_DOWN, SessionState.ADMIN_DOWN,
                Diagnostic.ADMINISTRATIVELY_DOWN));
        assertThat(aborted).isEmpty();
        b.stateChanged(change(SessionState.UP, SessionState.DOWN, Diagnostic.CONTROL_DETECTION_TIME_EXPIRED, SessionState.DOWN, Diagnostic.NONE));
        assertThat(aborted).containsExactly("203.0.113.33: BFD session 203.0.113.33 from 203.0.113.34 went Down: Control Detection Time Expired, test");
    }
}
