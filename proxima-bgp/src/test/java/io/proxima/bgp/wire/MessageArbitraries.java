package io.proxima.bgp.wire;

import io.proxima.bgp.wire.attr.Aggregator;
import io.proxima.bgp.wire.attr.As4Aggregator;
import io.proxima.bgp.wire.attr.As4Path;
import io.proxima.bgp.wire.attr.AsPath;
import io.proxima.bgp.wire.attr.AtomicAggregate;
import io.proxima.bgp.wire.attr.ClusterList;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.ExtendedCommunities;
import io.proxima.bgp.wire.attr.LargeCommunities;
import io.proxima.bgp.wire.attr.LocalPref;
import io.proxima.bgp.wire.attr.MpReachNlri;
import io.proxima.bgp.wire.attr.MpUnreachNlri;
import io.proxima.bgp.wire.attr.MultiExitDisc;
import io.proxima.bgp.wire.attr.NextHop;
import io.proxima.bgp.wire.attr.OnlyToCustomer;
import io.proxima.bgp.wire.attr.Origin;
import io.proxima.bgp.wire.attr.OriginatorId;
import io.proxima.bgp.wire.attr.PathAttribute;
import io.proxima.bgp.wire.attr.Segment;
import io.proxima.bgp.wire.attr.UnknownAttribute;
import io.proxima.bgp.wire.cap.AddPath;
import io.proxima.bgp.wire.cap.Capability;
import io.proxima.bgp.wire.cap.EnhancedRouteRefresh;
import io.proxima.bgp.wire.cap.ExtendedMessage;
import io.proxima.bgp.wire.cap.ExtendedNextHop;
import io.proxima.bgp.wire.cap.FourOctetAs;
import io.proxima.bgp.wire.cap.Fqdn;
import io.proxima.bgp.wire.cap.GracefulRestart;
import io.proxima.bgp.wire.cap.Multiprotocol;
import io.proxima.bgp.wire.cap.RouteRefreshCapability;
import io.proxima.bgp.wire.cap.UnknownCapability;
import io.proxima.bgp.wire.nlri.Nlri;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for well-formed messages under given session facts. "Well-formed" means what
 * the decoder accepts without any error: mandatory attributes present, no duplicates, AS numbers
 * that fit the session, no AS 0.
 */
public final class MessageArbitraries {

    private MessageArbitraries() {
    }

