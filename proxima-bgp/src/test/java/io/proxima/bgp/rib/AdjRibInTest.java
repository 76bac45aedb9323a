package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.announce;
import static io.proxima.bgp.rib.Routes.as;
import static io.proxima.bgp.rib.Routes.ebgp;
import static io.proxima.bgp.rib.Routes.ibgp;
import static io.proxima.bgp.rib.Routes.ip;
import static io.proxima.bgp.rib.Routes.nlri;
import static io.proxima.bgp.rib.Routes.routes;
import static io.proxima.bgp.rib.Routes.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.rib.Rejection.Reason;
import io.proxima.bgp.wire.ErrorCode;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Notification;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdjRibInTest {

    final PeerId peer = ebgp("10.0.0.1", 65001);
    final AdjRibIn rib = new AdjRibIn(peer);

    static Update announceV6(IpAddress global, IpAddress linkLocal, List<Nlri> nlri) {
        MpReachNlri reach = linkLocal == null ? MpReachNlri.of(Family.IPV6_UNICAST, global, nlri)
                : MpReachNlri.of(Family.IPV6_UNICAST, global, linkLocal, nlri);
        return new Update(List.of(), List.of(new Origin(Origin.IGP), AsPath.sequence(65001), reach), List.of());
    }

    @Test
    void addsReplacesAndRemovesRoutes() {
        InboundResult r = rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "198.51.100.0/24")));
        assertThat(r.changes()).allMatch(c -> c instanceof RouteChange.Added).hasSize(2);
        assertThat(rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24"))).isEmpty())
                .as("the same announcement again is no change").isTrue();
        InboundResult replaced = rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24"), new MultiExitDisc(5)));
        assertThat(replaced.changes()).singleElement().isInstanceOf(RouteChange.Replaced.class);
        InboundResult removed = rib.apply(withdraw(routes("192.0.2.0/24", "203.0.113.0/24")));
        assertThat(removed.changes()).singleElement().isInstanceOf(RouteChange.Removed.class);
        assertThat(rib.size()).isEqualTo(1);
        assertThat(rib.size(Family.IPV4_UNICAST)).isEqualTo(1);
    }

    @Test
    void routesOfOneUpdateAndEqualUpdatesShareOneAttributesObject() {
        rib.apply(announce("10.0.0.1", as(65001, 65010), routes("192.0.2.0/24", "198.51.100.0/24")));
        rib.apply(announce("10.0.0.1", as(65001, 65010), routes("203.0.113.0/24")));
        Attributes first = rib.get(nlri("192.0.2.0/24"));
        assertThat(rib.get(nlri("198.51.100.0/24"))).isSameAs(first);
        assertThat(rib.get(nlri("203.0.113.0/24"))).isSameAs(first);
        assertThat(first.nextHop()).isEqualTo(ip("10.0.0.1"));
        assertThat(first.list()).extracting(a -> a.typeCode()).containsExactly(1, 2);
    }

    @Test
    void ipv6RoutesComeWithTheirMpReachNextHopsAndGoWithMpUnreach() {
        IpAddress global = ip("2001:db8::1");
        IpAddress linkLocal = ip("fe80::1");
        rib.apply(announceV6(global, linkLocal, routes("2001:db8:75::/48")));
        Attributes a = rib.get(nlri("2001:db8:75::/48"));
        assertThat(a.nextHop()).isEqualTo(global);
        assertThat(a.linkLocalNextHop()).isEqualTo(linkLocal);
        assertThat(a.list()).noneMatch(x -> x instanceof MpReachNlri);
        Update unreach = new Update(List.of(), List.of(MpUnreachNlri.of(Family.IPV6_UNICAST, routes("2001:db8:75::/48"))), List.of());
        assertThat(rib.apply(unreach).changes()).singleElement().isInstanceOf(RouteChange.Removed.class);
        assertThat(rib.size()).isZero();
    }

    @Test
    void ipv4RoutesWithAnIpv6NextHopAreAccepted() {
        // RFC 8950: IPv4 NLRI in MP_REACH_NLRI with an IPv6 next hop.
        MpReachNlri reach = MpReachNlri.of(Family.IPV4_UNICAST, ip("2001:db8::1"), routes("192.0.2.0/24"));
        rib.apply(new Update(List.of(), List.of(new Origin(Origin.IGP), AsPath.sequence(65001), reach), List.of()));
        assertThat(rib.get(nlri("192.0.2.0/24")).nextHop()).isEqualTo(ip("2001:db8::1"));
    }

    @Test
    void aPrefixWithdrawnAndAnnouncedInOneUpdateIsAnnounced() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24")));
        Update both = new Update(routes("192.0.2.0/24"), announce("10.0.0.1", as(65001, 65001), List.of()).attributes(), routes("192.0.2.0/24"));
        InboundResult r = rib.apply(both);
        assertThat(r.changes()).singleElement().isInstanceOf(RouteChange.Replaced.class);
        assertThat(rib.get(nlri("192.0.2.0/24")).asPath().length()).isEqualTo(2);
    }

    @Test
    void treatAsWithdrawRemovesTheRoutes() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "198.51.100.0/24")));
        assertThat(rib.withdraw(routes("192.0.2.0/24", "203.0.113.0/24")).changes()).hasSize(1);
        assertThat(rib.size()).isEqualTo(1);
    }

    @Test
    void ourOwnAsInThePathIsALoop() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24")));
        InboundResult r = rib.apply(announce("10.0.0.1", as(65001, Routes.LOCAL_AS, 65010), routes("192.0.2.0/24", "198.51.100.0/24")));
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(Reason.AS_LOOP);
            assertThat(x.routes()).hasSize(2);
            assertThat(x.detail()).contains("RFC 4271 §9.1.2");
        });
        assertThat(r.changes()).as("the looped announcement replaced the old route").singleElement()
                .isInstanceOf(RouteChange.Removed.class);
        assertThat(rib.size()).isZero();
    }

    @Test
    void anEbgpPathMustStartWithThePeersAs() {
        InboundResult r = rib.apply(announce("10.0.0.1", as(65009, 65010), routes("192.0.2.0/24")));
        assertThat(r.rejections()).singleElement().extracting(Rejection::reason).isEqualTo(Reason.FIRST_AS_MISMATCH);
        assertThat(rib.apply(announce("10.0.0.1", as(), routes("192.0.2.0/24"))).rejections())
                .as("an empty path from an eBGP peer").singleElement().extracting(Rejection::reason).isEqualTo(Reason.FIRST_AS_MISMATCH);

        AdjRibIn routeServer = new AdjRibIn(peer, new AdjRibIn.Config(AdjRibIn.NO_LIMIT, false), new AttributePool());
        assertThat(routeServer.apply(announce("10.0.0.1", as(65009, 65010), routes("192.0.2.0/24"))).rejections()).isEmpty();
        AdjRibIn internal = new AdjRibIn(ibgp("10.0.1.1", "10.0.1.1"));
        assertThat(internal.apply(announce("10.0.1.1", as(65009), routes("192.0.2.0/24"))).rejections()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "127.0.0.1", "224.0.0.5", "239.255.255.255", "240.0.0.1",
        "255.255.255.255", "::", "::1", "ff02::1", "::ffff:192.0.2.1", "fe80::1"})
    void aMartianNextHopRejectsTheRoute(String nextHop) {
        IpAddress nh = ip(nextHop);
        Update u = nh.v6() ? announceV6(nh, null, routes("2001:db8::/32")) : announce(nextHop, as(65001), routes("192.0.2.0/24"));
        InboundResult r = rib.apply(u);
        assertThat(r.rejections()).singleElement().extracting(Rejection::reason).isEqualTo(Reason.MARTIAN_NEXT_HOP);
        assertThat(rib.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0.1", "10.0.0.1", "126.255.255.255", "128.0.0.1", "223.255.255.254", "2001:db8::1", "fc00::1"})
    void anOrdinaryNextHopIsAccepted(String nextHop) {
        IpAddress nh = ip(nextHop);
        Update u = nh.v6() ? announceV6(nh, null, routes("2001:db8::/32")) : announce(nextHop, as(65001), routes("192.0.2.0/24"));
        assertThat(rib.apply(u).rejections()).isEmpty();
        assertThat(rib.size()).isEqualTo(1);
    }

    @Test
    void loopbackNextHopsCanBeAcceptedForAnInProcessLab() {
        AdjRibIn lab = new AdjRibIn(peer, new AdjRibIn.Config(AdjRibIn.NO_LIMIT, true, true), new AttributePool());
        assertThat(lab.apply(announce("127.0.0.2", as(65001), routes("192.0.2.0/24"))).rejections()).isEmpty();
        assertThat(lab.apply(announceV6(ip("::1"), null, routes("2001:db8::/32"))).rejections()).isEmpty();
        assertThat(lab.apply(announce("224.0.0.1", as(65001), routes("198.51.100.0/24"))).rejections())
                .singleElement().extracting(Rejection::reason).isEqualTo(Reason.MARTIAN_NEXT_HOP);
    }

    @Test
    void aSecondNextHopThatIsNotLinkLocalIsIgnored() {
        rib.apply(announceV6(ip("2001:db8::1"), null, routes("2001:db8:1::/48")));
        MpReachNlri odd = new MpReachNlri(MpReachNlri.OPTIONAL, Family.IPV6_UNICAST,
                Octets.of(concat(ip("2001:db8::1"), ip("2001:db8::2"))), 0, routes("2001:db8:2::/48"),
                Octets.EMPTY);
        rib.apply(new Update(List.of(), List.of(new Origin(Origin.IGP), AsPath.sequence(65001), odd), List.of()));
        assertThat(rib.get(nlri("2001:db8:2::/48")).linkLocalNextHop()).isNull();
        assertThat(rib.get(nlri("2001:db8:2::/48"))).isSameAs(rib.get(nlri("2001:db8:1::/48")));
    }

    @Test
    void exceedingTheMaximumNumberOfPrefixesAsksForCease() {
        AdjRibIn limited = new AdjRibIn(peer, new AdjRibIn.Config(3, true), new AttributePool());
        limited.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "192.0.2.0/25")));
        InboundResult r = limited.apply(announce("10.0.0.1", as(65001), routes("192.0.2.128/25", "198.51.100.0/24", "203.0.113.0/24")));
        assertThat(limited.size()).isEqualTo(3);
        MaxPrefixExceeded m = r.maxPrefix().orElseThrow();
        assertThat(m).isEqualTo(new MaxPrefixExceeded(Family.IPV4_UNICAST, 3));
        Notification n = m.notification();
        assertThat(n.code()).isEqualTo(ErrorCode.CEASE);
        assertThat(n.subcode()).isEqualTo(ErrorCode.CEASE_MAX_PREFIXES);
        assertThat(n.data().hex()).isEqualTo("0001" + "01" + "00000003"); // AFI 1, SAFI 1, limit 3 (RFC 4486 §4)
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(Reason.MAX_PREFIXES);
            assertThat(x.routes()).hasSize(2);
        });
        // Replacing a route already held does not count against the limit; other families have their own count.
        assertThat(limited.apply(announce("10.0.0.1", as(65001, 65001), routes("192.0.2.0/24"))).maxPrefix()).isEmpty();
        assertThat(limited.apply(announceV6(ip("2001:db8::1"), null, routes("2001:db8::/32"))).maxPrefix()).isEmpty();
    }

    @Test
    void gracefulRestartKeepsRoutesStaleUntilEndOfRib() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "198.51.100.0/24")));
        rib.apply(announceV6(ip("2001:db8::1"), null, routes("2001:db8::/32")));
        assertThat(rib.markStale()).isEqualTo(3);
        assertThat(rib.isStale(nlri("192.0.2.0/24"))).isTrue();
        assertThat(rib.size()).isEqualTo(3);

        // Re-announced with the same attributes: no change, no longer stale.
        assertThat(rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24"))).changes()).isEmpty();
        assertThat(rib.isStale(nlri("192.0.2.0/24"))).isFalse();
        // A withdrawal of a stale route removes it.
        assertThat(rib.apply(withdraw(routes("198.51.100.0/24"))).changes()).hasSize(1);

        rib.apply(announce("10.0.0.1", as(65001), routes("203.0.113.0/24")));
        InboundResult eor = rib.apply(Update.endOfRib(Family.IPV4_UNICAST));
        assertThat(eor.endOfRibFamily()).contains(Family.IPV4_UNICAST);
        assertThat(eor.changes()).isEmpty();
        assertThat(rib.isStale(nlri("2001:db8::/32"))).as("IPv6 waits for its own End-of-RIB").isTrue();
        assertThat(rib.size()).isEqualTo(3);

        assertThat(rib.sweepStale()).singleElement().extracting(RouteChange::nlri).isEqualTo(nlri("2001:db8::/32"));
        assertThat(rib.size()).isEqualTo(2);
        assertThat(rib.size(Family.IPV6_UNICAST)).isZero();
    }

    @Test
    void endOfRibSweepsTheStaleRoutesOfItsFamily() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "198.51.100.0/24")));
        rib.markStale();
        rib.apply(announce("10.0.0.1", as(65001, 65001), routes("192.0.2.0/24")));
        InboundResult eor = rib.apply(Update.endOfRib(Family.IPV4_UNICAST));
        assertThat(eor.changes()).singleElement().satisfies(c -> {
            assertThat(c).isInstanceOf(RouteChange.Removed.class);
            assertThat(c.nlri()).isEqualTo(nlri("198.51.100.0/24"));
        });
        assertThat(rib.staleCount()).isZero();
        assertThat(rib.size(Family.IPV4_UNICAST)).isEqualTo(1);
    }

    @Test
    void enhancedRouteRefreshMarksOneFamilyStale() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24")));
        rib.apply(announceV6(ip("2001:db8::1"), null, routes("2001:db8::/32")));
        assertThat(rib.markStale(Family.IPV6_UNICAST)).isEqualTo(1);
        assertThat(rib.sweepStale(Family.IPV6_UNICAST)).hasSize(1);
        assertThat(rib.size()).isEqualTo(1);
    }

    @Test
    void clearRemovesEverythingStaleOrNot() {
        rib.apply(announce("10.0.0.1", as(65001), routes("192.0.2.0/24", "198.51.100.0/24")));
        rib.markStale();
        rib.apply(announce("10.0.0.1", as(65001), routes("203.0.113.0/24")));
        assertThat(rib.clear()).hasSize(3).allMatch(c -> c instanceof RouteChange.Removed);
        assertThat(rib.size()).isZero();
        assertThat(rib.size(Family.IPV4_UNICAST)).isZero();
    }

    @Test
    void addPathRoutesAreKeyedByPathId() {
        Nlri one = new Nlri(1, Routes.prefix("192.0.2.0/24"));
        Nlri two = new Nlri(2, Routes.prefix("192.0.2.0/24"));
        rib.apply(announce("10.0.0.1", as(65001), List.of(one, two)));
        assertThat(rib.size()).isEqualTo(2);
        rib.apply(withdraw(List.of(one)));
        assertThat(rib.get(two)).isNotNull();
        assertThat(rib.get(one)).isNull();
    }

    private static byte[] concat(IpAddress a, IpAddress b) {
        byte[] out = new byte[32];
        System.arraycopy(a.toBytes(), 0, out, 0, 16);
        System.arraycopy(b.toBytes(), 0, out, 16, 16);
        return out;
    }
}
