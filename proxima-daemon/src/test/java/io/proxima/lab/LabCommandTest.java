package io.proxima.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What needs no lab: usage errors, scenario names, the address plan. */
class LabCommandTest {

    @Test
    void anUnknownRouterKindOrScenarioIsAUsageError() {
        assertThat(run("lab", "--routers", "cisco")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--routers must be frr, bird or mixed");
        assertThat(run("lab", "--scenario", "meteor")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown scenario 'meteor'").contains("frozen-node");
    }

    @Test
    void scenariosParseByNameOrAll() {
        assertThat(Scenario.parse("all")).hasSize(Scenario.values().length);
        assertThat(Scenario.parse("kill")).containsExactly(Scenario.KILL);
        assertThatThrownBy(() -> Scenario.parse("KILL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAddressPlanKeepsEveryLinkApart() {
        List<String> all = new java.util.ArrayList<>();
        for (int i = 1; i <= Topology.SIZE; i++) {
            all.addAll(List.of(Topology.ringAddress(i, true), Topology.ringAddress(i, false), Topology.routerSiteAddress(i),
                    Topology.siteAddress(i), Topology.routerClientAddress(i), Topology.clientAddress(i)));
        }
        assertThat(all).doesNotHaveDuplicates().doesNotContain(Topology.ANYCAST_IP);
        assertThat(Topology.next(4)).isEqualTo(1);
        assertThat(Topology.previous(1)).isEqualTo(4);
        assertThat(Topology.kind("mixed", 1)).isEqualTo(Topology.RouterKind.FRR);
        assertThat(Topology.kind("mixed", 2)).isEqualTo(Topology.RouterKind.BIRD);
    }

    @Test
    void aBadProfileOrRepeatIsAUsageError() {
        assertThat(run("lab", "--profile", "turbo")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown profile 'turbo'").contains("defaults, tuned, tuned-nofast, fast");
        assertThat(run("lab", "--compare-profiles", "tuned,warp")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown profile 'warp'");
        assertThat(run("lab", "--repeat", "0")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--repeat must be 1.." + LabCommand.MAX_REPEAT);
    }

    @Test
    void profilesWriteTheirTimingsAndTheDefaultsWriteNone() {
        assertThat(Profile.parseList("all")).containsExactly(Profile.DEFAULTS, Profile.TUNED, Profile.TUNED_NOFAST, Profile.FAST);
        assertThat(Profile.parseList("fast, tuned,fast")).containsExactly(Profile.FAST, Profile.TUNED);
        assertThat(Profile.DEFAULTS.checkYaml("  ")).isEmpty();
        assertThat(Profile.TUNED.checkYaml("  ")).isEqualTo("  interval: 100ms\n  timeout: 80ms\n  fast-interval: 20ms\n  rise: 2\n  fall: 2\n");
        assertThat(Profile.TUNED.exabgpOptions).contains("--interval 0.1 --fast-interval 0.02");
        assertThat(Profile.TUNED_NOFAST.checkYaml("  ")).isEqualTo("  interval: 100ms\n  timeout: 80ms\n  rise: 2\n  fall: 2\n");
        assertThat(Profile.TUNED_NOFAST.exabgpOptions).contains("--interval 0.1 --fast-interval 0.1");
        assertThat(Profile.FAST.checkYaml("")).contains("fast-interval: 1ms\n");
        assertThat(Profile.FAST.exabgpOptions).contains("--interval 0.02").contains("--fast-interval 0.001");
        assertThat(Profile.DEFAULTS.cycle(true)).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(Profile.DEFAULTS.cycle(false)).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(Profile.FAST.cycle(false)).isEqualTo(java.time.Duration.ofMillis(20));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        java.util.function.LongFunction<java.time.Duration> ms = java.time.Duration::ofMillis;
        assertThat(LabReport.median(List.of())).isEmpty();
        assertThat(LabReport.median(List.of(ms.apply(30), ms.apply(10), ms.apply(20)))).contains(ms.apply(20));
        assertThat(LabReport.median(List.of(ms.apply(40), ms.apply(10), ms.apply(20), ms.apply(30)))).contains(ms.apply(25));
    }

    @Test
    void theIpv6PlanKeepsEveryLinkApartAndOutsideTheAnycastPrefix() {
        List<String> all = new java.util.ArrayList<>();
        for (int i = 1; i <= Topology.SIZE; i++) {
            all.addAll(List.of(Topology.ringAddress6(i, true), Topology.ringAddress6(i, false), Topology.routerSiteAddress6(i),
                    Topology.siteAddress6(i), Topology.routerClientAddress6(i), Topology.clientAddress6(i)));
            String net = Topology.clientNet6(i);
            assertThat(Topology.clientAddress6(i)).startsWith(net.substring(0, net.indexOf("::/64") + 2));
        }
        assertThat(all).doesNotHaveDuplicates().allMatch(a -> a.startsWith("2001:db8:")).noneMatch(a -> a.startsWith("2001:db8:75:"));
        assertThat(Topology.ANYCAST6).isEqualTo(Topology.ANYCAST6_IP + "/128").startsWith("2001:db8:75::");
        assertThat(Scenario.parse("ipv6")).containsExactly(Scenario.IPV6);
        assertThat(Scenario.IPV6.prefix()).isEqualTo(Topology.ANYCAST6);
        assertThat(Scenario.SERVICE_DEATH.prefix()).isEqualTo(Topology.ANYCAST);
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        err.reset();
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
