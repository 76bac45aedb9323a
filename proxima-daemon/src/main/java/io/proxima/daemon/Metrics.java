package io.proxima.daemon;

import io.proxima.bgp.fsm.State;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.config.PeerSpec;
import io.proxima.config.ServiceConfig;
import io.proxima.policy.Effective;
import io.proxima.policy.ServicePlan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics ({@code GET /metrics}): service state, check latency histograms, transitions,
 * peer state, UPDATEs in and out, BFD state and transitions, the DNS responder's counters, the lease, and the failover histogram: seconds from the first
 * failing probe to the withdraw being written to every socket.
 *
 * <p>Gauges read the daemon's published snapshots when scraped; nothing here is on a hot path
 * except {@link #probe}, which is one histogram observation per probe. The exposition is written
 * by {@link PrometheusText}, not a metrics library: Micrometer and the Prometheus client loaded
 * about 140 classes into a daemon whose idle footprint is a goal (docs/benchmarks.md).
 */
public final class Metrics {

    /** Failover histogram buckets, in seconds: from a fast profile's tens of ms to a slow check's seconds. */
    static final double[] FAILOVER_BUCKETS = {0.02, 0.05, 0.1, 0.2, 0.5, 1, 1.5, 2, 5, 10, 30};
    /** Probe latency buckets, in seconds: 1 ms to the longest timeout worth telling apart. */
    static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** Key separator in the series maps; a check's name cannot contain it (the config's names are printable). */
    private static final char SEP = '\0';

    // Sorted maps: a scrape lists the series in a stable order.
    private final Map<String, Histogram> probeLatency = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> checkTransitions = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> peerTransitions = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> bfdTransitions = new ConcurrentSkipListMap<>();
    /** Per peer with BFD: 1 while its session is Up; set from state changes, so a scrape costs nothing. */
    private final Map<String, AtomicLong> bfdUp = new ConcurrentSkipListMap<>();
    private final AtomicLong leaseExpiries = new AtomicLong();
    private final Histogram failover = new Histogram(FAILOVER_BUCKETS);
    private volatile Daemon daemon;

    Metrics() {
    }

    void bind(Daemon d) {
        this.daemon = d;
    }

    void probe(String check, boolean pass, Duration latency) {
        probeLatency.computeIfAbsent(check + SEP + (pass ? "pass" : "fail"), k -> new Histogram(LATENCY_BUCKETS))
                .observe(latency.toNanos() / 1e9);
    }

    void checkTransition(String check, String to) {
        checkTransitions.computeIfAbsent(check + SEP + to.toLowerCase(Locale.ROOT), k -> new AtomicLong()).incrementAndGet();
    }

    void peerTransition(IpAddress peer, State to) {
        peerTransitions.computeIfAbsent(peer + String.valueOf(SEP) + to.name().toLowerCase(Locale.ROOT), k -> new AtomicLong())
                .incrementAndGet();
    }

    /** A BFD session changed state ({@code to} as RFC 5880 names it: AdminDown, Down, Init, Up). */
    void bfdTransition(String peer, String to) {
        bfdTransitions.computeIfAbsent(peer + SEP + to.toLowerCase(Locale.ROOT), k -> new AtomicLong()).incrementAndGet();
        bfdUp.computeIfAbsent(peer, k -> new AtomicLong()).set("Up".equals(to) ? 1 : 0);
    }

    void leaseExpired() {
        leaseExpiries.incrementAndGet();
    }

    void failover(Duration d) {
        failover.observe(d.toNanos() / 1e9);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        PrometheusText out = new PrometheusText();
        Daemon d = daemon;
        if (d != null) {
            Daemon.DaemonStatus status = d.status();
            List<ServiceConfig> services = status.config().services();
            out.family("proxima_service_state", "gauge", "1 for the service's current state");
            for (ServiceConfig s : services) {
                Effective now = status.plan().service(s.name()).map(ServicePlan::state).orElse(Effective.UNKNOWN);
                for (Effective e : Effective.values()) {
                    out.sample("proxima_service_state", now == e ? 1 : 0, "service", s.name(), "state", e.name().toLowerCase(Locale.ROOT));
                }
            }
            out.family("proxima_service_announced", "gauge", "1 while the service's routes are announced");
            for (ServiceConfig s : services) {
                boolean announced = status.plan().service(s.name()).map(ServicePlan::announced).orElse(false);
                out.sample("proxima_service_announced", announced ? 1 : 0, "service", s.name());
            }
            List<PeerSpec> peers = status.config().peers();
            List<PeerSnapshot> snapshots = d.peers();
            peerFamily(out, peers, snapshots, "proxima_peer_established", "gauge", "1 while the BGP session is Established",
                    s -> s.state() == State.ESTABLISHED ? 1 : 0);
            peerFamily(out, peers, snapshots, "proxima_peer_updates_in_total", "counter", "UPDATE messages received",
                    PeerSnapshot::updatesIn);
            peerFamily(out, peers, snapshots, "proxima_peer_updates_out_total", "counter", "UPDATE messages sent",
                    PeerSnapshot::updatesOut);
            peerFamily(out, peers, snapshots, "proxima_peer_established_transitions_total", "counter",
                    "times the session reached Established", PeerSnapshot::establishedTransitions);
            d.dnsCounters().ifPresent(c -> {
                out.family("proxima_dns_responder_total", "counter", "the built-in DNS responder's queries and what became of them");
                c.asMap().forEach((k, v) -> out.sample("proxima_dns_responder_total", v, "counter", k));
            });
            out.family("proxima_lease_ok", "gauge", "0 while the lease is expired and everything is withdrawn");
            out.sample("proxima_lease_ok", status.leaseExpired() ? 0 : 1);
        }
        out.family("proxima_lease_expired_total", "counter", "times the lease expired and everything was withdrawn");
        out.sample("proxima_lease_expired_total", leaseExpiries.get());
        counters(out, checkTransitions, "proxima_check_transitions_total", "check transitions", "check", "to");
        counters(out, peerTransitions, "proxima_peer_transitions_total", "BGP session state transitions", "peer", "to");
        out.family("proxima_bfd_up", "gauge", "1 while the BFD session beside the peer's BGP session is Up");
        for (Map.Entry<String, AtomicLong> e : bfdUp.entrySet()) out.sample("proxima_bfd_up", e.getValue().get(), "peer", e.getKey());
        counters(out, bfdTransitions, "proxima_bfd_transitions_total", "BFD session state transitions", "peer", "to");
        out.family("proxima_check_latency_seconds", "histogram", "probe latency");
        for (Map.Entry<String, Histogram> e : probeLatency.entrySet()) {
            String[] key = split(e.getKey());
            e.getValue().write(out, "proxima_check_latency_seconds", "check", key[0], "result", key[1]);
        }
        out.family("proxima_failover_seconds", "histogram", "from the first failing probe to the withdraw written to every socket");
        failover.write(out, "proxima_failover_seconds");
        return out.toString();
    }

    private static void peerFamily(PrometheusText out, List<PeerSpec> peers, List<PeerSnapshot> snapshots, String name, String type,
                                   String help, ToDoubleFunction<PeerSnapshot> f) {
        out.family(name, type, help);
        for (PeerSpec p : peers) {
            double v = 0;
            for (PeerSnapshot s : snapshots) if (s.address().equals(p.address())) v = f.applyAsDouble(s);
            out.sample(name, v, "peer", p.address().toString());
        }
    }

    private static void counters(PrometheusText out, Map<String, AtomicLong> series, String name, String help, String label, String to) {
        out.family(name, "counter", help);
        for (Map.Entry<String, AtomicLong> e : series.entrySet()) {
            String[] key = split(e.getKey());
            out.sample(name, e.getValue().get(), label, key[0], to, key[1]);
        }
    }

    private static String[] split(String key) {
        int i = key.lastIndexOf(SEP);
        return new String[] {key.substring(0, i), key.substring(i + 1)};
    }
}
