package io.proxima.demo;

import io.proxima.bgp.session.PeerConfig;
import io.proxima.bgp.speaker.BgpSpeaker;
import io.proxima.bgp.speaker.SpeakerConfig;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.config.AddressesConfig;
import io.proxima.config.ApiConfig;
import io.proxima.config.CheckConfig;
import io.proxima.config.EventLogConfig;
import io.proxima.config.PeerSpec;
import io.proxima.config.ProximaConfig;
import io.proxima.config.RouteAttributes;
import io.proxima.config.ServiceConfig;
import io.proxima.daemon.Daemon;
import io.proxima.daemon.EventLog;
import io.proxima.dns.DnsResponder;
import io.proxima.dns.ResponderConfig;
import io.proxima.dns.Zone;
import io.proxima.health.check.DnsCheck;
import io.proxima.health.check.Timing;
import io.proxima.health.engine.Combine;
import io.proxima.health.engine.FlapDamping;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The demo's network: four routers in a ring, a site behind each, a client behind each.
 *
 * <pre>
 *   client-1      client-2
 *      │             │
 *   router-1 ──── router-2        each router: AS 6500r, listens on 127.0.1.r
 *      │  site-1     │  site-2    each site: AS 65010 on 127.0.2.s, a DNS responder answering
 *      │             │                       id.server with its name, and proxima announcing
 *   router-4 ──── router-3                    198.51.100.75/32 while it answers
 *      │  site-4     │  site-3
 *   client-4      client-3
 * </pre>
 *
 * A client reaches the site its router's best path leads to: its own site (AS path 65010) while
 * that one announces, else a neighbour router's (one AS longer), chosen by the decision process.
 * Forwarding is simulated by following the best paths hop by hop; the DNS queries are real.
 */
final class Demo implements AutoCloseable {

    static final int SIZE = 4;
    static final long SITE_AS = 65010;
    static final long ROUTER_AS_BASE = 65000;
    static final Prefix ANYCAST = Prefix.parse("198.51.100.75/32");
    /** The sites' checks: the "interval 100 ms, fall 2" profile. */
    static final Duration INTERVAL = Duration.ofMillis(100), TIMEOUT = Duration.ofMillis(80);
    /**
     * The demo kills and restores a service within seconds of its start, on two cores shared by
     * four daemons, four responders and four clients, where a cold JVM may miss a probe's timeout
     * while it starts: a 1 s flap half-life lets the restored service return at once. The default
     * (60 s) holds a check that changed state three times within about a minute, which is what a
     * production service wants.
     */
    static final FlapDamping DAMPING = new FlapDamping(FlapDamping.DEFAULT_PENALTY, Duration.ofSeconds(1),
            FlapDamping.DEFAULT_SUPPRESS, FlapDamping.DEFAULT_REUSE, FlapDamping.DEFAULTS.ceiling());
    static final int RISE = 2, FALL = 2;
    static final Duration DRAIN = Duration.ofSeconds(1);
    /** Each client probes this often, as the lab clients do. */
    static final Duration PROBE_EVERY = Duration.ofMillis(10);
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(50);
    /** Hops a simulated packet may take before it counts as lost in a loop. */
    static final int MAX_HOPS = 8;
    static final List<String> ZONE = List.of(
            "@ 3600 SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60",
            "@ 3600 NS ns1.example.net.",
            "ns1 3600 A 198.51.100.75");

    final List<Router> routers = new ArrayList<>();
    final List<Site> sites = new ArrayList<>();
    final List<ClientProbe> clients = new ArrayList<>();
    final Path stateDir;
    final Clock clock = Clock.systemUTC();

    record Router(int index, IpAddress address, int port, BgpSpeaker speaker) {
        String name() {
            return "router-" + index;
        }
    }

    /** A site: its address, its DNS service (replaced when restored), its daemon. */
    static final class Site {
        final int index;
        final IpAddress address;
        final int dnsPort;
        volatile DnsResponder responder;
        Daemon daemon;

        Site(int index, IpAddress address, int dnsPort) {
            this.index = index;
            this.address = address;
            this.dnsPort = dnsPort;
        }

        String name() {
            return "site-" + index;
        }

        boolean serving() {
            return responder != null;
        }
    }

    Demo() throws IOException {
        this.stateDir = Files.createTempDirectory("proxima-demo");
    }

