package io.proxima.daemon;

import io.proxima.address.AddressManager;
import io.proxima.bfd.BfdServiceConfig;
import io.proxima.bfd.SessionSnapshot;
import io.proxima.bgp.fsm.State;
import io.proxima.bgp.rib.Advertisement;
import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.PeerSnapshot;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.speaker.SpeakerListener;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Prefix;
import io.proxima.config.CheckConfig;
import io.proxima.config.PeerSpec;
import io.proxima.config.ProximaConfig;
import io.proxima.config.ServiceConfig;
import io.proxima.dns.DnsResponder;
import io.proxima.dns.ResponderConfig;
import io.proxima.health.engine.CheckSnapshot;
import io.proxima.health.engine.HealthEngine;
import io.proxima.health.engine.HealthEvent;
import io.proxima.health.engine.NamedCheck;
import io.proxima.health.engine.ServiceSpec;
import io.proxima.health.engine.ServiceState;
import io.proxima.health.engine.ServiceStatus;
import io.proxima.health.engine.ThreadScheduler;
import io.proxima.policy.AnnouncePolicy;
import io.proxima.policy.Effective;
import io.proxima.policy.Plan;
import io.proxima.policy.ServicePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wiring: health engine → announce policy → speaker, with the lease, drain, the address
 * manager and the event log beside them (DESIGN.md, "Data flow").
 *
 * <p>Threading: one control thread owns the daemon's state (the config, the engine's latest
 * service statuses, the drains, the current plan, the lease). Engine and speaker events hop onto
 * it; API readers get immutable snapshots from it. Nothing here blocks the engine's scheduler or
 * the speaker's event loop.
 *
 * <p>No signal handling and no static state: {@code proxima run} installs the signal handlers,
 * and the in-process demo runs several daemons in one JVM.
 */
public final class Daemon implements AutoCloseable {

    /** The engine re-asserts its state this often, at most: several times per lease period. */
    public static final Duration MAX_ASSERT_PERIOD = Duration.ofSeconds(1);
    /** Assertions per lease period: one late assertion must not expire the lease. */
    public static final int ASSERTIONS_PER_LEASE = 4;

    private final EventLog events;
    private final Metrics metrics;
    private final ScheduledExecutorService control;
    private final ThreadScheduler engineThread;
    private final ExecutorService probeLauncher;
    private final DrainStore drainStore;
    private final HealthEngine engine;
    private final BgpSpeaker speaker;
    private final AddressManager addresses;
    private final BfdPeers bfd;
    /** The built-in DNS responder, when the config has {@code dns-responder}; replaced by a reload that moves it. */
    private volatile DnsResponder dns;

    // ---- owned by the control thread ----
    private ProximaConfig config;
    private final Map<String, ServiceStatus> health = new LinkedHashMap<>();
    private final Map<String, Long> drainedSince = new HashMap<>();
    private final Set<String> persistedDrains = new HashSet<>();
    private Plan plan = Plan.NOTHING;
    private List<Advertisement> desired = List.of();
    private boolean leaseExpired;
    private boolean stopping;
    private ScheduledFuture<?> deadlineTimer;
    /** Per service: when its current failure began (the first failing probe's start), for the failover histogram. */
    private final Map<String, Long> failoverStart = new HashMap<>();
    /**
     * Per service whose checks a reload changed: its state before the reload, kept while the
     * restarted checks are UNKNOWN, so an edit does not withdraw a healthy service. The new checks
     * decide within rise passes or fall failures, as any check does.
     */
    private final Map<String, ServiceStatus> carried = new HashMap<>();

    // ---- shared ----
    /** Per check: the start of the first failing probe of its current failure streak. */
    private final Map<String, Long> failingSince = new ConcurrentHashMap<>();
    private volatile long lastAssertion;
    private volatile DaemonStatus status;

