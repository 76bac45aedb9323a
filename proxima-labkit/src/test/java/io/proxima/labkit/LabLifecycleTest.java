package io.proxima.labkit;

import static io.proxima.labkit.LabSupport.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Namespaces, veths, FIB reading and teardown, without any BGP daemon. */
class LabLifecycleTest {

    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final String PORT = "7000";

    @BeforeEach
    void needsLab() {
        assumeLab("ip", "sleep", "nc");
    }

    @Test
    void closeRemovesNamespacesProcessesAndFilesAndIsIdempotent() {
        Lab lab = Lab.create();
        Netns a = lab.netns("a");
        Netns b = lab.netns("b");
        Veth link = Netns.link(a, "eth-b", b, "eth-a").ipv4("192.0.2.1/30", "192.0.2.2/30")
                .ipv6("2001:db8:f::1/64", "2001:db8:f::2/64").up();
        // TCP listeners in b (netcat-openbsd; -k keeps listening after each connection).
        b.spawn(lab.dir().resolve("nc4.log"), "nc", "-4", "-k", "-l", "192.0.2.2", PORT);
        b.spawn(lab.dir().resolve("nc6.log"), "nc", "-6", "-k", "-l", "2001:db8:f::2", PORT);
        Await.until(SHORT, () -> a.exec("nc", "-z", "-w1", "192.0.2.2", PORT).ok(), "TCP to 192.0.2.2");
        // nodad: the IPv6 address is usable at once, not "tentative" for 1-2 s.
        Await.until(SHORT, () -> a.exec("nc", "-z", "-w1", "2001:db8:f::2", PORT).ok(), "TCP to 2001:db8:f::2");
        link.down();
        assertThat(a.exec("nc", "-z", "-w1", "192.0.2.2", PORT).ok()).isFalse();
        link.up();
        Await.until(SHORT, () -> a.exec("nc", "-z", "-w1", "192.0.2.2", PORT).ok(), "TCP to 192.0.2.2 after link up");

        Process sleeper = b.spawn(lab.dir().resolve("sleep.log"), "sleep", "600");
        long pid = sleeper.pid();
        // `ip netns exec` enters the namespace and then execs: for a moment the PID is not in it yet
        Await.until(SHORT, () -> b.pids().contains(pid), "the spawned process is in namespace " + b.name());
        Path dir = lab.dir();
        assertThat(Files.isDirectory(dir)).isTrue();

        lab.close();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(Signals.alive(pid)).isFalse();
        assertThat(Sweep.namespaceNames()).noneMatch(n -> n.startsWith(lab.id() + "-"));
        assertThat(Files.exists(dir)).isFalse();
        lab.close();
        assertThatThrownBy(() -> lab.netns("c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fibShowsStaticAndEcmpNextHops() {
        try (Lab lab = Lab.create()) {
            Netns r = lab.netns("r");
            Netns x = lab.netns("x");
            Netns y = lab.netns("y");
            Netns.link(r, "eth-x", x, "eth-r").ipv4("192.0.2.1/30", "192.0.2.2/30").ipv6("2001:db8:a::1/64", "2001:db8:a::2/64").up();
            Netns.link(r, "eth-y", y, "eth-r").ipv4("192.0.2.5/30", "192.0.2.6/30").up();
            assertThat(r.fib("198.51.100.0/24")).isEmpty();
            r.addRoute("198.51.100.0/24", "192.0.2.2");
            assertThat(r.fib("198.51.100.0/24")).containsExactly(new NextHop("192.0.2.2", "eth-x"));
            r.addRoute("2001:db8:75::/48", "2001:db8:a::2");
            assertThat(r.fib("2001:db8:75::/48")).containsExactly(new NextHop("2001:db8:a::2", "eth-x"));
            r.ip("route", "add", "203.0.113.0/24", "nexthop", "via", "192.0.2.2", "nexthop", "via", "192.0.2.6");
            assertThat(r.fib("203.0.113.0/24")).containsExactlyInAnyOrder(new NextHop("192.0.2.2", "eth-x"), new NextHop("192.0.2.6", "eth-y"));
            // Exact match only: the covering /24 is not the /32's route.
            assertThat(r.fib("198.51.100.7/32")).isEmpty();
        }
    }

    @Test
    void sweepRemovesNamespacesOfDeadJvmsOnly() {
        // A PID above pid_max can never be alive.
        long deadPid = Long.parseLong(Exec.run(List.of("cat", "/proc/sys/kernel/pid_max")).orThrow().stdout().strip()) + 1;
        String dead = Lab.PREFIX + deadPid + "-1-left";
        Exec.run(List.of("ip", "netns", "add", dead)).orThrow();
        try (Lab lab = Lab.create()) {
            Netns mine = lab.netns("mine");
            Process orphan = new ProcessBuilder("ip", "netns", "exec", dead, "sleep", "600").start();
            Await.until(SHORT, () -> Netns.pids(dead).contains(orphan.pid()), "the orphan to run in " + dead);
            assertThat(Lab.sweep()).isGreaterThanOrEqualTo(1);
            assertThat(Sweep.namespaceNames()).doesNotContain(dead).contains(mine.name());
            Await.until(SHORT, () -> !orphan.isAlive(), "the orphan to be killed");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            Exec.run(List.of("ip", "netns", "del", dead));
        }
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsCreated() {
        try (Lab lab = Lab.create()) {
            Netns a = lab.netns("a");
            assertThatThrownBy(() -> Netns.link(a, "a-name-far-too-long", a, "x")).hasMessageContaining("15");
            assertThatThrownBy(() -> lab.netns("Bad Name")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void awaitReportsTheLastValueOnTimeout() {
        assertThatThrownBy(() -> Await.value(Duration.ofMillis(50), () -> 41, v -> v == 42, "the answer"))
                .hasMessageContaining("the answer").hasMessageContaining("last value: 41");
    }
}