    static IpAddress routerAddress(int r) {
        return IpAddress.parse("127.0.1." + r);
    }

    static IpAddress siteAddress(int s) {
        return IpAddress.parse("127.0.2." + s);
    }

    /** Starts routers, their ring, the DNS services, the sites' daemons and the clients' probes. */
    void start() throws Exception {
        for (int r = 1; r <= SIZE; r++) {
            IpAddress a = routerAddress(r);
            int port = freePort(a);
            BgpSpeaker s = BgpSpeaker.startRouter(new SpeakerConfig(ROUTER_AS_BASE + r, IpAddress.parse("192.0.2." + r),
                    List.of(new InetSocketAddress(a.toInetAddress(), port)), r, true));
            routers.add(new Router(r, a, port, s));
        }
        for (Router r : routers) {
            Router next = routers.get(r.index() % SIZE);
            // The lower-numbered end connects, the other waits: one TCP connection per link.
            Router active = r.index() < next.index() ? r : next, passive = active == r ? next : r;
            active.speaker().addPeer(PeerConfig.of(passive.address(), ROUTER_AS_BASE + passive.index())
                    .withPort(passive.port()).withLocalAddress(active.address())).get();
            passive.speaker().addPeer(PeerConfig.of(active.address(), ROUTER_AS_BASE + active.index()).withPassive(true)).get();
        }
        for (int s = 1; s <= SIZE; s++) {
            Site site = new Site(s, siteAddress(s), freeUdpPort(siteAddress(s)));
            sites.add(site);
            startService(site);
            Router r = routers.get(s - 1);
            r.speaker().addPeer(PeerConfig.of(site.address, SITE_AS).withPassive(true)).get();
            site.daemon = Daemon.start(siteConfig(site, r), new EventLog(clock, Optional.empty(), null));
        }
        for (Router r : routers) clients.add(ClientProbe.start(r.index(), this));
    }

