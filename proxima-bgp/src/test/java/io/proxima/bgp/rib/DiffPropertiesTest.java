package io.proxima.bgp.rib;

import static io.proxima.bgp.rib.Routes.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bgp.wire.Family;
import io.proxima.bgp.wire.Prefix;
import io.proxima.bgp.wire.SessionFacts;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.attr.Communities;
import io.proxima.bgp.wire.attr.LargeCommunities.LargeCommunity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The UPDATEs from {@link AdjRibOut#diff}, encoded, decoded and applied to an {@link AdjRibIn}
 * that plays the peer, leave the peer with exactly the desired routes, after every step of a
 * random sequence of desired sets; and each diff sends only what changed.
 */
class DiffPropertiesTest {

    static final long OUR_AS = Routes.LOCAL_AS;
    static final long THEIR_AS = 65001;
    static final int PREFIXES = 6000;

    /** Ways to advertise a prefix, so that routes differ in attributes and share them. */
    static final List<Function<Prefix, Advertisement>> VARIANTS = List.of(
            Advertisement::of,
            p -> Advertisement.of(p).withMed(10),
            p -> Advertisement.of(p).withPrepend(2),
            p -> Advertisement.of(p).withCommunities(List.of(Communities.of(65000, 100), Communities.of(65000, 200))),
            p -> Advertisement.of(p).withGracefulShutdown(true),
            p -> Advertisement.of(p).withLargeCommunities(List.of(new LargeCommunity(65000, 7, 7))).withMed(0),
            p -> Advertisement.of(p).withNextHop(p.isV6() ? ip("2001:db8::77") : ip("192.0.2.77")));

    record Scenario(SessionFacts facts, boolean ebgp, List<Map<Integer, Integer>> steps) { }

    /** Distinct prefixes: IPv4 /24s and /32s, IPv6 /64s and /128s. */
    static Prefix prefix(int i) {
        return switch (i % 4) {
            case 0 -> Prefix.v4(0x0A00_0000 | (i << 8), 24);
            case 1 -> Prefix.v4(0xC000_0000 | i, 32);
            case 2 -> Prefix.v6(0x2001_0db8_0000_0000L | i, 0, 64);
            default -> Prefix.v6(0x2001_0db8_ffff_0000L, i, 128);
        };
    }

    @Property(tries = 100)
    void thePeerEndsUpWithExactlyTheDesiredRoutes(@ForAll("scenarios") Scenario s) {
        long theirAs = s.ebgp() ? THEIR_AS : OUR_AS;
        PeerId them = PeerId.of(ip("192.0.2.1"), theirAs, ip("192.0.2.1"), OUR_AS);
        ExportPolicy policy = new ExportPolicy(them, new NextHopSelf(ip("192.0.2.10"), ip("2001:db8::10"), ip("fe80::10"), false),
                new DecisionProcess(), false, new AttributePool());
        AdjRibOut out = new AdjRibOut(s.facts(), Routes.BOTH);
        // The peer's side: we are its neighbour.
        AdjRibIn peer = new AdjRibIn(PeerId.of(ip("192.0.2.10"), OUR_AS, ip("192.0.2.10"), theirAs));
        Map<Prefix, Attributes> before = Map.of();
        for (Map<Integer, Integer> step : s.steps()) {
            Map<Prefix, Attributes> desired = new HashMap<>();
            step.forEach((i, v) -> desired.put(prefix(i), policy.export(VARIANTS.get(v).apply(prefix(i)))));

            Outbound o = out.diff(desired);
            for (Update u : o.updates()) {
                InboundResult r = peer.apply(Routes.overTheWire(u, s.facts()));
                assertThat(r.rejections()).isEmpty();
            }
            Map<Prefix, Attributes> received = new HashMap<>();
            peer.forEach((n, a) -> received.put(n.prefix(), a));
            assertThat(received).isEqualTo(desired);

            Map<Prefix, Attributes> previous = before;
            long changed = desired.entrySet().stream().filter(e -> !e.getValue().equals(previous.get(e.getKey()))).count();
            long gone = previous.keySet().stream().filter(p -> !desired.containsKey(p)).count();
            assertThat(o.announced()).isEqualTo(changed);
            assertThat(o.withdrawn()).isEqualTo(gone);
            assertThat(out.diff(desired).isEmpty()).as("a second diff").isTrue();
            before = desired;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<SessionFacts> facts = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((as4, addPath, ext) -> new SessionFacts(as4,
                        addPath ? Set.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST) : Set.of(), ext, false));
        // Mostly the plain variant, so that groups of equal attributes are big enough to need
        // several UPDATEs; the others make routes change attributes between steps.
        Arbitrary<Integer> variant = Arbitraries.frequencyOf(
                Tuple.of(VARIANTS.size() * 2, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, VARIANTS.size() - 1)));
        Arbitrary<Map<Integer, Integer>> step = Arbitraries.maps(Arbitraries.integers().between(0, PREFIXES - 1), variant)
                .ofMaxSize(4000);
        return Combinators.combine(facts, Arbitraries.of(true, false), step.list().ofMinSize(1).ofMaxSize(5)).as(Scenario::new);
    }
}
