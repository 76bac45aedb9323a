package io.proxima.bgp.rib;

import io.proxima.bgp.wire.Family;
import java.util.List;
import java.util.Optional;

/**
 * What applying an UPDATE (or a treat-as-withdraw, or a stale sweep) did to an Adj-RIB-In: the
 * route changes for the Loc-RIB, the routes refused and why, the End-of-RIB it carried (RFC 4724
 * §2), and whether the prefix limit was exceeded, in which case the session must close with
 * {@link MaxPrefixExceeded#notification()}.
 */
public record InboundResult(List<RouteChange> changes, List<Rejection> rejections, Family endOfRib,
                            MaxPrefixExceeded maxPrefixExceeded) {

    public static final InboundResult NOTHING = new InboundResult(List.of(), List.of(), null, null);

    public InboundResult {
        changes = List.copyOf(changes);
        rejections = List.copyOf(rejections);
    }

    static InboundResult of(List<RouteChange> changes) {
        return changes.isEmpty() ? NOTHING : new InboundResult(changes, List.of(), null, null);
    }

    /** The family this UPDATE was End-of-RIB for, if it was one. */
    public Optional<Family> endOfRibFamily() {
        return Optional.ofNullable(endOfRib);
    }

    public Optional<MaxPrefixExceeded> maxPrefix() {
        return Optional.ofNullable(maxPrefixExceeded);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && rejections.isEmpty() && endOfRib == null && maxPrefixExceeded == null;
    }
}
