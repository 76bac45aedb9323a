package io.proxima.lab;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The faults, each done to one site and then undone. {@code withdraws} says whether the node itself
 * sends the withdraw (so the event log has its time on the wire); otherwise the router finds out:
 * the TCP session closes (kill -9), BFD times out (SIGSTOP), or the link loses carrier.
 * {@code routeGoneBound} is how long after the event the route should be gone when there is no
 * withdraw in the log to go by.
 */
enum Scenario {

    SERVICE_DEATH("service-death", "the DNS service stops answering (UDP 53 to the anycast address blackholed in the site's namespace)",
            true, Duration.ZERO),
    SIGTERM("sigterm", "proxima gets SIGTERM (withdraw, then Cease)", true, Duration.ZERO),
    KILL("kill", "proxima gets kill -9 (the TCP session and BFD die with it)", false, Duration.ZERO),
    FROZEN_NODE("frozen-node", "proxima gets SIGSTOP (only BFD notices: 100 ms x 3)", false,
            Duration.ofMillis((long) Topology.BFD_MS * Topology.BFD_MULTIPLIER)),
    DRAIN("drain", "POST /v1/services/dns/drain (GRACEFUL_SHUTDOWN for 1 s, then withdraw), then undrain", true, Duration.ZERO),
    LINK_DOWN("link-down", "the site's link to its router goes down", false, Duration.ZERO),
    /** Several sites, not one: see {@link Ecmp}; inject and restore drain and undraining one of them. */
    ECMP("ecmp", "site-1 drains, so client-1 has two equal-cost sites; its long-lived TCP sessions, to the anycast address and to "
            + "the unicast hand-off, through site-4 draining and undraining", true, Duration.ZERO),
    /** Measured on the IPv6 probes; the site's IPv4 service must go on answering its IPv4 clients. */
    IPV6("ipv6", "the DNS service stops answering over IPv6 (UDP 53 to 2001:db8:75::53 blackholed in the site's namespace); "
            + "its IPv4 service stays up", true, Duration.ZERO);

    final String id;
    final String what;
    final boolean withdraws;
    final Duration routeGoneBound;

    Scenario(String id, String what, boolean withdraws, Duration routeGoneBound) {
        this.id = id;
        this.what = what;
        this.withdraws = withdraws;
        this.routeGoneBound = routeGoneBound;
    }

    static List<Scenario> parse(String name) {
        if (name.equals("all")) return List.of(values());
        for (Scenario s : values()) if (s.id.equals(name)) return List.of(s);
        throw new IllegalArgumentException("unknown scenario '" + name + "'; one of: all, "
                + String.join(", ", Arrays.stream(values()).map(s -> s.id).toList()));
    }

    /** Whether it is measured on the IPv6 probes and the IPv6 anycast prefix. */
    boolean ipv6() {
        return this == IPV6;
    }

    /** The anycast prefix whose withdraw it waits for. */
    String prefix() {
        return ipv6() ? Topology.ANYCAST6 : Topology.ANYCAST;
    }

    /** Does the fault; the site keeps running unless the fault is to stop it. */
    void inject(Site site) {
        switch (this) {
            case SERVICE_DEATH -> site.breakService();
            case SIGTERM -> site.process().process().destroy();
            case KILL -> site.process().process().destroyForcibly();
            case FROZEN_NODE -> site.process().freeze();
            case DRAIN, ECMP -> require(site.api("POST", "/v1/services/dns/drain"), site, "drain");
            case LINK_DOWN -> site.linkDown();
            case IPV6 -> site.breakService6();
        }
    }

    /** Undoes it: the site announces again once its checks rise. */
    void restore(Site site) {
        switch (this) {
            case SERVICE_DEATH -> site.repairService();
            case SIGTERM, KILL -> {
                site.start();
                site.awaitApi();
            }
            case FROZEN_NODE -> site.process().thaw();
            case DRAIN, ECMP -> require(site.api("POST", "/v1/undrain"), site, "undrain");
            case LINK_DOWN -> site.linkUp();
            case IPV6 -> site.repairService6();
        }
    }

    private static void require(boolean ok, Site site, String what) {
        if (!ok) throw new IllegalStateException(site.name() + ": the API refused " + what);
    }

    @Override
    public String toString() {
        return id;
    }
}
