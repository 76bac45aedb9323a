package io.proxima.bfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@link BfdService}s in this JVM, on 127.0.0.1 and 127.0.0.2, over real UDP sockets: no root,
 * no namespaces. The control port is a random high one (printed), not 3784, so parallel builds
 * never collide. Timing assertions use the real clock with generous bounds.
 */
@Timeout(60)
class LoopbackServiceTest {

    static final InetAddress A = address("127.0.0.1");
    static final InetAddress B = address("127.0.0.2");
    static final SessionKey A_TO_B = SessionKey.of(B, A);
    static final SessionKey B_TO_A = SessionKey.of(A, B);
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration INTERVAL = Duration.ofMillis(100);
    static final long SEED = 5881;

    final int port = 20_000 + (int) (ProcessHandle.current().pid() % 20_000);
    final List<StateChange> aEvents = new CopyOnWriteArrayList<>();
    final List<StateChange> bEvents = new CopyOnWriteArrayList<>();
    BfdService a;
    BfdService b;

    void start(boolean nativeTransport) {
        System.out.println("LoopbackServiceTest: control port " + port + ", seed " + SEED);
        BfdServiceConfig cfg = BfdServiceConfig.defaults().withPort(port).withSeed(SEED).withPreferNative(nativeTransport);
        a = BfdService.start(cfg);
        b = BfdService.start(cfg.withSeed(SEED + 1));
        a.addListener(aEvents::add);
        b.addListener(bEvents::add);
    }

    void bothUp(SessionConfig ac, SessionConfig bc) throws Exception {
        a.addSession(ac).get(5, TimeUnit.SECONDS);
        b.addSession(bc).get(5, TimeUnit.SECONDS);
        await(() -> state(a, A_TO_B) == SessionState.UP && state(b, B_TO_A) == SessionState.UP
                && !a.session(A_TO_B).orElseThrow().pollActive() && !b.session(B_TO_A).orElseThrow().pollActive(), "both Up");
    }

