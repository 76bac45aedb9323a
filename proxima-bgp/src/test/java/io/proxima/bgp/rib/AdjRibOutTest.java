package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.BOTH;
import static io.proxima.bgp.rib.Routes.ebgp;
import static io.proxima.bgp.rib.Routes.ip;
import static io.proxima.bgp.rib.Routes.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.BgpMessage;
import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageEncoder;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.RouteRefresh;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdjRibOutTest {

    static final SessionFacts FACTS = SessionFacts.AS4;
    static final int MAX = 4096;
    /** Header 19 + withdrawn length 2 + attribute length 2. */
    static final int OVERHEAD = 23;

    final ExportPolicy policy = new ExportPolicy(ebgp("192.0.2.1", 65001), ExportPolicyTest.SELF, new DecisionProcess(), false,
            new AttributePool());
    final AdjRibOut out = new AdjRibOut(FACTS, BOTH);

    static List<Prefix> hosts(int n) {
        List<Prefix> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Prefix.v4(0x0A00_0000 | i, 32));
        return out;
    }

    static List<Prefix> hosts6(int n) {
        List<Prefix> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Prefix.v6(0x2001_0db8_0000_0000L, i, 128));
        return out;
    }

    Map<Prefix, Attributes> desired(List<Prefix> prefixes) {
        Map<Prefix, Attributes> d = new HashMap<>();
        for (Prefix p : prefixes) d.put(p, policy.export(Advertisement.of(p)));
        return d;
    }

    /** Every UPDATE encodes within the limit, and the encoder agrees with the packer on its size. */
    static List<Update> routeUpdates(Outbound o, SessionFacts facts) {
        List<Update> out = new ArrayList<>();
        for (Update u : o.updates()) {
            byte[] wire = MessageEncoder.toBytes(u, facts);
            assertThat(wire.length).isLessThanOrEqualTo(facts.maxMessageLength()).isEqualTo(MessageEncoder.updateLength(u, facts));
            if (u.endOfRibFamily().isEmpty()) out.add(u);
        }
        return out;
    }

    static int attributesLength(Attributes a) {
        int n = 0;
        for (PathAttribute x : a.list()) n += x.encodedLength(FACTS);
        return n;
    }

    @Test
    void aThousandHostRoutesFillTheFewestUpdates() {
        Map<Prefix, Attributes> d = desired(hosts(1000));
        List<Update> updates = routeUpdates(out.diff(d), FACTS);
        int attrs = attributesLength(d.values().iterator().next()) + 7; // + NEXT_HOP
        int perUpdate = (MAX - OVERHEAD - attrs) / 5;                     // a /32 is 5 octets of NLRI
        assertThat(updates).hasSize((1000 + perUpdate - 1) / perUpdate).hasSize(2);
        assertThat(updates.get(0).nlri()).hasSize(perUpdate);
        assertThat(updates.stream().mapToInt(u -> u.nlri().size()).sum()).isEqualTo(1000);
        assertThat(updates.stream().flatMap(u -> u.nlri().stream()).map(Nlri::prefix).distinct().count()).isEqualTo(1000);
    }

    @Test
    void extendedMessagesHoldAThousandHostRoutesInOne() {
        SessionFacts ext = FACTS.withExtendedMessage(true);
        AdjRibOut big = new AdjRibOut(ext, BOTH);
        assertThat(routeUpdates(big.diff(desired(hosts(1000))), ext)).singleElement()
                .satisfies(u -> assertThat(u.nlri()).hasSize(1000));
    }

    @Test
    void ipv6RoutesGoInMpReachNlriWithBothNextHops() {
        Map<Prefix, Attributes> d = desired(hosts6(2000));
        List<Update> updates = routeUpdates(out.diff(d), FACTS);
        // MP_REACH_NLRI: 4 octets of header (Extended Length), AFI/SAFI/length/reserved 5, next hops 32.
        int room = MAX - OVERHEAD - attributesLength(d.values().iterator().next()) - 4 - 5 - 32;
        int perUpdate = room / 17; // a /128 is 17 octets
        assertThat(updates).hasSize((2000 + perUpdate - 1) / perUpdate);
        MpReachNlri reach = updates.get(0).get(MpReachNlri.class);
        assertThat(reach.nextHopAddress()).isEqualTo(ip("2001:db8::10"));
        assertThat(reach.linkLocalNextHop()).contains(ip("fe80::10"));
        assertThat(updates.get(0).nlri()).isEmpty();
        assertThat(updates.get(0).attributes()).extracting(PathAttribute::typeCode).isSorted();
    }

    @Test
    void withdrawalsArePackedToo() {
        out.diff(desired(concat(hosts(2000), hosts6(2000))));
        Outbound o = out.diff(Map.of());
        assertThat(o.withdrawn()).isEqualTo(4000);
        List<Update> updates = routeUpdates(o, FACTS);
        List<Update> v4 = updates.stream().filter(u -> !u.withdrawn().isEmpty()).toList();
        List<Update> v6 = updates.stream().filter(u -> u.get(MpUnreachNlri.class) != null).toList();
        assertThat(v4).hasSize((2000 + 813) / 814);            // (4096 - 23) / 5 = 814 per UPDATE
        assertThat(v6).hasSize((2000 + 238) / 239);            // (4096 - 23 - 4 - 3) / 17 = 239 per UPDATE
        assertThat(v4.size() + v6.size()).isEqualTo(updates.size());
        assertThat(out.size()).isZero();
    }

    @Test
    void aSecondDiffOfTheSameSetIsEmpty() {
        Map<Prefix, Attributes> d = desired(List.of(prefix("198.51.100.75/32"), prefix("2001:db8:75::53/128")));
        assertThat(out.diff(d).announced()).isEqualTo(2);
        assertThat(out.diff(d).isEmpty()).isTrue();
        assertThat(out.diff(new HashMap<>(d)).isEmpty()).isTrue();
    }

    @Test
    void theInitialUpdateEndsWithEndOfRibForEveryFamily() {
        Outbound first = out.diff(desired(List.of(prefix("198.51.100.75/32"))));
        List<BgpMessage> m = first.messages();
        assertThat(m).hasSize(3);
        assertThat(((Update) m.get(1)).endOfRibFamily()).contains(Family.IPV4_UNICAST);
        assertThat(((Update) m.get(2)).endOfRibFamily()).contains(Family.IPV6_UNICAST);
        assertThat(out.initialUpdateDone()).isTrue();
        assertThat(out.diff(desired(List.of(prefix("198.51.100.80/32")))).updates())
                .noneMatch(u -> u.endOfRibFamily().isPresent());

        AdjRibOut empty = new AdjRibOut(FACTS, Set.of(Family.IPV4_UNICAST));
        assertThat(empty.diff(Map.of()).updates()).singleElement()
                .satisfies(u -> assertThat(u.endOfRibFamily()).contains(Family.IPV4_UNICAST));
    }

    @Test
    void aRouteNoLongerDesiredIsWithdrawn() {
        Prefix a = prefix("198.51.100.75/32");
        Prefix b = prefix("198.51.100.80/32");
        out.diff(desired(List.of(a, b)));
        Outbound o = out.diff(desired(List.of(b)));
        assertThat(o.withdrawn()).isEqualTo(1);
        assertThat(o.announced()).isZero();
        assertThat(o.updates()).singleElement().satisfies(u -> {
            assertThat(u.withdrawn()).containsExactly(Nlri.of(a));
            assertThat(u.attributes()).isEmpty();
        });
        assertThat(out.sent(a)).isNull();
        assertThat(out.diff(desired(List.of(b))).isEmpty()).isTrue();
    }

    @Test
    void changedAttributesAreAnnouncedAgainAndOnlyThose() {
        Prefix a = prefix("198.51.100.75/32");
        Prefix b = prefix("198.51.100.80/32");
        out.diff(desired(List.of(a, b)));
        Map<Prefix, Attributes> d = desired(List.of(a, b));
        d.put(a, policy.export(Advertisement.of(a).withPrepend(3)));
        Outbound o = out.diff(d);
        assertThat(o.announced()).isEqualTo(1);
        assertThat(o.updates()).singleElement().satisfies(u -> assertThat(u.nlri()).containsExactly(Nlri.of(a)));
    }

    @Test
    void routesWithDifferentAttributesGoInDifferentUpdates() {
        Prefix a = prefix("198.51.100.75/32");
        Prefix b = prefix("198.51.100.80/32");
        Map<Prefix, Attributes> d = Map.of(a, policy.export(Advertisement.of(a)), b, policy.export(Advertisement.of(b).withMed(10)));
        assertThat(routeUpdates(out.diff(d), FACTS)).hasSize(2);
    }

    @Test
    void aScopedDiffTouchesOnlyItsPrefixes() {
        Prefix a = prefix("198.51.100.75/32");
        Prefix b = prefix("198.51.100.80/32");
        out.diff(desired(List.of(a, b)));
        Outbound o = out.diff(Map.of(), List.of(a));
        assertThat(o.withdrawn()).isEqualTo(1);
        assertThat(out.sent(b)).isNotNull();
    }

    @Test
    void aFamilyNotNegotiatedIsNotSent() {
        AdjRibOut v4only = new AdjRibOut(FACTS, Set.of(Family.IPV4_UNICAST));
        Prefix v6 = prefix("2001:db8:75::53/128");
        Outbound o = v4only.diff(desired(List.of(v6, prefix("198.51.100.75/32"))));
        assertThat(o.unsendable()).containsExactly(v6);
        assertThat(o.announced()).isEqualTo(1);
        assertThat(v4only.sent(v6)).isNull();
    }

    @Test
    void enhancedRouteRefreshWrapsTheTableInBorrAndEorr() {
        out.diff(desired(concat(hosts(3), hosts6(2))));
        Outbound o = out.refresh(Family.IPV4_UNICAST, true);
        List<BgpMessage> m = o.messages();
        assertThat(m.get(0)).isEqualTo(new RouteRefresh(Family.IPV4_UNICAST, RouteRefresh.BORR));
        assertThat(m.get(m.size() - 1)).isEqualTo(new RouteRefresh(Family.IPV4_UNICAST, RouteRefresh.EORR));
        assertThat(o.updates()).singleElement().satisfies(u -> assertThat(u.nlri()).hasSize(3));

        Outbound plain = out.refresh(Family.IPV6_UNICAST, false);
        assertThat(plain.messages()).singleElement().isInstanceOf(Update.class);
        assertThat(plain.announced()).isEqualTo(2);
    }

    @Test
    void ipv4OverAnIpv6NextHopUsesMpReachNlri() {
        NextHopSelf v6only = new NextHopSelf(null, ip("2001:db8::10"), null, true);
        ExportPolicy p = new ExportPolicy(ebgp("2001:db8::1", 65001), v6only, new DecisionProcess(), false, new AttributePool());
        Prefix a = prefix("198.51.100.75/32");
        List<Update> updates = routeUpdates(out.diff(Map.of(a, p.export(Advertisement.of(a)))), FACTS);
        MpReachNlri reach = updates.get(0).get(MpReachNlri.class);
        assertThat(reach.family()).isEqualTo(Family.IPV4_UNICAST);
        assertThat(reach.nextHopAddress()).isEqualTo(IpAddress.parse("2001:db8::10"));
        assertThat(reach.nlri()).containsExactly(Nlri.of(a));
    }

    static List<Prefix> concat(List<Prefix> a, List<Prefix> b) {
        List<Prefix> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
