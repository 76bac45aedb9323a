package io.proxima.bgp.rib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.proxima.bgp.SharedData;
import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.nlri.Nlri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A full table: bgpdump's 2015 BGP4MP_ET dump, in which one peer announces 577,737 routes (bgpdump
 * prints that many "A" lines) and withdraws 3. Four of the announcements have AS 0 in AS_PATH,
 * which RFC 7607 §2 makes treat-as-withdraw. Loaded into an Adj-RIB-In and the Loc-RIB, the dump
 * must leave exactly the routes a plain set over the same UPDATEs leaves. No timing assertions:
 * the point is that it finishes (nothing quadratic) and fits the test heap.
 */
class FullTableTest {

    static final String DUMP = "updates.et-header.2015.gz";
    static final int BGPDUMP_ANNOUNCEMENTS = 577_737;
    static final int BGPDUMP_WITHDRAWALS = 3;
    static final int AS_ZERO_ANNOUNCEMENTS = 4;
    /** BGP FSM state Established (RFC 6396 §4.4.1 numbers the states as RFC 4271 §8.2.2). */
    static final int ESTABLISHED = 6;

    @Test
    void aFullTableLeavesTheRoutesAPlainSetLeaves() throws IOException {
        Path file = SharedData.bgpdumpData().resolve(DUMP);
        assumeTrue(Files.isRegularFile(file), file + " not found");

        // The oracle: a set of NLRI, withdrawals removed and announcements added, per UPDATE.
        Set<Nlri> expected = new HashSet<>();
        int[] counts = new int[3];
        replay(file, e -> {
            for (Nlri n : e.update().withdrawnAll()) expected.remove(n);
            expected.addAll(e.update().announced());
            for (Nlri n : e.treatAsWithdraw()) expected.remove(n);
            counts[0] += e.update().announced().size();
            counts[1] += e.update().withdrawnAll().size();
            counts[2] += e.treatAsWithdraw().size();
        }, peer -> expected.clear());
        assertThat(counts).containsExactly(BGPDUMP_ANNOUNCEMENTS - AS_ZERO_ANNOUNCEMENTS, BGPDUMP_WITHDRAWALS, AS_ZERO_ANNOUNCEMENTS);

        AttributePool pool = new AttributePool();
        LocRib loc = new LocRib(new DecisionProcess());
        Map<IpAddress, AdjRibIn> ribs = new HashMap<>();
        Map<IpAddress, PeerId> peers = new HashMap<>();
        int[] rejected = new int[1];
        int[] bestChanges = new int[1];
        replay(file, e -> {
            PeerId peer = e.peer();
            AdjRibIn in = ribs.computeIfAbsent(peer.address(), a -> {
                peers.put(a, peer);
                // A route collector's feed: its peers include route servers, whose paths do not
                // start with their own AS, so the first-AS check is off.
                return new AdjRibIn(peer, new AdjRibIn.Config(AdjRibIn.NO_LIMIT, false), pool);
            });
            InboundResult r = e.treatAsWithdraw().isEmpty() ? in.apply(e.update()) : in.withdraw(e.treatAsWithdraw());
            rejected[0] += r.rejections().stream().mapToInt(x -> x.routes().size()).sum();
            bestChanges[0] += loc.update(peer, r.changes()).size();
        }, peer -> {
            AdjRibIn in = ribs.get(peer.address());
            if (in != null) loc.update(peers.get(peer.address()), in.clear());
        });

        assertThat(rejected[0]).isZero();
        assertThat(ribs).hasSize(1);
        AdjRibIn in = ribs.values().iterator().next();
        assertThat(in.size()).isEqualTo(expected.size()).isGreaterThan(577_000);
        Set<Nlri> held = new HashSet<>();
        in.forEach((n, a) -> held.add(n));
        assertThat(held).isEqualTo(expected);
        assertThat(loc.size()).isEqualTo(expected.size());
        assertThat(bestChanges[0]).isGreaterThanOrEqualTo(expected.size());

        // Routes share their attributes: far fewer distinct objects than routes.
        Map<Attributes, Boolean> distinct = new IdentityHashMap<>();
        in.forEach((n, a) -> distinct.put(a, Boolean.TRUE));
        assertThat(distinct.size()).isLessThan(in.size() / 4);
    }

    /** One UPDATE from the dump, or the routes of a malformed one to treat as withdrawn (RFC 7606 §2). */
    record Event(PeerId peer, Update update, List<Nlri> treatAsWithdraw) { }

    /**
     * Feeds every UPDATE of the dump to {@code updates} with the peer it came from, and every
     * session that leaves Established to {@code down}. Malformed UPDATEs get their RFC 7606 disposition.
     */
    static void replay(Path file, Consumer<Event> updates, Consumer<PeerId> down) throws IOException {
        Update none = new Update(List.of(), List.of(), List.of());
        try (MrtReader reader = MrtReader.open(file)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                if (r instanceof MrtRecord.Bgp4mpStateChange s && s.oldState() == ESTABLISHED && s.newState() != ESTABLISHED) {
                    down.accept(PeerId.of(s.peerAddress(), s.peerAs(), s.peerAddress(), s.localAs()));
                }
                if (!(r instanceof MrtRecord.Bgp4mpMessage m) || m.local()) continue;
                PeerId peer = PeerId.of(m.peerAddress(), m.peerAs(), m.peerAddress(), m.localAs());
                Event e = switch (m.message()) {
                    case DecodeResult.Decoded d when d.message() instanceof Update u -> new Event(peer, u, List.of());
                    case MessageError x when x.disposition() == Disposition.ATTRIBUTE_DISCARD -> new Event(peer, x.update(), List.of());
                    case MessageError x when x.disposition() == Disposition.TREAT_AS_WITHDRAW -> new Event(peer, none, x.treatAsWithdraw());
                    default -> null;
                };
                if (e != null) updates.accept(e);
            }
        }
    }
}
