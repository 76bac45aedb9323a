package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.LOCAL_AS;
import static io.proxima.bgp.rib.Routes.as;
import static io.proxima.bgp.rib.Routes.attrs;
import static io.proxima.bgp.rib.Routes.ebgp;
import static io.proxima.bgp.rib.Routes.ibgp;
import static io.proxima.bgp.rib.Routes.ip;
import static io.proxima.bgp.rib.Routes.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.rib.ExportPolicy.Refusal;
import io.proxima.bgp.wire.Octets;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.ClusterList;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.OriginatorId;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportPolicyTest {

    static final NextHopSelf SELF = new NextHopSelf(ip("192.0.2.10"), ip("2001:db8::10"), ip("fe80::10"), false);
    final DecisionProcess decision = new DecisionProcess();
    final PeerId upstream = ebgp("192.0.2.1", 65001);
    final PeerId internal = ibgp("192.0.2.2", "192.0.2.2");
    final ExportPolicy toUpstream = new ExportPolicy(upstream, SELF, decision, false, new AttributePool());
    final ExportPolicy toInternal = new ExportPolicy(internal, SELF, decision, false, new AttributePool());
    final Prefix anycast = prefix("198.51.100.75/32");

    @Test
    void anEbgpPeerGetsOurAsPrependedAndOurNextHop() {
        Advertisement ad = Advertisement.of(anycast).withPrepend(2).withMed(50)
                .withCommunities(List.of(Communities.of(65000, 100)))
                .withLargeCommunities(List.of(new LargeCommunity(65000, 1, 2)));
        Attributes a = toUpstream.export(ad);
        assertThat(a.asPath()).isEqualTo(AsPath.sequence(LOCAL_AS, LOCAL_AS, LOCAL_AS));
        assertThat(a.nextHop()).isEqualTo(ip("192.0.2.10"));
        assertThat(a.linkLocalNextHop()).isNull();
        assertThat(a.med()).hasValue(50);
        assertThat(a.localPref()).as("RFC 4271 §5.1.5: not sent to external peers").isEmpty();
        assertThat(a.communities()).containsExactly(Communities.of(65000, 100));
        assertThat(a.largeCommunities()).containsExactly(new LargeCommunity(65000, 1, 2));
        assertThat(a.list()).extracting(PathAttribute::typeCode).isSorted();
    }

    @Test
    void anIbgpPeerGetsAnEmptyPathAndLocalPref() {
        Attributes a = toInternal.export(Advertisement.of(anycast).withPrepend(3));
        assertThat(a.asPath()).isEqualTo(AsPath.EMPTY);
        assertThat(a.localPref()).hasValue(DecisionProcess.DEFAULT_LOCAL_PREF);
    }

    @Test
    void gracefulShutdownAddsTheCommunityAndZeroLocalPrefInternally() {
        Advertisement ad = Advertisement.of(anycast).withCommunities(List.of(Communities.of(65000, 100))).withGracefulShutdown(true);
        assertThat(toUpstream.export(ad).communities()).containsExactly(Communities.of(65000, 100), Communities.GRACEFUL_SHUTDOWN);
        assertThat(toInternal.export(ad).localPref()).hasValue(0);
        assertThat(toInternal.export(ad).hasCommunity(Communities.GRACEFUL_SHUTDOWN)).isTrue();
    }

    @Test
    void ipv6RoutesGetTheGlobalAndLinkLocalNextHops() {
        Attributes a = toUpstream.export(Advertisement.of(prefix("2001:db8:75::53/128")));
        assertThat(a.nextHop()).isEqualTo(ip("2001:db8::10"));
        assertThat(a.linkLocalNextHop()).isEqualTo(ip("fe80::10"));
    }

    @Test
    void aRouteWithoutANextHopOfItsFamilyIsRefused() {
        ExportPolicy v4only = new ExportPolicy(upstream, NextHopSelf.of(ip("192.0.2.10"), null), decision, false, new AttributePool());
        Advertisement v6 = Advertisement.of(prefix("2001:db8:75::53/128"));
        assertThat(v4only.refusal(v6)).isEqualTo(Refusal.NO_NEXT_HOP);
        assertThat(v4only.export(v6)).isNull();
        assertThat(v4only.export(Advertisement.of(anycast).withNextHop(ip("2001:db8::99")))).isNull();
    }

    @Test
    void aRouteForOtherPeersOnlyIsRefusedAndDesiredLeavesItOut() {
        Advertisement elsewhere = Advertisement.of(anycast).withPeers(java.util.Set.of(ip("192.0.2.99")));
        assertThat(toUpstream.refusal(elsewhere)).isEqualTo(Refusal.NOT_SELECTED);
        assertThat(toUpstream.desired(List.of(elsewhere), null)).isEmpty();
        Advertisement here = elsewhere.withPeers(java.util.Set.of(ip("192.0.2.99"), toUpstream.peer().address()));
        assertThat(toUpstream.refusal(here)).isNull();
        assertThat(toUpstream.desired(List.of(here, elsewhere), null)).containsOnlyKeys(anycast);
    }

    @Test
    void ipv4RoutesCanTakeAnIpv6NextHopWhenThePeerAcceptsIt() {
        NextHopSelf v6only = new NextHopSelf(null, ip("2001:db8::10"), null, true);
        ExportPolicy p = new ExportPolicy(upstream, v6only, decision, false, new AttributePool());
        assertThat(p.export(Advertisement.of(anycast)).nextHop()).isEqualTo(ip("2001:db8::10"));
    }

    @Test
    void aNextHopOverrideReplacesOurs() {
        Attributes a = toUpstream.export(Advertisement.of(anycast).withNextHop(ip("192.0.2.77")));
        assertThat(a.nextHop()).isEqualTo(ip("192.0.2.77"));
    }

    @Test
    void aLearnedRouteToAnotherEbgpPeerLosesMedLocalPrefAndNonTransitiveAttributes() {
        PeerId other = ebgp("10.0.0.9", 65009);
        UnknownAttribute transitive = new UnknownAttribute(PathAttribute.OPTIONAL | PathAttribute.TRANSITIVE, 99, Octets.of((byte) 1));
        UnknownAttribute local = new UnknownAttribute(PathAttribute.OPTIONAL, 98, Octets.of((byte) 2));
        Path learned = new Path(other, 0, attrs("10.0.0.9", as(65009, 65010), new MultiExitDisc(7), new LocalPref(300),
                new OriginatorId(ip("9.9.9.9")), new ClusterList(List.of(ip("8.8.8.8"))), transitive, local));
        Attributes a = toUpstream.export(prefix("203.0.113.0/24"), learned);
        assertThat(a.asPath()).isEqualTo(AsPath.sequence(LOCAL_AS, 65009, 65010));
        assertThat(a.nextHop()).isEqualTo(ip("192.0.2.10"));
        assertThat(a.med()).as("RFC 4271 §5.1.4").isEmpty();
        assertThat(a.localPref()).isEmpty();
        assertThat(a.originatorId()).isEmpty();
        assertThat(a.clusterListLength()).isZero();
        assertThat(a.list()).filteredOn(x -> x instanceof UnknownAttribute).singleElement()
                .isEqualTo(transitive.forwarded());

        ExportPolicy forwarding = new ExportPolicy(upstream, SELF, decision, true, new AttributePool());
        assertThat(forwarding.export(prefix("203.0.113.0/24"), learned).med()).hasValue(7);
    }

    @Test
    void anEbgpRouteToAnIbgpPeerKeepsItsPathAndGetsOurPreference() {
        PeerId other = ebgp("10.0.0.9", 65009);
        Path learned = new Path(other, 0, attrs("10.0.0.9", as(65009), new MultiExitDisc(7), new LocalPref(300)));
        Attributes a = toInternal.export(prefix("203.0.113.0/24"), learned);
        assertThat(a.asPath()).isEqualTo(AsPath.sequence(65009));
        assertThat(a.localPref()).as("the received LOCAL_PREF from eBGP was ignored").hasValue(100);
        assertThat(a.med()).hasValue(7);
    }

    @Test
    void routesAreNotSentBackNorFromIbgpToIbgp() {
        Prefix p = prefix("203.0.113.0/24");
        Path fromUpstream = new Path(upstream, 0, attrs("192.0.2.1", as(65001)));
        assertThat(toUpstream.refusal(p, fromUpstream)).isEqualTo(Refusal.FROM_THIS_PEER);
        assertThat(toUpstream.export(p, fromUpstream)).isNull();
        Path fromOtherInternal = new Path(ibgp("192.0.2.3", "192.0.2.3"), 0, attrs("192.0.2.3", as(65001)));
        assertThat(toInternal.refusal(p, fromOtherInternal)).isEqualTo(Refusal.IBGP_TO_IBGP);
        assertThat(toUpstream.refusal(p, fromOtherInternal)).isNull();
    }

    @Test
    void wellKnownCommunitiesLimitWhereRoutesGo() {
        Prefix p = prefix("203.0.113.0/24");
        PeerId other = ebgp("10.0.0.9", 65009);
        Path noExport = new Path(other, 0, attrs("10.0.0.9", as(65009), new Communities(List.of(Communities.NO_EXPORT))));
        assertThat(toUpstream.refusal(p, noExport)).isEqualTo(Refusal.NO_EXPORT);
        assertThat(toInternal.refusal(p, noExport)).isNull();
        Path noAdvertise = new Path(other, 0, attrs("10.0.0.9", as(65009), new Communities(List.of(Communities.NO_ADVERTISE))));
        assertThat(toInternal.refusal(p, noAdvertise)).isEqualTo(Refusal.NO_ADVERTISE);
    }

    @Test
    void theDesiredSetPutsOurOwnRoutesOverLearnedOnes() {
        LocRib rib = new LocRib(decision);
        PeerId other = ebgp("10.0.0.9", 65009);
        rib.add(anycast, new Path(other, 0, attrs("10.0.0.9", as(65009))));
        rib.add(prefix("203.0.113.0/24"), new Path(other, 0, attrs("10.0.0.9", as(65009))));
        rib.add(prefix("192.0.2.128/25"), new Path(upstream, 0, attrs("192.0.2.1", as(65001))));
        Map<Prefix, Attributes> desired = toUpstream.desired(List.of(Advertisement.of(anycast)), rib);
        assertThat(desired).containsOnlyKeys(anycast, prefix("203.0.113.0/24"));
        assertThat(desired.get(anycast).asPath()).isEqualTo(AsPath.sequence(LOCAL_AS));
        assertThat(desired.get(prefix("203.0.113.0/24")).asPath()).isEqualTo(AsPath.sequence(LOCAL_AS, 65009));
        assertThat(toUpstream.desired(List.of(Advertisement.of(anycast)), null)).containsOnlyKeys(anycast);
    }

    @Test
    void aScopedDesiredSetIsTheFullOneCutToTheScope() {
        LocRib rib = new LocRib(decision);
        PeerId other = ebgp("10.0.0.9", 65009);
        Prefix learned = prefix("203.0.113.0/24");
        Prefix both = anycast;
        rib.add(both, new Path(other, 0, attrs("10.0.0.9", as(65009))));
        rib.add(learned, new Path(other, 0, attrs("10.0.0.9", as(65009))));
        rib.add(prefix("192.0.2.128/25"), new Path(other, 0, attrs("10.0.0.9", as(65009))));
        List<Advertisement> local = List.of(Advertisement.of(both), Advertisement.of(prefix("198.51.100.80/32")));
        List<Prefix> scope = List.of(both, learned, prefix("198.51.100.80/32"), prefix("100.64.0.0/10"));
        Map<Prefix, Attributes> full = toUpstream.desired(local, rib);
        Map<Prefix, Attributes> scoped = toUpstream.desired(local, rib, scope);
        assertThat(scoped).containsOnlyKeys(both, learned, prefix("198.51.100.80/32"));
        scoped.forEach((p, a) -> assertThat(a).isSameAs(full.get(p)));
    }

    @Test
    void equalExportsAreOneObject() {
        Attributes a = toUpstream.export(Advertisement.of(anycast));
        Attributes b = toUpstream.export(Advertisement.of(prefix("198.51.100.80/32")));
        assertThat(a).isSameAs(b);
    }
}
