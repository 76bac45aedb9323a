package io.proxima.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.config.RouteAttributes;
import io.proxima.config.ServiceConfig;
import io.proxima.health.engine.Combine;
import io.proxima.health.engine.ServiceState;
import io.proxima.health.engine.ServiceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state → routes table of issue #5, row by row, with the clock as a plain number. */
class AnnouncePolicyTest {

    static final Prefix V4 = Prefix.parse("198.51.100.75/32");
    static final Prefix V6 = Prefix.parse("2001:db8:75::53/128");
    static final long UP_COMMUNITY = Communities.parse("65010:100");
    static final long DEGRADED_COMMUNITY = Communities.parse("65010:666");
    static final IpAddress PEER = IpAddress.parse("192.0.2.1");
    static final long SECOND = 1_000_000_000L;

    static ServiceConfig service(Optional<RouteAttributes> degraded, Duration drain, List<IpAddress> peers) {
        return new ServiceConfig("dns", List.of(V4, V6), List.of(), new Combine.All(), List.of(),
                new RouteAttributes(List.of(UP_COMMUNITY), List.of(), OptionalLong.of(10), 0), degraded, drain, peers);
    }

    static final ServiceConfig DNS = service(
            Optional.of(new RouteAttributes(List.of(DEGRADED_COMMUNITY), List.of(), OptionalLong.of(500), 3)),
            Duration.ofSeconds(30), List.of());

    static Map<String, ServiceStatus> health(ServiceState s) {
        return Map.of("dns", new ServiceStatus("dns", s, "dns: because", 0));
    }

    static ServicePlan plan(ServiceConfig s, ServiceState state, Map<String, Long> drained, long now) {
        return AnnouncePolicy.plan(List.of(s), health(state), drained, now).service("dns").orElseThrow();
    }

    @Test
    void upAnnouncesEveryPrefixWithTheServiceAttributes() {
        ServicePlan p = plan(DNS, ServiceState.UP, Map.of(), 0);
        assertThat(p.state()).isEqualTo(Effective.UP);
        assertThat(p.routes()).extracting(Advertisement::prefix).containsExactly(V4, V6);
        Advertisement a = p.routes().get(0);
        assertThat(a.communities()).containsExactly(UP_COMMUNITY);
        assertThat(a.med()).hasValue(10);
        assertThat(a.prepend()).isZero();
        assertThat(a.gracefulShutdown()).isFalse();
        assertThat(a.peers()).isEmpty();
        assertThat(p.deadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void degradedAnnouncesDePreferredOrAsUpWhenNothingIsConfigured() {
        Advertisement a = plan(DNS, ServiceState.DEGRADED, Map.of(), 0).routes().get(0);
        assertThat(a.communities()).containsExactly(DEGRADED_COMMUNITY);
        assertThat(a.med()).hasValue(500);
        assertThat(a.prepend()).isEqualTo(3);
        ServicePlan plain = plan(service(Optional.empty(), Duration.ZERO, List.of()), ServiceState.DEGRADED, Map.of(), 0);
        assertThat(plain.state()).isEqualTo(Effective.DEGRADED);
        assertThat(plain.routes().get(0).communities()).containsExactly(UP_COMMUNITY);
    }

    @Test
    void downAndUnknownWithdraw() {
        assertThat(plan(DNS, ServiceState.DOWN, Map.of(), 0).routes()).isEmpty();
        ServicePlan unknown = plan(DNS, ServiceState.UNKNOWN, Map.of(), 0);
        assertThat(unknown.routes()).isEmpty();
        assertThat(unknown.why()).contains("not announced until its checks rise");
        // a service the engine has not reported at all is UNKNOWN too
        assertThat(AnnouncePolicy.plan(List.of(DNS), Map.of(), Map.of(), 0).advertisements()).isEmpty();
    }

    @Test
    void drainAnnouncesGracefulShutdownUntilTheDrainTimeThenWithdraws() {
        Map<String, Long> drained = Map.of("dns", 100 * SECOND);
        ServicePlan during = plan(DNS, ServiceState.UP, drained, 110 * SECOND);
        assertThat(during.state()).isEqualTo(Effective.DRAINED);
        assertThat(during.routes()).allMatch(Advertisement::gracefulShutdown);
        assertThat(during.routes().get(0).communities()).containsExactly(UP_COMMUNITY);
        assertThat(during.deadline()).isEqualTo(130 * SECOND);
        ServicePlan after = plan(DNS, ServiceState.UP, drained, 130 * SECOND);
        assertThat(after.state()).isEqualTo(Effective.DRAINED);
        assertThat(after.routes()).isEmpty();
        assertThat(after.deadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDrainWithoutGraceWithdrawsAtOnceAndADrainFromDiskIsLongOver() {
        ServiceConfig quick = service(Optional.empty(), Duration.ZERO, List.of());
        assertThat(plan(quick, ServiceState.UP, Map.of("dns", 5L), 5L).routes()).isEmpty();
        assertThat(plan(DNS, ServiceState.UP, Map.of("dns", Long.MIN_VALUE), Long.MIN_VALUE + 1).routes()).isEmpty();
    }

    @Test
    void aDeadServiceIsNeverAnnouncedEvenWhileDraining() {
        ServicePlan p = plan(DNS, ServiceState.DOWN, Map.of("dns", 0L), 1);
        assertThat(p.state()).isEqualTo(Effective.DOWN);
        assertThat(p.routes()).isEmpty();
    }

    @Test
    void selectedPeersTravelWithTheRoutes() {
        ServicePlan p = plan(service(Optional.empty(), Duration.ZERO, List.of(PEER)), ServiceState.UP, Map.of(), 0);
        assertThat(p.routes()).allMatch(a -> a.peers().equals(Set.of(PEER)));
    }

    @Test
    void thePlanDeadlineIsTheEarliestOfItsServices() {
        ServiceConfig other = new ServiceConfig("ntp", List.of(Prefix.parse("198.51.100.123/32")), List.of(), new Combine.All(), List.of(),
                RouteAttributes.NONE, Optional.empty(), Duration.ofSeconds(5), List.of());
        Plan plan = AnnouncePolicy.plan(List.of(DNS, other),
                Map.of("dns", new ServiceStatus("dns", ServiceState.UP, "", 0), "ntp", new ServiceStatus("ntp", ServiceState.UP, "", 0)),
                Map.of("dns", 0L, "ntp", 0L), 1);
        assertThat(plan.nextDeadline()).isEqualTo(5 * SECOND);
        assertThat(plan.advertisements()).hasSize(3);
    }
}
