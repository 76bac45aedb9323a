package io.proxima.lab;

import io.proxima.labkit.BfdConfig;
import io.proxima.labkit.BgpDaemon;
import io.proxima.labkit.Bird;
import io.proxima.labkit.BirdConfig;
import io.proxima.labkit.Frr;
import io.proxima.labkit.FrrConfig;
import io.proxima.labkit.Lab;
import io.proxima.labkit.Netns;
import io.proxima.labkit.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lab's wiring and address plan. Router i (1..4) has AS 6500i, site i and client i hang off it,
 * and the routers form a ring r1–r2–r3–r4–r1 of eBGP sessions, so AS-path length is the cost: a
 * client's own site is one AS away, its two ring neighbours' sites two, the opposite site three.
 *
 * <pre>
 *   client1 ─ r1 ────── r2 ─ client2         ring links  192.0.2.{0,4,8,12}/30
 *             │ ╲      ╱ │                    site links  192.0.2.{64,68,72,76}/30   (router .1, site .2)
 *           site1  (ring)  site2              client nets 198.51.100.{0,4,8,12}/30   (router .1, client .2)
 *             │ ╱      ╲ │                    anycast     198.51.100.75/32 on every site's lo
 *   client4 ─ r4 ────── r3 ─ client3
 * </pre>
 *
 * IPv6 on every link too, one /64 each from 2001:db8::/32 (apart from the anycast 2001:db8:75::/48),
 * with IPv6 BGP sessions beside the IPv4 ones on the same links, so that the IPv6 AS paths cost what
 * the IPv4 ones do:
 *
 * <pre>
 *   ring links  2001:db8:100:i::/64   (router i ::1, router next(i) ::2)
 *   site links  2001:db8:200:i::/64   (router ::1, site ::2; BFD on this session too)
 *   client nets 2001:db8:300:i::/64   (router ::1, client ::2)
 *   anycast     2001:db8:75::53/128 on every site's lo
 * </pre>
 *
 * The routers' IPv6 next hops are their global link addresses (FRR adds the link-local one, which
 * BIRD and the kernel then use); the namespaces have DAD off, so the addresses are usable at once.
 *
 * Only documentation ranges, and only inside this lab's namespaces: nothing touches the host's own
 * namespace, so parallel labs and tests never collide. Routers do not send routes to the sites (the
 * sites are anycast origins, not transit); a site and a client reach everything by a default route.
 * Each router also announces its site link, so that a site's own address (its unicast hand-off) is
 * reachable from every client, and installs equal-cost paths hashed per flow ({@link #ECMP_PATHS}).
 */
final class Topology {

    static final int SIZE = 4;
    static final String ANYCAST_IP = "198.51.100.75";
    static final String ANYCAST = ANYCAST_IP + "/32";
    static final String ANYCAST6_IP = "2001:db8:75::53";
    static final String ANYCAST6 = ANYCAST6_IP + "/128";
    static final long SITE_AS = 65010;
    static final long ROUTER_AS_BASE = 65000;
    /** BFD on every site–router session: 100 ms × 3, the figure (detection 300 ms). */
    static final int BFD_MS = 100;
    static final int BFD_MULTIPLIER = 3;
    /**
     * Equal-cost paths a router installs per prefix. A client's router has two when its own site is
     * gone (one through each ring neighbour); FRR needs as-path multipath-relax for that, since the
     * neighbour ASes differ, and BIRD merges eBGP routes of equal rank into one kernel route anyway.
     */
    static final int ECMP_PATHS = 4;
    /** Layer-4 hashing of equal-cost paths (addresses, ports, protocol), so that each TCP flow is hashed on its own. */
    static final String HASH_POLICY_SYSCTL = "net.ipv4.fib_multipath_hash_policy=1";
    /** The same layer-4 hash for IPv6 multipath. */
    static final String HASH_POLICY6_SYSCTL = "net.ipv6.fib_multipath_hash_policy=1";
    /**
     * Linux flushes a link's IPv6 addresses when the link is set down (IPv4 ones stay): the site keeps
     * its own, so that after link-down it comes back with its IPv6 session like its IPv4 one.
     */
    static final String KEEP_IPV6_ADDRESSES_SYSCTL = "net.ipv6.conf.all.keep_addr_on_down=1";
    /** The site's and the client's only interface. */
    static final String UPLINK = "eth0";

    enum RouterKind { FRR, BIRD }

    /** Which daemon runs router {@code i} (1-based) for {@code --routers}. */
    static RouterKind kind(String routers, int i) {
        return switch (routers) {
            case "frr" -> RouterKind.FRR;
            case "bird" -> RouterKind.BIRD;
            default -> i % 2 == 1 ? RouterKind.FRR : RouterKind.BIRD; // mixed: r1, r3 FRR; r2, r4 BIRD
        };
    }

    record Router(int index, RouterKind kind, Netns netns, BgpDaemon daemon) {
        String name() {
            return "r" + index;
        }

        String label() {
            return name() + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    final Lab lab;
    final List<Router> routers = new ArrayList<>();
    final List<Netns> siteNs = new ArrayList<>();
    final List<Netns> clientNs = new ArrayList<>();
    private final List<Netns> routerNs = new ArrayList<>();

    private Topology(Lab lab) {
        this.lab = lab;
    }

    static long routerAs(int i) {
        return ROUTER_AS_BASE + i;
    }

    static int next(int i) {
        return i % SIZE + 1;
    }

    static int previous(int i) {
        return (i + SIZE - 2) % SIZE + 1;
    }

    /** The ring link from router i to router next(i): i's end, then the other end. */
    static String ringAddress(int i, boolean own) {
        return "192.0.2." + (4 * (i - 1) + (own ? 1 : 2));
    }

    static String routerSiteAddress(int i) {
        return "192.0.2." + (64 + 4 * (i - 1) + 1);
    }

    static String siteAddress(int i) {
        return "192.0.2." + (64 + 4 * (i - 1) + 2);
    }

    /** The site link, announced by its router so that the site's own (hand-off) address is reachable from everywhere. */
    static String siteNet(int i) {
        return "192.0.2." + (64 + 4 * (i - 1)) + "/30";
    }

    static String clientNet(int i) {
        return "198.51.100." + 4 * (i - 1) + "/30";
    }

    static String routerClientAddress(int i) {
        return "198.51.100." + (4 * (i - 1) + 1);
    }

    static String clientAddress(int i) {
        return "198.51.100." + (4 * (i - 1) + 2);
    }

    /** The IPv6 ring link from router i to router next(i): i's end, then the other end. */
    static String ringAddress6(int i, boolean own) {
        return "2001:db8:100:" + i + "::" + (own ? 1 : 2);
    }

    static String routerSiteAddress6(int i) {
        return "2001:db8:200:" + i + "::1";
    }

    static String siteAddress6(int i) {
        return "2001:db8:200:" + i + "::2";
    }

    static String clientNet6(int i) {
        return "2001:db8:300:" + i + "::/64";
    }

    static String routerClientAddress6(int i) {
        return "2001:db8:300:" + i + "::1";
    }

    static String clientAddress6(int i) {
        return "2001:db8:300:" + i + "::2";
    }

    /** Namespaces and links (no daemons yet). */
    static Topology wire(Lab lab) {
        Topology t = new Topology(lab);
        List<Netns> rns = t.routerNs;
        for (int i = 1; i <= SIZE; i++) {
            rns.add(lab.netns("r" + i));
            t.siteNs.add(lab.netns("site" + i));
            t.clientNs.add(lab.netns("client" + i));
        }
        for (int i = 1; i <= SIZE; i++) {
            Netns r = rns.get(i - 1);
            r.exec("sysctl", "-qw", HASH_POLICY_SYSCTL);
            r.exec("sysctl", "-qw", HASH_POLICY6_SYSCTL);
            t.siteNs.get(i - 1).exec("sysctl", "-qw", KEEP_IPV6_ADDRESSES_SYSCTL).orThrow();
            int n = next(i);
            lab.link(r, "to-r" + n, rns.get(n - 1), "to-r" + i).ipv4(ringAddress(i, true) + "/30", ringAddress(i, false) + "/30")
                    .ipv6(ringAddress6(i, true) + "/64", ringAddress6(i, false) + "/64").up();
            lab.link(r, "to-site", t.siteNs.get(i - 1), UPLINK).ipv4(routerSiteAddress(i) + "/30", siteAddress(i) + "/30")
                    .ipv6(routerSiteAddress6(i) + "/64", siteAddress6(i) + "/64").up();
            lab.link(r, "to-client", t.clientNs.get(i - 1), UPLINK).ipv4(routerClientAddress(i) + "/30", clientAddress(i) + "/30")
                    .ipv6(routerClientAddress6(i) + "/64", clientAddress6(i) + "/64").up();
            t.siteNs.get(i - 1).addRoute("default", routerSiteAddress(i));
            t.clientNs.get(i - 1).addRoute("default", routerClientAddress(i));
            t.siteNs.get(i - 1).addRoute("default", routerSiteAddress6(i));
            t.clientNs.get(i - 1).addRoute("default", routerClientAddress6(i));
        }
        return t;
    }

    /** Starts the four routers: eBGP on the ring, a passive BFD-bound session to the site, the client net announced. */
    void startRouters(String choice) {
        BfdConfig bfd = BfdConfig.timers(BFD_MS, BFD_MS, BFD_MULTIPLIER);
        for (int i = 1; i <= SIZE; i++) {
            Netns ns = routerNs.get(i - 1);
            int n = next(i), p = previous(i);
            List<Peer> peers = List.of(
                    Peer.of(ringAddress(i, false), routerAs(n)),
                    Peer.of(ringAddress(p, true), routerAs(p)),
                    // the site connects; with update-source known up front FRR never resets its BFD session (docs/bfd.md)
                    Peer.of(siteAddress(i), SITE_AS).withPassive(true).withBfd(true).withExport(false).withLocalAddress(routerSiteAddress(i)),
                    // the same three over IPv6 transport, each with the IPv6 family only
                    Peer.of(ringAddress6(i, false), routerAs(n)),
                    Peer.of(ringAddress6(p, true), routerAs(p)),
                    Peer.of(siteAddress6(i), SITE_AS).withPassive(true).withBfd(true).withExport(false).withLocalAddress(routerSiteAddress6(i)));
            RouterKind kind = kind(choice, i);
            String id = routerSiteAddress(i);
            BgpDaemon d;
            if (kind == RouterKind.FRR) {
                FrrConfig c = FrrConfig.router(id, routerAs(i)).withNetwork(clientNet(i)).withBfd(bfd)
                        .withNetwork(siteNet(i)).withMultipath(ECMP_PATHS)
                        .withNetwork(clientNet6(i));
                for (Peer peer : peers) c = c.withPeer(peer);
                d = Frr.start(ns, "frr" + i, c);
            } else {
                // BIRD announces the client net as an unreachable static; its kernel protocol exports BGP routes only,
                // so the connected route stays the one in its FIB
                BirdConfig c = BirdConfig.router(id, routerAs(i)).withStaticRoute(clientNet(i)).withBfd(bfd)
                        .withStaticRoute(siteNet(i))
                        .withStaticRoute(clientNet6(i));
                for (Peer peer : peers) c = c.withPeer(peer);
                d = Bird.start(ns, "bird" + i, c);
            }
            routers.add(new Router(i, kind, ns, d));
        }
    }
}
