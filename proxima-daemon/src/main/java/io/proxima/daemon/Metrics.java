package io.proxima.daemon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.config.PeerSpec;
import io.proxima.config.ServiceConfig;
import io.proxima.policy.Effective;
import io.proxima.policy.ServicePlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics ({@code GET /metrics}): service state, check latency histograms, transitions,
 * peer state, UPDATEs in and out, BFD state and transitions, the lease, and the failover histogram: seconds from the first
 * failing probe to the withdraw being written to every socket.
 *
 * <p>Gauges read the daemon's published snapshots when scraped; nothing here is on a hot path
 * except {@link #probe}, which is one timer record per probe.
 */
public final class Metrics {

    /** Failover histogram buckets, in seconds: from a fast profile's tens of ms to a slow check's seconds. */
    static final double[] FAILOVER_BUCKETS = {0.02, 0.05, 0.1, 0.2, 0.5, 1, 1.5, 2, 5, 10, 30};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> probeTimers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> bfdUp = new ConcurrentHashMap<>();
    private final Counter leaseExpiries;
    private final DistributionSummary failover;
    private Daemon daemon;

    Metrics() {
        leaseExpiries = Counter.builder("proxima_lease_expired").description("times the lease expired and everything was withdrawn")
                .register(registry);
        failover = DistributionSummary.builder("proxima_failover_seconds")
                .description("from the first failing probe to the withdraw written to every socket")
                .baseUnit("seconds").serviceLevelObjectives(FAILOVER_BUCKETS).register(registry);
    }

    void bind(Daemon d) {
        this.daemon = d;
        for (ServiceConfig s : d.status().config().services()) {
            String name = s.name();
            for (Effective e : Effective.values()) {
                Gauge.builder("proxima_service_state", () -> state(name) == e ? 1 : 0)
                        .description("1 for the service's current state").tag("service", name).tag("state", e.name().toLowerCase())
                        .register(registry);
            }
            Gauge.builder("proxima_service_announced", () -> d.status().plan().service(name).map(p -> p.announced() ? 1 : 0).orElse(0))
                    .description("1 while the service's routes are announced").tag("service", name).register(registry);
        }
        for (PeerSpec p : d.status().config().peers()) {
            IpAddress a = p.address();
            Gauge.builder("proxima_peer_established", () -> peer(a, s -> s.state() == State.ESTABLISHED ? 1 : 0))
                    .description("1 while the BGP session is Established").tag("peer", a.toString()).register(registry);
            FunctionCounter.builder("proxima_peer_updates_in", this, m -> m.peer(a, s -> s.updatesIn()))
                    .description("UPDATE messages received").tag("peer", a.toString()).register(registry);
            FunctionCounter.builder("proxima_peer_updates_out", this, m -> m.peer(a, s -> s.updatesOut()))
                    .description("UPDATE messages sent").tag("peer", a.toString()).register(registry);
            FunctionCounter.builder("proxima_peer_established_transitions", this, m -> m.peer(a, s -> s.establishedTransitions()))
                    .description("times the session reached Established").tag("peer", a.toString()).register(registry);
        }
        if (d.status().config().dnsResponder().isPresent()) {
            for (String key : new io.proxima.dns.Counters(0, 0, 0, 0, 0, 0, 0, 0).asMap().keySet()) {
                FunctionCounter.builder("proxima_dns_responder", d, x -> x.dnsCounters().map(c -> c.asMap().get(key)).orElse(0L))
                        .description("the built-in DNS responder's queries and what became of them").tag("counter", key).register(registry);
            }
        }
        Gauge.builder("proxima_lease_ok", () -> d.status().leaseExpired() ? 0 : 1)
                .description("0 while the lease is expired and everything is withdrawn").register(registry);
    }

    private Effective state(String service) {
        return daemon.status().plan().service(service).map(ServicePlan::state).orElse(Effective.UNKNOWN);
    }

    private double peer(IpAddress a, ToDoubleFunction<PeerSnapshot> f) {
        List<PeerSnapshot> peers = daemon.peers();
        for (PeerSnapshot s : peers) if (s.address().equals(a)) return f.applyAsDouble(s);
        return 0;
    }

    void probe(String check, boolean pass, Duration latency) {
        probeTimers.computeIfAbsent(check + (pass ? "\0pass" : "\0fail"), k -> Timer.builder("proxima_check_latency")
                .description("probe latency").tag("check", check).tag("result", pass ? "pass" : "fail")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(latency);
    }

    void checkTransition(String check, String to) {
        registry.counter("proxima_check_transitions", "check", check, "to", to.toLowerCase()).increment();
    }

    void peerTransition(IpAddress peer, State to) {
        registry.counter("proxima_peer_transitions", "peer", peer.toString(), "to", to.name().toLowerCase()).increment();
    }

    /** A BFD session changed state; also keeps {@code proxima_bfd_up} for the peer (set from events, so a scrape costs nothing). */
    void bfdTransition(String peer, String to) {
        registry.counter("proxima_bfd_transitions", "peer", peer, "to", to.toLowerCase()).increment();
        bfdUp.computeIfAbsent(peer, p -> {
            AtomicInteger up = new AtomicInteger();
            Gauge.builder("proxima_bfd_up", up, AtomicInteger::get).description("1 while the BFD session beside the peer's BGP session is Up")
                    .tag("peer", p).register(registry);
            return up;
        }).set("Up".equals(to) ? 1 : 0);
    }

    void leaseExpired() {
        leaseExpiries.increment();
    }

    void failover(Duration d) {
        failover.record(d.toNanos() / 1e9);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