    @AfterEach
    void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void twoServicesComeUpAndAgreeOnTheTimers() throws Exception {
        start(true);
        assertThat(a.ttlEnforced()).isEqualTo(Epoll.isAvailable());
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, Duration.ofMillis(200), 5));
        SessionSnapshot sa = a.session(A_TO_B).orElseThrow();
        SessionSnapshot sb = b.session(B_TO_A).orElseThrow();
        assertThat(sa.remoteDiscriminator()).isEqualTo(sb.localDiscriminator());
        assertThat(sb.remoteDiscriminator()).isEqualTo(sa.localDiscriminator());
        assertThat(sa.sourcePort()).isBetween(49152, 65535);
        assertThat(sa.transmitInterval()).isEqualTo(Duration.ofMillis(200)); // max(100, B's 200)
        assertThat(sa.detectionTime()).isEqualTo(Duration.ofMillis(1000));   // B's 5 × max(100, 200)
        assertThat(sb.detectionTime()).isEqualTo(Duration.ofMillis(600));     // A's 3 × max(200, 100)
        assertThat(sa.remoteDetectMultiplier()).isEqualTo(5);
        assertThat(sa.counters().packetsReceived()).isPositive();
        assertThat(sa.counters().upTransitions()).isEqualTo(1);
        assertThat(aEvents).extracting(StateChange::to).endsWith(SessionState.UP);
        assertThat(aEvents).noneMatch(StateChange::signalsFailure);
    }

    @Test
    void theNioTransportWorksWithoutTtlEnforcement() throws Exception {
        start(false);
        assertThat(a.ttlEnforced()).isFalse();
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, INTERVAL, 3));
    }

    @Test
    void aSilentPeerIsDetectedAsAFailureWithinItsDetectionTime() throws Exception {
        start(true);
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, INTERVAL, 3));
        long t0 = System.nanoTime();
        b.silence(B_TO_A, true).get();
        await(() -> state(a, A_TO_B) == SessionState.DOWN, "A notices B's silence");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        StateChange down = aEvents.get(aEvents.size() - 1);
        assertThat(down.signalsFailure()).isTrue();
        assertThat(down.diagnostic()).isEqualTo(Diagnostic.CONTROL_DETECTION_TIME_EXPIRED);
        assertThat(down.detectionTime()).isEqualTo(Duration.ofMillis(300));
        // 300 ms after B's last packet, which left at most 100 ms before the silence; a loaded CI box adds delay.
        assertThat(ms).isLessThan(2_000);
        b.silence(B_TO_A, false).get();
        await(() -> state(a, A_TO_B) == SessionState.UP && state(b, B_TO_A) == SessionState.UP, "both Up again");
        assertThat(a.session(A_TO_B).orElseThrow().counters().failures()).isEqualTo(1);
    }

    @Test
    void removingASessionSignalsAdminDownWhichIsNoFailure() throws Exception {
        start(true);
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, INTERVAL, 3));
        var gone = a.removeSession(A_TO_B);
        await(() -> aEvents.get(aEvents.size() - 1).to() == SessionState.ADMIN_DOWN, "A's listener sees AdminDown");
        await(() -> state(b, B_TO_A) == SessionState.DOWN, "B hears AdminDown");
        StateChange c = bEvents.get(bEvents.size() - 1);
        assertThat(c.remoteState()).isEqualTo(SessionState.ADMIN_DOWN);
        assertThat(c.signalsFailure()).isFalse();
        assertThat(a.session(A_TO_B)).isEmpty();
        gone.get(10, TimeUnit.SECONDS);
        // The same key again, once retired: a fresh session with a new discriminator.
        a.addSession(SessionConfig.of(A_TO_B, INTERVAL, 3)).get(5, TimeUnit.SECONDS);
        await(() -> state(a, A_TO_B) == SessionState.UP && state(b, B_TO_A) == SessionState.UP, "Up with the new session");
    }

    @Test
    void adminDownAndUpAgain() throws Exception {
        start(true);
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, INTERVAL, 3));
        a.adminDown(A_TO_B, Diagnostic.PATH_DOWN).get();
        await(() -> state(b, B_TO_A) == SessionState.DOWN, "B sees A AdminDown");
        assertThat(b.session(B_TO_A).orElseThrow().remoteDiagnostic()).isEqualTo(Diagnostic.PATH_DOWN);
        assertThat(bEvents).noneMatch(StateChange::signalsFailure);
        a.adminUp(A_TO_B).get();
        await(() -> state(a, A_TO_B) == SessionState.UP && state(b, B_TO_A) == SessionState.UP, "Up again");
    }

    @Test
    void newTimersTakeEffectWithoutAReset() throws Exception {
        start(true);
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, INTERVAL, 3));
        a.updateSession(SessionConfig.of(A_TO_B, Duration.ofMillis(250), 4)).get();
        await(() -> b.session(B_TO_A).orElseThrow().detectionTime().equals(Duration.ofMillis(1000)), "B uses A's new 4 × 250 ms");
        assertThat(a.session(A_TO_B).orElseThrow().transmitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(aEvents).extracting(StateChange::to).containsExactly(SessionState.INIT, SessionState.UP);
    }

    @Test
    void keyedSha1AuthenticatesAndAWrongKeyNeverComesUp() throws Exception {
        start(true);
        AuthenticationKey key = new AuthenticationKey(Authentication.METICULOUS_KEYED_SHA1, 3, "shared".getBytes(StandardCharsets.US_ASCII));
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3).withAuthentication(key), SessionConfig.of(B_TO_A, INTERVAL, 3).withAuthentication(key));
        assertThat(a.session(A_TO_B).orElseThrow().authenticated()).isTrue();
        a.removeSession(A_TO_B).get(15, TimeUnit.SECONDS);
        AuthenticationKey wrong = new AuthenticationKey(Authentication.METICULOUS_KEYED_SHA1, 3, "guess".getBytes(StandardCharsets.US_ASCII));
        a.addSession(SessionConfig.of(A_TO_B, INTERVAL, 3).withAuthentication(wrong)).get(5, TimeUnit.SECONDS);
        await(() -> a.session(A_TO_B).orElseThrow().counters().dropped(DropReason.AUTH_FAILED) >= 2, "A refuses B's packets");
        assertThat(state(a, A_TO_B)).isNotEqualTo(SessionState.UP);
    }

    @Test
    void malformedPacketsAreCountedAndChangeNothing() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the raw sender sets the TTL through native epoll");
        start(true);
        bothUp(SessionConfig.of(A_TO_B, INTERVAL, 3), SessionConfig.of(B_TO_A, INTERVAL, 3));
        SessionSnapshot before = a.session(A_TO_B).orElseThrow();
        String my = String.format("%08x", before.remoteDiscriminator());
        String your = String.format("%08x", before.localDiscriminator());
        String rest = my + your + "000186a0000186a000000000";
        InetSocketAddress to = new InetSocketAddress(A, port);
        try (RawSender fromB = new RawSender(B, 255); RawSender offLink = new RawSender(B, 64)) {
            fromB.send(hex("40c00318" + rest), to);                 // version 2
            fromB.send(hex("20c00317" + rest), to);                 // Length 23
            fromB.send(hex("20c0031c" + rest), to);                 // Length beyond the datagram
            fromB.send(hex("20c00018" + rest), to);                 // Detect Mult 0
            fromB.send(hex("20c10318" + rest), to);                 // Multipoint
            fromB.send(hex("20c0031800000000" + your + "000186a0000186a000000000"), to); // My Discriminator 0
            fromB.send(hex("20c00318" + my + "00000000000186a0000186a000000000"), to);   // Your Discriminator 0 in Up
            fromB.send(hex("20c4031e" + rest + "0106056162 63".replace(" ", "")), to);   // A bit, no auth configured
            fromB.send(hex("20c00318" + my + "12345678000186a0000186a000000000"), to);   // an unknown Your Discriminator
            fromB.send(hex("27000318" + rest), to);                 // a Down that is fine in form: it must arrive last
            offLink.send(hex("20c00318" + rest), to);               // TTL 64: from off the link
        }
        await(() -> a.session(A_TO_B).orElseThrow().counters().dropped(DropReason.TTL) == 1, "the TTL drop counted");
        Counters c = a.session(A_TO_B).orElseThrow().counters();
        assertThat(c.dropped()).containsEntry(DropReason.VERSION, 1L).containsEntry(DropReason.LENGTH_TOO_SMALL, 1L)
                .containsEntry(DropReason.LENGTH_BEYOND_PAYLOAD, 1L).containsEntry(DropReason.DETECT_MULT_ZERO, 1L)
                .containsEntry(DropReason.MULTIPOINT, 1L).containsEntry(DropReason.MY_DISCRIMINATOR_ZERO, 1L)
                .containsEntry(DropReason.YOUR_DISCRIMINATOR_ZERO, 1L).containsEntry(DropReason.AUTH_UNEXPECTED, 1L)
                .containsEntry(DropReason.TTL, 1L);
        assertThat(a.unattributedDrops()).containsEntry(DropReason.NO_SESSION, 1L);
        assertThat(c.malformedDropped()).isEqualTo(9);
        // The well-formed AdminDown from B's address was taken: A went Down without calling it a failure.
        await(() -> state(a, A_TO_B) == SessionState.UP, "A back Up");
        assertThat(aEvents).noneMatch(StateChange::signalsFailure);
    }

    @Test
    void aKeyIsAddedOnce() throws Exception {
        start(true);
        a.addSession(SessionConfig.of(A_TO_B, INTERVAL, 3)).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> a.addSession(SessionConfig.of(A_TO_B, INTERVAL, 3)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("exists");
        a.removeSession(SessionKey.of(address("127.0.0.9"), A)).get(1, TimeUnit.SECONDS); // unknown: nothing to do
        assertThat(a.sessions()).hasSize(1);
        assertThat(a.session(A_TO_B).orElseThrow().state()).isEqualTo(SessionState.DOWN);
    }

    static SessionState state(BfdService s, SessionKey k) {
        return s.session(k).map(SessionSnapshot::state).orElse(null);
    }

    static void await(BooleanSupplier condition, String what) {
        io.proxima.labkit.Await.until(WAIT, condition::getAsBoolean, what);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
