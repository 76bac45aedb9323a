package io.proxima.labkit;

import static io.proxima.labkit.LabSupport.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Proves each driver against a real peer, without Proxima. Router r runs BIRD (AS 65000, kernel
 * export on); speaker s runs FRR, then GoBGP, then ExaBGP (AS 65001), one at a time:
 * <pre>
 *   r  eth-s 203.0.113.1/30 2001:db8:1::1/64  ----  s  eth-r 203.0.113.2/30 2001:db8:1::2/64
 * </pre>
 * For each: both sessions (IPv4 and IPv6) reach Established, a prefix announced by s appears in
 * BIRD's RIB and r's kernel FIB and goes away on withdraw, s sees BIRD's own prefix, and a
 * SIGSTOP/SIGCONT of s leaves it running. Afterwards nothing of the lab is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hung daemon or pipe fails the test instead of the build

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InteropSmokeTest {

    static final String R4 = "203.0.113.1";
    static final String S4 = "203.0.113.2";
    static final String R6 = "2001:db8:1::1";
    static final String S6 = "2001:db8:1::2";
    static final long R_AS = 65000;
    static final long S_AS = 65001;
    /** BIRD announces this one, so each speaker's RIB query has something to find. */
    static final String BIRD_PREFIX = "192.0.2.0/24";
    /**
     * Session setup is 0.6–3 s in LAB.md §2; BIRD's error wait after the previous speaker's
     * shutdown adds up to its maximum (BirdConfig.ERROR_WAIT_MAX).
     */
    static final Duration SESSION = Duration.ofSeconds(20);
    static final Duration ROUTE = Duration.ofSeconds(10);

    private Lab lab;
    private Netns r;
    private Netns s;
    private Bird bird;

    @BeforeAll
    void router() {
        assumeLab("bird", "birdc", "/usr/lib/frr/zebra", "/usr/lib/frr/bgpd", "vtysh", "gobgpd", "gobgp",
                ExaBgp.PYTHON, ExaBgp.EXABGP, "mkfifo", "kill");
        lab = Lab.create();
        r = lab.netns("r");
        s = lab.netns("s");
        Netns.link(r, "eth-s", s, "eth-r").ipv4(R4 + "/30", S4 + "/30").ipv6(R6 + "/64", S6 + "/64").up();
        bird = Bird.start(r, "bird-r", BirdConfig.router(R4, R_AS)
                .withPeer(Peer.of(S4, S_AS)).withPeer(Peer.of(S6, S_AS)).withStaticRoute(BIRD_PREFIX));
    }

    @AfterAll
    void nothingLeft() {
        if (lab == null) return;
        List<Long> pids = lab.pids();
        String id = lab.id();
        lab.close();
        assertThat(Sweep.namespaceNames()).noneMatch(n -> n.startsWith(id + "-"));
        assertThat(pids).isNotEmpty().noneMatch(Signals::alive);
        assertThat(lab.dir()).doesNotExist();
    }

    @Test
    @Order(1)
    void frr() {
        Frr frr = Frr.start(s, "frr-s", FrrConfig.router(S4, S_AS).withPeer(Peer.of(R4, R_AS)).withPeer(Peer.of(R6, R_AS)));
        try {
            exercise(frr, "198.51.100.10/32", "2001:db8:10::/48");
            assertThat(frr.receivedRoutes(R4, Family.IPV4_UNICAST)).extracting(Route::prefix).contains(BIRD_PREFIX);
            frr.announce("198.51.100.11/32");
            Await.until(ROUTE, () -> !frr.advertisedRoutes(R4, Family.IPV4_UNICAST).stream()
                    .filter(x -> x.prefix().equals("198.51.100.11/32")).toList().isEmpty(), "FRR advertising 198.51.100.11/32");
        } finally {
            frr.stop();
        }
        assertThat(frr.alive()).isFalse();
    }

    @Test
    @Order(2)
    void goBgp() {
        // GoBGP listens; BIRD connects to it (GoBGP's own connect would wait 5-10 s, LAB.md §5).
        GoBgp gobgp = GoBgp.start(s, "gobgp-s", GoBgpConfig.speaker(S4, S_AS).withPeer(Peer.of(R4, R_AS)).withPeer(Peer.of(R6, R_AS)));
        try {
            exercise(gobgp, "198.51.100.20/32", "2001:db8:20::/48");
            assertThat(gobgp.adjIn(R4, Family.IPV4_UNICAST)).extracting(Route::prefix).contains(BIRD_PREFIX);
        } finally {
            gobgp.stop();
        }
    }

    @Test
    @Order(3)
    void exaBgp() {
        ExaBgp exa = ExaBgp.start(s, "exa-s", ExaBgpConfig.speaker(S4, S_AS)
                .withPeer(Peer.of(R4, R_AS).withLocalAddress(S4)).withPeer(Peer.of(R6, R_AS).withLocalAddress(S6)));
        try {
            exercise(exa, "198.51.100.30/32", "2001:db8:30::/48");
            assertThat(exa.command("show neighbor summary")).anyMatch(l -> l.contains(R4));
        } finally {
            exa.stop();
        }
    }

    private void exercise(BgpDaemon speaker, String p4, String p6) {
        long t0 = System.nanoTime();
        for (String n : List.of(S4, S6)) Await.until(SESSION, () -> bird.sessionState(n) == SessionState.ESTABLISHED, "BIRD session with " + n);
        for (String n : List.of(R4, R6)) Await.until(SESSION, () -> speaker.sessionState(n) == SessionState.ESTABLISHED, speaker + " session with " + n);
        log(speaker, "sessions established", t0);

        speaker.announce(p4);
        speaker.announce(p6);
        Route v4 = await(() -> bird.routes(p4), "BIRD route " + p4);
        assertThat(v4.asPath()).containsExactly(S_AS);
        assertThat(v4.nextHops()).first().isEqualTo(S4);
        assertThat(v4.source()).isEqualTo(BirdConfig.protocolName(S4));
        Route v6 = await(() -> bird.routes(p6), "BIRD route " + p6);
        assertThat(v6.nextHops()).first().isEqualTo(S6);
        Await.until(ROUTE, () -> r.fib(p4).equals(List.of(new NextHop(S4, "eth-s"))), "r's FIB route " + p4 + " via " + S4);
        Await.until(ROUTE, () -> r.fib(p6).equals(List.of(new NextHop(S6, "eth-s"))), "r's FIB route " + p6 + " via " + S6);
        log(speaker, "announced routes in BIRD and FIB", t0);

        Route back = await(() -> speaker.routes(BIRD_PREFIX), speaker + " route " + BIRD_PREFIX);
        assertThat(back.asPath()).containsExactly(R_AS);

        speaker.freeze();
        Await.until(ROUTE, () -> Signals.state(speaker.pid()).equals("T"), speaker + " stopped by SIGSTOP");
        speaker.thaw();
        Await.until(ROUTE, () -> !Signals.state(speaker.pid()).equals("T"), speaker + " running after SIGCONT");
        assertThat(bird.sessionState(S4)).isEqualTo(SessionState.ESTABLISHED);

        speaker.withdraw(p4);
        speaker.withdraw(p6);
        Await.until(ROUTE, () -> bird.routes(p4).isEmpty() && bird.routes(p6).isEmpty(), "BIRD to drop " + p4 + " and " + p6);
        Await.until(ROUTE, () -> r.fib(p4).isEmpty() && r.fib(p6).isEmpty(), "r's FIB to drop " + p4 + " and " + p6);
        log(speaker, "withdrawn", t0);
    }

    private static Route await(Supplier<List<Route>> probe, String what) {
        return Await.value(ROUTE, probe, l -> !l.isEmpty(), what).get(0);
    }

    private static void log(BgpDaemon d, String what, long t0) {
        System.out.printf("%s: %s after %d ms%n", d.getClass().getSimpleName(), what, (System.nanoTime() - t0) / 1_000_000);
    }
}
