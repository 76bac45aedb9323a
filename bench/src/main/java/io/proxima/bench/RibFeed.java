package io.proxima.bench;

import io.proxima.bgp.mrt.MrtReader;
import io.proxima.bgp.mrt.MrtRecord;
import io.proxima.bgp.rib.AdjRibIn;
import io.proxima.bgp.rib.AttributePool;
import io.proxima.bgp.rib.PeerId;
import io.proxima.bgp.rib.RouteChange;
import io.proxima.bgp.wire.DecodeResult;
import io.proxima.bgp.wire.Disposition;
import io.proxima.bgp.wire.MessageError;
import io.proxima.bgp.wire.Update;
import io.proxima.bgp.wire.nlri.Nlri;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A dump's received UPDATEs, decoded once, for the RIB benchmarks (AdjRibInBenchmark,
 * LocRibBenchmark) to apply again and again: the first peer's messages as it sent them, with the
 * codec's RFC 7606 dispositions already taken.
 *
 * @param peer  the dump's first peer (the feed's sender)
 * @param steps in the order received
 */
record RibFeed(PeerId peer, Step[] steps) {

    /** One UPDATE to apply, or the routes of a malformed one to treat as withdrawn (RFC 7606 §2). */
    record Step(Update update, List<Nlri> treatAsWithdraw) {

        /** Applies this step to {@code rib}; the route changes it made. */
        List<RouteChange> applyTo(AdjRibIn rib) {
            return update != null ? rib.apply(update).changes() : rib.withdraw(treatAsWithdraw).changes();
        }
    }

    /**
     * Applies every step, in order, to a fresh Adj-RIB-In, as a route collector's feed from an iBGP
     * peer: no first-AS check (RFC 7947 §2.2.2.1 route servers). {@code changes} gets each step's
     * route changes.
     */
    AdjRibIn replay(Consumer<List<RouteChange>> changes) {
        AdjRibIn rib = new AdjRibIn(peer, new AdjRibIn.Config(AdjRibIn.NO_LIMIT, false), new AttributePool());
        for (Step step : steps) changes.accept(step.applyTo(rib));
        return rib;
    }

    static RibFeed load(Path file) throws IOException {
        List<Step> s = new ArrayList<>();
        PeerId peer = null;
        try (MrtReader r = MrtReader.open(file)) {
            MrtRecord rec;
            while ((rec = r.next()) != null) {
                if (!(rec instanceof MrtRecord.Bgp4mpMessage m) || m.local()) continue;
                if (peer == null) peer = PeerId.of(m.peerAddress(), m.peerAs(), m.peerAddress(), m.localAs());
                switch (m.message()) {
                    case DecodeResult.Decoded d when d.message() instanceof Update u -> s.add(new Step(u, null));
                    case MessageError e when e.disposition() == Disposition.TREAT_AS_WITHDRAW -> s.add(new Step(null, e.treatAsWithdraw()));
                    case MessageError e when e.disposition() == Disposition.ATTRIBUTE_DISCARD -> s.add(new Step(e.update(), null));
                    default -> { }
                }
            }
        }
        return new RibFeed(peer, s.toArray(Step[]::new));
    }
}