    ProximaConfig siteConfig(Site site, Router router) {
        Timing timing = new Timing(INTERVAL, TIMEOUT, RISE, FALL, Optional.empty(), Optional.empty());
        DnsCheck check = new DnsCheck(site.address.toString(), site.dnsPort, "id.server", DnsCheck.DnsType.TXT, DnsCheck.DnsClass.CH,
                DnsCheck.Transport.UDP, DnsCheck.Rcode.NOERROR, Optional.empty(), false, timing);
        ServiceConfig dns = new ServiceConfig("dns", List.of(ANYCAST), List.of(new CheckConfig("dns/id.server", check, false, DAMPING)),
                new Combine.All(), List.of(), RouteAttributes.NONE, Optional.empty(), DRAIN, List.of());
        PeerSpec peer = new PeerSpec(router.address(), ROUTER_AS_BASE + router.index(), router.port(), Optional.of(site.address), false,
                Duration.ofSeconds(9), 0, false, Optional.empty(), Optional.empty(), Optional.empty(), -1, Optional.empty());
        return new ProximaConfig(Path.of("demo:" + site.name()), IpAddress.parse("192.0.2." + (10 + site.index)), SITE_AS, List.of(),
                List.of(peer), List.of(dns), AddressesConfig.DEFAULT,
                new ApiConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()),
                stateDir.resolve(site.name()), new EventLogConfig(Optional.empty(), false), ProximaConfig.DEFAULT_LEASE,
                ProximaConfig.DEFAULT_SHUTDOWN_TIMEOUT);
    }

    void startService(Site site) {
        site.responder = DnsResponder.start(ResponderConfig.of(
                List.of(new InetSocketAddress(site.address.toInetAddress(), site.dnsPort)), site.name(), Zone.parse("example.net.", ZONE)));
    }

    /** The site's DNS service dies: its checks fail, and its daemon withdraws. */
    void kill(Site site) {
        DnsResponder r = site.responder;
        site.responder = null;
        if (r != null) r.close();
    }

    void restore(Site site) {
        if (site.responder == null) startService(site);
    }

    /**
     * Where a packet from client {@code c} to the anycast address ends up: the site at the end of
     * the best paths, hop by hop from the client's router; empty when some router has no route.
     */
    Optional<Site> forward(int c) {
        Router at = routers.get(c - 1);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            IpAddress next = at.speaker().bestPaths().get(ANYCAST);
            if (next == null) return Optional.empty();
            for (Site s : sites) if (s.address.equals(next)) return Optional.of(s);
            Router to = null;
            for (Router r : routers) if (r.address().equals(next)) to = r;
            if (to == null) return Optional.empty();
            at = to;
        }
        return Optional.empty();
    }

    /** The AS path client {@code c}'s router has for the anycast prefix, for the catchment table. */
    String path(int c) {
        Router r = routers.get(c - 1);
        IpAddress peer = r.speaker().bestPaths().get(ANYCAST);
        var attrs = peer == null ? null : r.speaker().received(peer).get(io.proxima.bgp.wire.nlri.Nlri.of(ANYCAST));
        if (attrs == null || attrs.asPath() == null) return "-";
        String t = attrs.asPath().toString(); // AsPath[65002 65010]
        return t.substring(t.indexOf('[') + 1, t.lastIndexOf(']'));
    }

    /** The event log's moment the site's withdraw of the anycast prefix was written, after {@code since}. */
    Optional<Instant> withdrawWritten(Site site, Instant since) {
        return event(site, since, l -> l.contains("\"type\":\"route\"") && l.contains("\"event\":\"written\"")
                && l.contains("\"withdraw\":[\"" + ANYCAST + "\"]"));
    }

    Optional<Instant> announceWritten(Site site, Instant since) {
        return event(site, since, l -> l.contains("\"type\":\"route\"") && l.contains("\"event\":\"written\"")
                && l.contains("\"announce\":[\"" + ANYCAST + "\"]"));
    }

    private Optional<Instant> event(Site site, Instant since, java.util.function.Predicate<String> what) {
        for (String l : site.daemon.events().recent()) {
            if (!what.test(l)) continue;
            int i = l.indexOf("\"ts\":\"") + 6;
            Instant ts = Instant.parse(l.substring(i, l.indexOf('"', i)));
            if (!ts.isBefore(since)) return Optional.of(ts);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        for (ClientProbe c : clients) c.close();
        for (Site s : sites) {
            if (s.daemon != null) {
                s.daemon.shutdown("proxima demo ends");
                s.daemon.close();
            }
            kill(s);
        }
        for (Router r : routers) r.speaker().close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    private static int freePort(IpAddress a) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, a.toInetAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort(IpAddress a) throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, a.toInetAddress())) {
            return s.getLocalPort();
        }
    }

    /** One client: probes every {@link #PROBE_EVERY}, records which site answered and when. */
    static final class ClientProbe implements AutoCloseable {
        /** One probe's outcome: the site that answered, or null. */
        record Sample(Instant at, String site, String reachedVia) { }

        final int index;
        final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        private ClientProbe(int index, Demo demo) {
            this.index = index;
            this.thread = Thread.ofPlatform().daemon().name("client-" + index).start(() -> loop(demo));
        }

        static ClientProbe start(int index, Demo demo) {
            return new ClientProbe(index, demo);
        }

        private void loop(Demo demo) {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.3." + index))) {
                long next = System.nanoTime();
                while (running) {
                    Instant at = Instant.now();
                    Optional<Site> site = demo.forward(index);
                    String answer = null;
                    if (site.isPresent()) {
                        answer = IdServer.ask(socket, new InetSocketAddress(site.get().address.toInetAddress(), site.get().dnsPort),
                                PROBE_TIMEOUT).orElse(null);
                    }
                    samples.add(new Sample(at, answer, site.map(Site::name).orElse(null)));
                    next += PROBE_EVERY.toNanos();
                    long wait = next - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    else next = System.nanoTime();
                }
            } catch (IOException | InterruptedException e) {
                // stopped
            } catch (RuntimeException e) {
                if (running) throw e; // closing interrupts a query to a router's event loop: not an error
            }
        }

        /** The site that answered last, or null. */
        String current() {
            for (int i = samples.size() - 1; i >= 0; i--) {
                Sample s = samples.get(i);
                if (s.site() != null) return s.site();
            }
            return null;
        }

        List<Sample> since(Instant t) {
            return samples.stream().filter(s -> !s.at().isBefore(t)).toList();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    static void print(PrintStream out, String fmt, Object... args) {
        out.printf(java.util.Locale.ROOT, fmt + "%n", args);
    }
}
