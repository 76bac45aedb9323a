package io.proxima.health.engine;

import static io.proxima.health.engine.ServiceSpec.Member.optional;
import static io.proxima.health.engine.ServiceSpec.Member.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompositionTest {

    private static final long NOW = 42;
    private final Map<String, CheckSnapshot> checks = new HashMap<>();
    private final Map<String, ServiceStatus> services = new HashMap<>();

    private void check(String name, CheckState state) {
        checks.put(name, new CheckSnapshot(name, state, name + ": " + state.name().toLowerCase() + " because of tests", 0, Optional.empty()));
    }

    private ServiceStatus compose(ServiceSpec spec) {
        return Composition.compose(spec, checks, services, ServiceStatus.unknown(spec.name(), 0), NOW);
    }

    private static ServiceSpec service(Combine combine, ServiceSpec.Member... members) {
        return new ServiceSpec("svc", combine, List.of(members), List.of());
    }

    @Test
    void unknownBeforeAnythingRose() {
        check("a", CheckState.UNKNOWN);
        check("b", CheckState.UNKNOWN);
        ServiceStatus s = compose(service(new Combine.All(), required("a"), required("b")));
        assertThat(s.state()).isEqualTo(ServiceState.UNKNOWN);
        assertThat(s.reason()).isEqualTo("svc: waiting for a, b");
    }

    @Test
    void allNeedsEveryRequiredCheck() {
        check("a", CheckState.UP);
        check("b", CheckState.DOWN);
        ServiceStatus s = compose(service(new Combine.All(), required("a"), required("b")));
        assertThat(s.state()).isEqualTo(ServiceState.DOWN);
        assertThat(s.reason()).isEqualTo("svc: 1 of 2 required checks up, 2 needed (b: down because of tests)");
        assertThat(s.since()).isEqualTo(NOW);
        check("b", CheckState.UP);
        assertThat(compose(service(new Combine.All(), required("a"), required("b"))).state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void anyNeedsOne() {
        check("a", CheckState.DOWN);
        check("b", CheckState.UP);
        assertThat(compose(service(new Combine.Any(), required("a"), required("b"))).state()).isEqualTo(ServiceState.UP);
        check("b", CheckState.DOWN);
        assertThat(compose(service(new Combine.Any(), required("a"), required("b"))).state()).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void quorumCountsUpChecksAndWaitsWhileUndecidedCouldStillMakeIt() {
        ServiceSpec spec = service(new Combine.Quorum(2), required("a"), required("b"), required("c"));
        check("a", CheckState.UP);
        check("b", CheckState.DOWN);
        check("c", CheckState.UNKNOWN);
        assertThat(compose(spec).state()).isEqualTo(ServiceState.UNKNOWN);
        check("c", CheckState.UP);
        assertThat(compose(spec).state()).isEqualTo(ServiceState.UP);
        check("a", CheckState.DOWN);
        assertThat(compose(spec).state()).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void quorumLargerThanTheRequiredChecksIsRejected() {
        assertThatThrownBy(() -> service(new Combine.Quorum(3), required("a"), required("b"), optional("c")))
                .hasMessageContaining("quorum 3 exceeds its 2 required checks");
    }

    @Test
    void optionalCheckDownOnlyDegrades() {
        check("a", CheckState.UP);
        check("extra", CheckState.DOWN);
        ServiceStatus s = compose(service(new Combine.All(), required("a"), optional("extra")));
        assertThat(s.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(s.reason()).isEqualTo("svc: optional check down (extra: down because of tests)");
    }

    @Test
    void slowPassDegrades() {
        check("a", CheckState.UP);
        checks.put("b", new CheckSnapshot("b", CheckState.UP, "b: up", 0, Optional.of(Duration.ofMillis(850))));
        ServiceStatus s = compose(service(new Combine.All(), required("a"), required("b")));
        assertThat(s.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(s.reason()).isEqualTo("svc: check b passed in 850 ms, slower than its degraded latency");
    }

    @Test
    void dependentIsDownWhileItsDependencyIsDownAndSaysSo() {
        check("a", CheckState.UP);
        services.put("db", new ServiceStatus("db", ServiceState.DOWN, "db: 0 of 1 required checks up", 7));
        ServiceSpec app = new ServiceSpec("app", new Combine.All(), List.of(required("a")), List.of("db"));
        ServiceStatus s = compose(app);
        assertThat(s.state()).isEqualTo(ServiceState.DOWN);
        assertThat(s.reason()).isEqualTo("app: depends on db, which is DOWN (db: 0 of 1 required checks up)");
        services.put("db", new ServiceStatus("db", ServiceState.DEGRADED, "db: slow", 7));
        assertThat(compose(app).state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void sinceIsKeptWhileTheStateHolds() {
        check("a", CheckState.UP);
        ServiceSpec spec = service(new Combine.All(), required("a"));
        ServiceStatus before = new ServiceStatus("svc", ServiceState.UP, "svc: up", 5);
        assertThat(Composition.compose(spec, checks, services, before, NOW).since()).isEqualTo(5);
    }

    @Test
    void dependencyCyclesAndUnknownNamesAreRejected() {
        ServiceSpec a = new ServiceSpec("a", new Combine.All(), List.of(required("x")), List.of("b"));
        ServiceSpec b = new ServiceSpec("b", new Combine.All(), List.of(required("x")), List.of("a"));
        assertThatThrownBy(() -> ServiceOrder.of(List.of(a, b), Set.of("x"))).hasMessageContaining("cycle");
        assertThatThrownBy(() -> ServiceOrder.of(List.of(a), Set.of("x"))).hasMessageContaining("unknown service b");
        assertThatThrownBy(() -> ServiceOrder.of(List.of(a), Set.of())).hasMessageContaining("no check x");
    }

    @Test
    void dependenciesComeFirst() {
        ServiceSpec app = new ServiceSpec("app", new Combine.All(), List.of(required("x")), List.of("db"));
        ServiceSpec db = new ServiceSpec("db", new Combine.All(), List.of(required("x")), List.of());
        assertThat(ServiceOrder.of(List.of(app, db), Set.of("x"))).extracting(ServiceSpec::name).containsExactly("db", "app");
    }
}