    private Daemon(ProximaConfig config, EventLog events, Metrics metrics, BfdServiceConfig bfdConfig) throws IOException, InterruptedException {
        this.config = config;
        this.events = events;
        this.metrics = metrics;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proxima-control");
            t.setDaemon(true);
            return t;
        });
        this.drainStore = new DrainStore(config.stateDir());
        for (String s : drainStore.load()) {
            if (config.service(s).isPresent()) {
                drainedSince.put(s, Long.MIN_VALUE);
                persistedDrains.add(s);
            }
        }
        this.engineThread = new ThreadScheduler("proxima-health");
        this.probeLauncher = Executors.newVirtualThreadPerTaskExecutor();
        this.engine = new HealthEngine(engineThread, probeLauncher, assertPeriod(config.lease()), checks(config), services(config));
        this.lastAssertion = System.nanoTime();
        this.addresses = config.addresses().manage() ? new AddressManager(config.addresses().device()) : null;
        this.speaker = BgpSpeaker.start(new SpeakerConfig(config.localAs(), config.routerId(), config.listen(), System.nanoTime()));
        this.bfd = new BfdPeers(speaker, events, metrics, bfdConfig);
        this.status = snapshotStatus();
    }

    /**
     * Starts everything: addresses, peers, checks. Nothing is announced until checks rise.
     *
     * @param events where the event log goes; closed by {@link #close()}
     */
    public static Daemon start(ProximaConfig config, EventLog events) throws IOException, InterruptedException {
        return start(config, events, BfdServiceConfig.defaults());
    }

    /** As {@link #start(ProximaConfig, EventLog)}, with BFD on another port or seed: for tests that share loopback. */
    static Daemon start(ProximaConfig config, EventLog events, BfdServiceConfig bfd) throws IOException, InterruptedException {
        Daemon d = new Daemon(config, events, new Metrics(), bfd);
        try {
            d.begin();
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private void begin() throws IOException {
        events.log("daemon", "event", "starting", "router_id", config.routerId().toString(), "local_as", config.localAs(),
                "services", config.services().size(), "peers", config.peers().size(),
                "drained", List.copyOf(persistedDrains));
        if (addresses != null) {
            List<Prefix> added = addresses.add(allPrefixes(config));
            if (!added.isEmpty()) events.log("address", "event", "added", "device", config.addresses().device(), "prefixes", strings(added));
        }
        if (config.dnsResponder().isPresent()) startResponder(config.dnsResponder().get());
        metrics.bind(this);
        speaker.addListener(new PeerEvents());
        for (PeerSpec p : config.peers()) {
            speaker.addPeer(peerConfig(p)).join();
            try {
                bfd.add(p).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new IOException("BFD for peer " + p.address() + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        engine.subscribe(this::onHealth);
        engine.start();
        long leaseCheck = Math.max(1, config.lease().toNanos() / ASSERTIONS_PER_LEASE);
        control.scheduleAtFixedRate(this::checkLease, leaseCheck, leaseCheck, TimeUnit.NANOSECONDS);
        events.log("daemon", "event", "started");
    }

    /** Binds the responder before the checks start, so its own health check finds it answering. */
    private void startResponder(ResponderConfig rc) throws IOException {
        try {
            dns = DnsResponder.start(rc);
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("dns-responder: " + e.getMessage(), e.getCause());
        }
        events.log("dns", "event", "started", "listen", rc.listen().stream().map(Daemon::hostPort).toList(), "node_name", rc.nodeName(),
                "zone", rc.zone().origin());
    }

    private static String hostPort(java.net.InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    /** A reload's new responder config: the same sockets answer from the new zone, or new ones replace them. */
    private void reloadResponder(Optional<ResponderConfig> before, Optional<ResponderConfig> after, List<String> changes) {
        if (before.equals(after)) return;
        DnsResponder running = dns;
        if (running != null && after.isPresent() && running.config().listen().equals(after.get().listen())) {
            running.reconfigure(after.get());
            changes.add("dns-responder");
            events.log("dns", "event", "reconfigured", "node_name", after.get().nodeName(), "zone", after.get().zone().origin());
            return;
        }
        if (running != null) {
            running.close();
            dns = null;
            events.log("dns", "event", "stopped", "reason", "reload");
        }
        changes.add("dns-responder");
        if (after.isPresent()) {
            try {
                startResponder(after.get());
            } catch (IOException | RuntimeException e) {
                // its service's checks now fail and withdraw it: nothing dead stays announced
                events.log("dns", "event", "error", "reason", e.getMessage());
            }
        }
    }

    // ---- health → plan ----

    private void onHealth(HealthEvent e) {
        switch (e) {
            case HealthEvent.ProbeCompleted p -> {
                metrics.probe(p.check(), p.result().pass(), p.result().latency());
                if (p.result().pass()) failingSince.remove(p.check());
                else failingSince.putIfAbsent(p.check(), p.at() - p.result().latency().toNanos());
            }
            case HealthEvent.CheckTransition t -> {
                metrics.checkTransition(t.check(), t.to().name());
                events.log("check", "check", t.check(), "from", t.from().name(), "to", t.to().name(), "reason", t.reason());
            }
            case HealthEvent.ServiceTransition t -> {
                ServiceStatus s = new ServiceStatus(t.service(), t.to(), t.reason(), t.at());
                control.execute(() -> {
                    if (t.to() == ServiceState.DOWN) failoverStart.put(t.service(), earliestFailure(t.service(), t.at()));
                    health.put(t.service(), carry(s));
                    events.log("service", "service", t.service(), "from", t.from().name(), "to", t.to().name(), "reason", t.reason());
                    recompute("service " + t.service() + " " + t.to());
                });
            }
            case HealthEvent.StateAsserted a -> {
                lastAssertion = System.nanoTime();
                control.execute(() -> {
                    health.clear();
                    a.services().forEach((name, st) -> health.put(name, carry(st)));
                    if (leaseExpired) {
                        leaseExpired = false;
                        events.log("lease", "event", "renewed", "reason", "the health engine asserted its state again");
                    }
                    recompute(null);
                });
            }
        }
    }

    /** The engine's status, or the one carried through a reload while the new checks are UNKNOWN. */
    private ServiceStatus carry(ServiceStatus fresh) {
        ServiceStatus kept = carried.get(fresh.service());
        if (kept == null) return fresh;
        if (fresh.state() != ServiceState.UNKNOWN) {
            carried.remove(fresh.service());
            return fresh;
        }
        return new ServiceStatus(kept.service(), kept.state(), kept.reason() + " (kept through a reload until its changed checks decide)",
                kept.since());
    }

    private long earliestFailure(String service, long fallback) {
        long min = fallback;
        ServiceConfig s = config.service(service).orElse(null);
        if (s == null) return fallback;
        for (CheckConfig c : s.checks()) {
            Long since = failingSince.get(c.name());
            if (since != null) min = Math.min(min, since);
        }
        return min;
    }

    private void checkLease() {
        if (stopping || leaseExpired) return;
        long silent = System.nanoTime() - lastAssertion;
        if (silent > config.lease().toNanos()) {
            leaseExpired = true;
            metrics.leaseExpired();
            events.log("lease", "event", "expired", "silent_ms", TimeUnit.NANOSECONDS.toMillis(silent),
                    "reason", "the health engine has not asserted its state for " + TimeUnit.NANOSECONDS.toMillis(silent)
                            + " ms (lease " + config.lease().toMillis() + " ms): withdrawing everything");
            recompute("lease expired");
        }
    }

    /** Makes the speaker's desired set match the plan; on the control thread. */
    private CompletableFuture<Void> recompute(String cause) {
        long now = System.nanoTime();
        Plan next = AnnouncePolicy.plan(config.services(), health, drainedSince, now);
        List<Advertisement> want;
        if (leaseExpired) {
            want = List.of();
        } else if (stopping) {
            // SIGTERM: only services in their drain's grace period stay, with GRACEFUL_SHUTDOWN
            want = new ArrayList<>();
            for (ServicePlan sp : next.services()) if (sp.state() == Effective.DRAINED) want.addAll(sp.routes());
        } else {
            want = next.advertisements();
        }
        Plan before = plan;
        plan = next;
        scheduleDeadline(next.nextDeadline(), now);
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        if (!want.equals(desired)) {
            List<Advertisement> was = desired;
            desired = List.copyOf(want);
            written = announce(before, next, was, desired, cause);
        }
        status = snapshotStatus();
        return written;
    }

    private CompletableFuture<Void> announce(Plan before, Plan next, List<Advertisement> was, List<Advertisement> want, String cause) {
        Map<Prefix, Advertisement> old = byPrefix(was);
        Map<Prefix, Advertisement> now = byPrefix(want);
        List<String> withdrawn = new ArrayList<>();
        List<String> announced = new ArrayList<>();
        for (Prefix p : old.keySet()) if (!now.containsKey(p)) withdrawn.add(p.toString());
        for (Map.Entry<Prefix, Advertisement> e : now.entrySet()) {
            if (!e.getValue().equals(old.get(e.getKey()))) announced.add(e.getKey().toString());
        }
        Map<String, Long> failovers = new HashMap<>();
        for (ServicePlan sp : next.services()) {
            boolean wasOn = before.service(sp.service()).map(ServicePlan::announced).orElse(false);
            if (wasOn && !sp.announced()) {
                Long start = failoverStart.remove(sp.service());
                if (start != null && sp.state() == Effective.DOWN) failovers.put(sp.service(), start);
            }
        }
        long t0 = System.nanoTime();
        events.log("route", "event", "desired", "announce", announced, "withdraw", withdrawn,
                "reason", cause == null ? "state asserted" : cause);
        return speaker.announce(want).whenComplete((v, err) -> {
            long written = System.nanoTime();
            control.execute(() -> {
                for (Map.Entry<String, Long> f : failovers.entrySet()) {
                    Duration d = Duration.ofNanos(written - f.getValue());
                    metrics.failover(d);
                    events.log("failover", "service", f.getKey(), "seconds", d.toNanos() / 1e9,
                            "reason", "first failing probe to withdraw written");
                }
                events.log("route", "event", "written", "announce", announced, "withdraw", withdrawn,
                        "write_ms", TimeUnit.NANOSECONDS.toMicros(written - t0) / 1000.0,
                        "error", err == null ? null : err.toString());
            });
        });
    }

    private void scheduleDeadline(long deadline, long now) {
        if (deadlineTimer != null) deadlineTimer.cancel(false);
        deadlineTimer = null;
        if (deadline == Long.MAX_VALUE) return;
        deadlineTimer = control.schedule(() -> recompute("drain grace period over"), Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
    }

    // ---- operator actions ----

    /** Drains the named services (all when empty); persisted. Completes with the names drained. */
    public CompletableFuture<List<String>> drain(List<String> names) {
        return onControl(() -> {
            List<String> which = select(names);
            long now = System.nanoTime();
            for (String s : which) {
                drainedSince.putIfAbsent(s, now);
                persistedDrains.add(s);
                events.log("drain", "service", s, "event", "drained");
            }
            drainStore.save(persistedDrains);
            recompute("drain " + which);
            return which;
        });
    }

    public CompletableFuture<List<String>> undrain(List<String> names) {
        return onControl(() -> {
            List<String> which = select(names);
            for (String s : which) {
                drainedSince.remove(s);
                persistedDrains.remove(s);
                events.log("drain", "service", s, "event", "undrained");
            }
            drainStore.save(persistedDrains);
            recompute("undrain " + which);
            return which;
        });
    }

    private List<String> select(List<String> names) {
        if (names.isEmpty()) return config.services().stream().map(ServiceConfig::name).toList();
        for (String n : names) {
            if (config.service(n).isEmpty()) throw new IllegalArgumentException("no service named '" + n + "'");
        }
        return List.copyOf(names);
    }

    /**
     * Applies a new, validated config as a diff (DESIGN.md rule 6): checks and policy change
     * without touching any session; a peer whose parameters changed is reset alone; peers added or
     * removed come and go. A change the running speaker cannot take (router id, local AS, listen
     * addresses, state directory, API) is refused: the old config keeps running.
     */
    public CompletableFuture<ReloadResult> reload(ProximaConfig next) {
        return onControl(() -> {
            List<String> refused = new ArrayList<>();
            if (!next.routerId().equals(config.routerId())) refused.add("router-id");
            if (next.localAs() != config.localAs()) refused.add("local-as");
            if (!next.listen().equals(config.listen())) refused.add("listen");
            if (!next.stateDir().equals(config.stateDir())) refused.add("state-dir");
            if (!next.api().equals(config.api())) refused.add("api");
            if (!next.addresses().equals(config.addresses())) refused.add("addresses");
            if (!next.eventLog().equals(config.eventLog())) refused.add("event-log");
            if (!refused.isEmpty()) {
                String why = String.join(", ", refused) + " changed: that needs a restart; the running config is kept";
                events.log("reload", "event", "refused", "reason", why);
                return ReloadResult.refused(List.of(why));
            }
            ProximaConfig old = config;
            List<String> changes = new ArrayList<>();
            // peers: removed, changed (reset alone), added
            Map<IpAddress, PeerSpec> before = new LinkedHashMap<>();
            for (PeerSpec p : old.peers()) before.put(p.address(), p);
            Map<IpAddress, PeerSpec> after = new LinkedHashMap<>();
            for (PeerSpec p : next.peers()) after.put(p.address(), p);
            for (PeerSpec p : old.peers()) {
                PeerSpec n = after.get(p.address());
                if (n == null) {
                    bfd.remove(p.address());
                    speaker.removePeer(p.address(), "proxima: peer removed from the configuration");
                    changes.add("peer " + p.address() + " removed");
                } else if (!n.withoutBfd().equals(p.withoutBfd())) {
                    speaker.removePeer(p.address(), "proxima: peer configuration changed");
                    speaker.addPeer(peerConfig(n));
                    bfd.update(p, n);
                    changes.add("peer " + p.address() + " reset");
                } else if (!n.equals(p)) {
                    bfd.update(p, n); // BFD alone changed: the BGP session stays
                    changes.add("peer " + p.address() + " bfd");
                }
            }
            for (PeerSpec n : next.peers()) {
                if (!before.containsKey(n.address())) {
                    speaker.addPeer(peerConfig(n));
                    bfd.add(n);
                    changes.add("peer " + n.address() + " added");
                }
            }
            reloadResponder(old.dnsResponder(), next.dnsResponder(), changes);
            boolean checksChanged = !allChecks(old).equals(allChecks(next)) || !services(old).equals(services(next));
            if (checksChanged) changes.add("checks");
            if (!old.services().equals(next.services())) changes.add("services");
            config = next;
            drainedSince.keySet().removeIf(s -> next.service(s).isEmpty());
            persistedDrains.removeIf(s -> next.service(s).isEmpty());
            health.keySet().removeIf(s -> next.service(s).isEmpty());
            if (checksChanged) {
                for (ServiceConfig sc : next.services()) {
                    ServiceStatus now = health.get(sc.name());
                    boolean decided = now != null && (now.state() == ServiceState.UP || now.state() == ServiceState.DEGRADED);
                    boolean changed = old.service(sc.name()).map(o -> !o.checks().equals(sc.checks()) || !o.require().equals(sc.require())
                            || !o.dependsOn().equals(sc.dependsOn())).orElse(true);
                    if (decided && changed) carried.put(sc.name(), now);
                }
                engine.reconfigure(checks(next), services(next));
            }
            List<Prefix> stale = new ArrayList<>();
            if (addresses != null) {
                List<Prefix> added = addresses.add(allPrefixes(next));
                if (!added.isEmpty()) events.log("address", "event", "added", "prefixes", strings(added));
                Set<Prefix> keep = new HashSet<>(allPrefixes(next));
                for (Prefix p : addresses.managed()) if (!keep.contains(p)) stale.add(p);
            }
            events.log("reload", "event", "applied", "changes", changes);
            CompletableFuture<Void> written = recompute("reload");
            if (!stale.isEmpty()) {
                // removed only once their withdraw is on the wire
                written.whenComplete((v, e) -> {
                    try {
                        List<Prefix> gone = addresses.remove(stale);
                        events.log("address", "event", "removed", "prefixes", strings(gone));
                    } catch (IOException ex) {
                        events.log("address", "event", "error", "reason", ex.getMessage());
                    }
                });
            }
            return ReloadResult.applied(changes);
        });
    }

    /** What a reload did. */
    public record ReloadResult(boolean applied, List<String> changes, List<String> errors) {
        static ReloadResult applied(List<String> changes) {
            return new ReloadResult(true, List.copyOf(changes), List.of());
        }

        public static ReloadResult refused(List<String> errors) {
            return new ReloadResult(false, List.of(), List.copyOf(errors));
        }
    }

    // ---- shutdown ----

    /**
     * SIGTERM (DESIGN.md rule 3): services with a drain time are drained first (GRACEFUL_SHUTDOWN,
     * then withdrawn when it ends), everything else is withdrawn at once; then, once the UPDATEs are
     * written, every peer gets Cease / Administrative Shutdown with {@code message}, and the managed
     * addresses are removed. Bounded by the config's shutdown timeout.
     */
    public void shutdown(String message) {
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        try {
            long drainEnd = onControl(() -> {
                stopping = true;
                long now = System.nanoTime();
                long end = now;
                for (ServiceConfig s : config.services()) {
                    ServicePlan sp = plan.service(s.name()).orElse(null);
                    if (sp != null && sp.announced() && s.drain().isPositive() && !drainedSince.containsKey(s.name())) {
                        drainedSince.put(s.name(), now);
                        end = Math.max(end, now + s.drain().toNanos());
                    }
                }
                events.log("daemon", "event", "stopping", "reason", message);
                recompute("shutdown");
                return end;
            }).get(remaining(deadline), TimeUnit.NANOSECONDS);
            long wait = Math.min(drainEnd, deadline) - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait); // the drain's grace period, bounded
            CompletableFuture<Void> written = onControl(() -> {
                drainedSince.clear();
                desired = List.of();
                events.log("route", "event", "desired", "announce", List.of(), "withdraw", strings(allPrefixes(config)),
                        "reason", "shutdown");
                return null;
            }).thenCompose(v -> speaker.announce(List.of()));
            written.get(remaining(deadline), TimeUnit.NANOSECONDS);
            events.log("route", "event", "written", "announce", List.of(), "withdraw", strings(allPrefixes(config)),
                    "reason", "shutdown: every withdraw is on the wire");
            speaker.shutdown(message).get(remaining(deadline), TimeUnit.NANOSECONDS);
            // then AdminDown on every BFD session: before the Cease, FRR 8.4 would reset BGP on it
            // ("BFD down received") and never show our shutdown message
            bfd.close();
        } catch (TimeoutException e) {
            events.log("daemon", "event", "shutdown-timeout", "reason", "shutdown took longer than " + config.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            events.log("daemon", "event", "shutdown-error", "reason", String.valueOf(e.getCause()));
        }
        DnsResponder r = dns; // it answered through the drain; every route is withdrawn now
        if (r != null) r.close();
        if (addresses != null) {
            try {
                List<Prefix> gone = addresses.removeAll();
                if (!gone.isEmpty()) events.log("address", "event", "removed", "prefixes", strings(gone));
            } catch (IOException e) {
                events.log("address", "event", "error", "reason", e.getMessage());
            }
        }
        events.log("daemon", "event", "stopped", "reason", message);
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    @Override
    public void close() {
        engine.stop();
        bfd.close();
        DnsResponder r = dns;
        if (r != null) r.close();
        speaker.close();
        control.shutdownNow();
        engineThread.close();
        probeLauncher.shutdownNow();
        events.close();
    }

    /** Whether the control thread answers within {@code timeout}: what the systemd watchdog pings on. */
    public boolean responsive(Duration timeout) {
        try {
            onControl(() -> null).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Test hook: blocks the health engine's thread, as a hung probe library or a deadlock would. */
    public void stallEngine(Duration d) {
        events.log("daemon", "event", "test-stall", "reason", "test hook: the health engine stalls for " + d.toMillis() + " ms");
        engineThread.execute(() -> {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    // ---- readers ----

    public DaemonStatus status() {
        return status;
    }

    public ProximaConfig config() {
        return status.config();
    }

    public List<PeerSnapshot> peers() {
        return speaker.peers();
    }

    /** The built-in DNS responder's counters, if it runs. */
    public Optional<io.proxima.dns.Counters> dnsCounters() {
        DnsResponder r = dns;
        return r == null ? Optional.empty() : Optional.of(r.counters());
    }

    /** The BFD sessions of the peers that have one, by peer. */
    public Map<IpAddress, SessionSnapshot> bfdSessions() {
        return bfd.sessions();
    }

    public Map<Prefix, io.proxima.bgp.rib.Attributes> sent(IpAddress peer) {
        return speaker.sent(peer);
    }

    public Metrics metrics() {
        return metrics;
    }

    public EventLog events() {
        return events;
    }

    public Map<String, CheckSnapshot> checks() {
        return engine.snapshot().checks();
    }

    private DaemonStatus snapshotStatus() {
        return new DaemonStatus(config, plan, leaseExpired, stopping, Set.copyOf(drainedSince.keySet()), Map.copyOf(health));
    }

    /** What the API and metrics read: immutable, replaced after every change. */
    public record DaemonStatus(ProximaConfig config, Plan plan, boolean leaseExpired, boolean stopping, Set<String> drained,
                               Map<String, ServiceStatus> health) { }

    // ---- building blocks ----

    private <T> CompletableFuture<T> onControl(java.util.concurrent.Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        control.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    static Duration assertPeriod(Duration lease) {
        Duration d = lease.dividedBy(ASSERTIONS_PER_LEASE);
        return d.compareTo(MAX_ASSERT_PERIOD) > 0 ? MAX_ASSERT_PERIOD : d;
    }

    static List<NamedCheck> checks(ProximaConfig c) {
        List<NamedCheck> out = new ArrayList<>();
        for (ServiceConfig s : c.services()) {
            for (CheckConfig cc : s.checks()) out.add(new NamedCheck(cc.name(), cc.spec(), cc.damping()));
        }
        return out;
    }

    private static List<CheckConfig> allChecks(ProximaConfig c) {
        List<CheckConfig> out = new ArrayList<>();
        for (ServiceConfig s : c.services()) out.addAll(s.checks());
        return out;
    }

    static List<ServiceSpec> services(ProximaConfig c) {
        List<ServiceSpec> out = new ArrayList<>();
        for (ServiceConfig s : c.services()) {
            List<ServiceSpec.Member> members = new ArrayList<>();
            for (CheckConfig cc : s.checks()) members.add(new ServiceSpec.Member(cc.name(), cc.optional()));
            out.add(new ServiceSpec(s.name(), s.require(), members, s.dependsOn()));
        }
        return out;
    }

    static PeerConfig peerConfig(PeerSpec p) throws IOException {
        PeerConfig pc = PeerConfig.of(p.address(), p.remoteAs())
                .withPort(p.port())
                .withPassive(p.passive())
                .withHoldTime((int) p.holdTime().toSeconds())
                .withMultihop(p.multihop())
                .withGtsm(p.gtsm())
                .withGracefulRestart(p.gracefulRestart())
                .withNextHops(p.nextHopV4().orElse(null), p.nextHopV6().orElse(null));
        if (p.localAddress().isPresent()) pc = pc.withLocalAddress(p.localAddress().get());
        if (p.passwordFile().isPresent()) pc = pc.withMd5Password(readSecret(p.passwordFile().get()));
        return pc;
    }

    /** A secret file's content without its trailing line break. */
    public static String readSecret(java.nio.file.Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    static List<Prefix> allPrefixes(ProximaConfig c) {
        Set<Prefix> out = new LinkedHashSet<>();
        for (ServiceConfig s : c.services()) out.addAll(s.prefixes());
        return List.copyOf(out);
    }

    private static Map<Prefix, Advertisement> byPrefix(List<Advertisement> ads) {
        Map<Prefix, Advertisement> m = new LinkedHashMap<>();
        for (Advertisement a : ads) m.put(a.prefix(), a);
        return m;
    }

    private static List<String> strings(List<Prefix> prefixes) {
        return prefixes.stream().map(Prefix::toString).toList();
    }

    /** Peer transitions and UPDATE errors into the event log and metrics. */
    private final class PeerEvents implements SpeakerListener {
        @Override
        public void peerStateChanged(IpAddress peer, State from, State to, String reason) {
            metrics.peerTransition(peer, to);
            events.log("peer", "peer", peer.toString(), "from", from.name(), "to", to.name(), "reason", Objects.toString(reason, ""));
            if (to == State.ESTABLISHED) control.execute(() -> status = snapshotStatus());
        }

        @Override
        public void updateError(IpAddress peer, MessageError error) {
            events.log("peer", "peer", peer.toString(), "event", "update-error", "reason", error.toString());
        }
    }
}