    public static Arbitrary<SessionFacts> facts() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((as4, ap, ext) -> new SessionFacts(as4, ap ? Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST) : Set.of(), ext, false));
    }

    public static Arbitrary<BgpMessage> message(SessionFacts f) {
        return Arbitraries.oneOf(open().map(m -> (BgpMessage) m), update(f).map(m -> (BgpMessage) m),
                notification().map(m -> (BgpMessage) m), Arbitraries.just(Keepalive.INSTANCE),
                routeRefresh().map(m -> (BgpMessage) m));
    }

    static Arbitrary<IpAddress> v4() {
        return Arbitraries.integers().map(IpAddress::v4);
    }

    static Arbitrary<IpAddress> v6() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(IpAddress::v6);
    }

    static Arbitrary<Prefix> prefix(boolean v6) {
        return Combinators.combine(v6 ? v6() : v4(), Arbitraries.integers().between(0, v6 ? 128 : 32)).as(Prefix::new);
    }

    static Arbitrary<List<Nlri>> nlri(boolean v6, boolean addPath, int max) {
        Arbitrary<Long> id = addPath ? Arbitraries.longs().between(0, Nlri.MAX_PATH_ID) : Arbitraries.just(0L);
        return Combinators.combine(id, prefix(v6)).as(Nlri::new).list().ofMaxSize(max);
    }

    static Arbitrary<Long> asn(SessionFacts f) {
        return Arbitraries.longs().between(1, f.fourOctetAs() ? 0xFFFF_FFFFL : 0xFFFF);
    }

    static Arbitrary<List<Segment>> segments(Arbitrary<Long> asn, boolean confed) {
        Arbitrary<Integer> type = confed ? Arbitraries.integers().between(Segment.AS_SET, Segment.AS_CONFED_SET)
                : Arbitraries.of(Segment.AS_SET, Segment.AS_SEQUENCE);
        return Combinators.combine(type, asn.list().ofMinSize(1).ofMaxSize(8))
                .as((t, l) -> new Segment(t, l.stream().mapToLong(Long::longValue).toArray()))
                .list().ofMaxSize(4);
    }

    /** Flags for an attribute: the required Optional/Transitive bits, and random bits that must survive. */
    static Arbitrary<Integer> flags(int base) {
        boolean optTrans = base == (PathAttribute.OPTIONAL | PathAttribute.TRANSITIVE);
        return Combinators.combine(Arbitraries.of(0, PathAttribute.EXTENDED_LENGTH),
                        optTrans ? Arbitraries.of(0, PathAttribute.PARTIAL) : Arbitraries.just(0))
                .as((ext, partial) -> base | ext | partial);
    }

    static final int WK = PathAttribute.TRANSITIVE;
    static final int OPT = PathAttribute.OPTIONAL;
    static final int OT = PathAttribute.OPTIONAL | PathAttribute.TRANSITIVE;

    public static Arbitrary<Update> update(SessionFacts f) {
        boolean ap4 = f.addPath(Family.IPV4_UNICAST);
        Arbitrary<List<PathAttribute>> optional = Arbitraries.<PathAttribute>oneOf(
                        Combinators.combine(flags(OPT), Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(MultiExitDisc::new),
                        Combinators.combine(flags(WK), Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(LocalPref::new),
                        flags(WK).map(AtomicAggregate::new),
                        Combinators.combine(flags(OT), asn(f), v4()).as(Aggregator::new),
                        Combinators.combine(flags(OT), Arbitraries.longs().between(0, 0xFFFF_FFFFL).list().ofMinSize(1).ofMaxSize(6)).as(Communities::new),
                        Combinators.combine(flags(OPT), v4()).as(OriginatorId::new),
                        Combinators.combine(flags(OPT), v4().list().ofMinSize(1).ofMaxSize(4)).as(ClusterList::new),
                        Combinators.combine(flags(OT), Arbitraries.longs().list().ofMinSize(1).ofMaxSize(4)).as(ExtendedCommunities::new),
                        Combinators.combine(flags(OT), segments(Arbitraries.longs().between(1, 0xFFFF_FFFFL), false)).as(As4Path::new),
                        Combinators.combine(flags(OT), Arbitraries.longs().between(1, 0xFFFF_FFFFL), v4()).as(As4Aggregator::new),
                        Combinators.combine(flags(OT), Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                                .as(LargeCommunities.LargeCommunity::new).list().ofMinSize(1).ofMaxSize(3)).as(LargeCommunities::new),
                        Combinators.combine(flags(OT), Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as(OnlyToCustomer::new),
                        Combinators.combine(Arbitraries.of(OPT, OT, OT | PathAttribute.PARTIAL),
                                Arbitraries.integers().between(40, 255).filter(t -> io.proxima.bgp.wire.attr.AttributeTable.row(t) == null),
                                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Octets::of)).as(UnknownAttribute::new))
                .list().ofMaxSize(6).uniqueElements(PathAttribute::typeCode);
        Arbitrary<MpReachNlri> reach = Arbitraries.of(false, true).flatMap(v6 -> {
            Family fam = v6 ? Family.IPV6_UNICAST : Family.IPV4_UNICAST;
            Arbitrary<Octets> nh = v6
                    ? Arbitraries.oneOf(v6().map(a -> Octets.of(a.toBytes())), Combinators.combine(v6(), v6()).as((a, b) -> concat(a, b)))
                    : Arbitraries.oneOf(v4().map(a -> Octets.of(a.toBytes())), v6().map(a -> Octets.of(a.toBytes())));
            return Combinators.combine(nh, nlri(v6, f.addPath(fam), 5))
                    .as((n, l) -> new MpReachNlri(PathAttribute.OPTIONAL, fam, n, 0, l, Octets.EMPTY));
        });
        Arbitrary<MpUnreachNlri> unreach = Arbitraries.of(false, true).flatMap(v6 -> {
            Family fam = v6 ? Family.IPV6_UNICAST : Family.IPV4_UNICAST;
            return nlri(v6, f.addPath(fam), 5).map(l -> MpUnreachNlri.of(fam, l));
        });
        return Combinators.combine(
                nlri(false, ap4, 5), nlri(false, ap4, 5), reach.injectNull(0.5), unreach.injectNull(0.7),
                Arbitraries.integers().between(0, 2), Combinators.combine(flags(WK), segments(asn(f), true)).as(AsPath::new),
                v4(), optional
        ).as((withdrawn, nlri, mpReach, mpUnreach, origin, path, nextHop, extra) -> {
            List<PathAttribute> attrs = new ArrayList<>();
            if (mpUnreach != null) attrs.add(mpUnreach);
            boolean announces = !nlri.isEmpty() || mpReach != null;
            if (announces) {
                if (mpReach != null) attrs.add(mpReach);
                attrs.add(new Origin(origin));
                attrs.add(path);
                if (!nlri.isEmpty()) attrs.add(new NextHop(nextHop));
            }
            attrs.addAll(extra);
            return new Update(withdrawn, attrs, nlri);
        });
    }

    private static Octets concat(IpAddress a, IpAddress b) {
        byte[] x = new byte[32];
        System.arraycopy(a.toBytes(), 0, x, 0, 16);
        System.arraycopy(b.toBytes(), 0, x, 16, 16);
        return Octets.of(x);
    }

    static Arbitrary<Family> family() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFF)).as(Family::of);
    }

    static Arbitrary<Capability> capability() {
        Arbitrary<String> name = Arbitraries.strings().alpha().numeric().withChars('-', '.').ofMaxLength(20);
        return Arbitraries.oneOf(
                family().map(Multiprotocol::new),
                Arbitraries.just(RouteRefreshCapability.INSTANCE),
                Combinators.combine(family(), Arbitraries.integers().between(0, 0xFFFF)).as(ExtendedNextHop.Entry::new)
                        .list().ofMinSize(1).ofMaxSize(3).map(ExtendedNextHop::new),
                Arbitraries.just(ExtendedMessage.INSTANCE),
                Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, GracefulRestart.MAX_RESTART_TIME),
                        Combinators.combine(family(), Arbitraries.integers().between(0, 255)).as(GracefulRestart.Entry::new).list().ofMaxSize(3))
                        .as(GracefulRestart::new),
                Arbitraries.longs().between(1, 0xFFFF_FFFFL).map(FourOctetAs::new),
                Combinators.combine(family(), Arbitraries.integers().between(0, 255)).as(AddPath.Entry::new)
                        .list().ofMinSize(1).ofMaxSize(3).map(AddPath::new),
                Arbitraries.just(EnhancedRouteRefresh.INSTANCE),
                Combinators.combine(name, name).as(Fqdn::new),
                Combinators.combine(Arbitraries.integers().between(100, 255),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(Octets::of)).as(UnknownCapability::new));
    }

    public static Arbitrary<Open> open() {
        return Combinators.combine(Arbitraries.integers().between(1, 0xFFFF),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(3, 0xFFFF)),
                v4().filter(a -> !a.isUnspecified()),
                capability().list().ofMinSize(1).ofMaxSize(5).list().ofMaxSize(4))
                .as((as, hold, id, params) -> new Open(Open.VERSION, as, hold, id, params));
    }

    static Arbitrary<Notification> notification() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Octets::of)).as(Notification::new);
    }

    static Arbitrary<RouteRefresh> routeRefresh() {
        return Combinators.combine(family(), Arbitraries.integers().between(0, 255)).as(RouteRefresh::new);
    }
}
