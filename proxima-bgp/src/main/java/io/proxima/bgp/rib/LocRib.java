package io.proxima.bgp.rib;

import io.proxima.bgp.wire.Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Loc-RIB (RFC 4271 §3.2): for each prefix, the candidate paths from every Adj-RIB-In and the
 * locally originated ones, and the best of them by the {@link DecisionProcess}. Updates report the
 * best-path changes (RFC 4271 §9.1.2 Phase 2 output), which feed the Adj-RIBs-Out.
 *
 * <p>Memory: a prefix with one candidate, the whole table from a single upstream, costs one slot
 * of a {@link RouteTable} (9 octets for IPv4) and no object of its own: the prefix is stored as
 * primitives, and its {@link Path} is shared with the other prefixes of the same UPDATE, which
 * have the same source and the same (pooled) attributes. A full table of 577,699 prefixes from one
 * feed holds about 89,000 paths. Only a prefix with several candidates has an array, kept best
 * first. Each change re-runs the decision over that prefix's candidates alone, so loading a full
 * table is linear.
 *
 * <p>Explanations are not stored: {@link #explain} re-runs the (deterministic) decision on demand.
 *
 * <p>Single-threaded: owned by the speaker's event loop.
 */
public final class LocRib {

    private final DecisionProcess decision;
    /** Per prefix: a {@link Path} when it is the only candidate, else a {@code Path[]} with the best at index 0. */
    private final RouteTable<Object> table = new RouteTable<>();

    public LocRib(DecisionProcess decision) {
        this.decision = decision;
    }

    public DecisionProcess decision() {
        return decision;
    }

    /**
     * Applies what changed in one peer's Adj-RIB-In; returns the best-path changes, in order. The
     * routes of one UPDATE share their attributes, so consecutive changes with the same attributes
     * and path identifier share one {@link Path}.
     */
    public List<BestChange> update(PeerId peer, List<RouteChange> changes) {
        List<BestChange> out = new ArrayList<>(changes.size());
        Path shared = null;
        for (RouteChange c : changes) {
            Prefix prefix = c.nlri().prefix();
            BestChange b = switch (c) {
                case RouteChange.Added a -> add(prefix, shared = path(shared, peer, a.nlri().pathId(), a.attributes()));
                case RouteChange.Replaced r -> add(prefix, shared = path(shared, peer, r.nlri().pathId(), r.attributes()));
                case RouteChange.Removed r -> remove(prefix, peer, r.nlri().pathId());
            };
            if (b != null) out.add(b);
        }
        return out;
    }

    /** {@code last} if it is the path wanted (same source, the very same attributes), else a new one. */
    private static Path path(Path last, PeerId peer, long pathId, Attributes attributes) {
        if (last != null && last.attributes() == attributes && last.pathId() == pathId && last.peer() == peer) return last;
        return new Path(peer, pathId, attributes);
    }

    /** Adds a candidate, or replaces the one from the same source; returns the best-path change or null. */
    public BestChange add(Prefix prefix, Path path) {
        Object current = table.putIfAbsent(prefix, path);
        if (current == null) return new BestChange(prefix, null, path);
        if (current instanceof Path only) {
            if (only.sameSource(path)) {
                table.put(prefix, path);
                return only.attributes().equals(path.attributes()) ? null : new BestChange(prefix, only, path);
            }
            return settle(prefix, new Path[] {only, path}, only);
        }
        Path[] paths = (Path[]) current;
        Path oldBest = paths[0];
        int i = indexOf(paths, path.peer(), path.pathId());
        if (i >= 0) {
            paths[i] = path;
        } else {
            paths = Arrays.copyOf(paths, paths.length + 1);
            paths[paths.length - 1] = path;
        }
        return settle(prefix, paths, oldBest);
    }

    /** Removes the candidate from this peer and path identifier; returns the best-path change or null. */
    public BestChange remove(Prefix prefix, PeerId peer, long pathId) {
        Object current = table.get(prefix);
        if (current == null) return null;
        if (current instanceof Path only) {
            if (only.pathId() != pathId || !only.peer().equals(peer)) return null;
            table.remove(prefix);
            return new BestChange(prefix, only, null);
        }
        Path[] paths = (Path[]) current;
        int i = indexOf(paths, peer, pathId);
        if (i < 0) return null;
        Path oldBest = paths[0];
        Path[] rest = new Path[paths.length - 1];
        System.arraycopy(paths, 0, rest, 0, i);
        System.arraycopy(paths, i + 1, rest, i, rest.length - i);
        // Even when a loser goes the best may change: with MED, a path can lose only because of
        // another one from its own AS (RFC 4271 §9.1.2.2 c). So decide again.
        return settle(prefix, rest, oldBest);
    }

    /** The best path for a prefix, or null. */
    public Path best(Prefix prefix) {
        Object current = table.get(prefix);
        return current == null ? null : current instanceof Path p ? p : ((Path[]) current)[0];
    }

    /** Every candidate for a prefix, the best first. */
    public List<Path> candidates(Prefix prefix) {
        Object current = table.get(prefix);
        if (current == null) return List.of();
        return current instanceof Path p ? List.of(p) : List.of((Path[]) current);
    }

    /** Why the best path for a prefix is the best, if there is one. */
    public Optional<Explanation> explain(Prefix prefix) {
        List<Path> c = candidates(prefix);
        return c.isEmpty() ? Optional.empty() : Optional.of(decision.explain(c));
    }

    /** The number of prefixes with a best path. */
    public int size() {
        return table.size();
    }

    /** Visits the best path of every prefix, in no particular order. The visitor must not change this Loc-RIB. */
    public void forEachBest(BiConsumer<Prefix, Path> visitor) {
        table.forEachPrefix((prefix, v) -> visitor.accept(prefix, v instanceof Path p ? p : ((Path[]) v)[0]));
    }

    /** Stores the candidates best first and reports whether the best changed. */
    private BestChange settle(Prefix prefix, Path[] paths, Path oldBest) {
        if (paths.length == 1) {
            table.put(prefix, paths[0]);
        } else {
            Path best = decision.best(Arrays.asList(paths));
            for (int i = 1; i < paths.length; i++) {
                if (paths[i] == best) {
                    paths[i] = paths[0];
                    paths[0] = best;
                }
            }
            table.put(prefix, paths);
        }
        Path best = paths[0];
        if (best == oldBest || best.sameSource(oldBest) && best.attributes().equals(oldBest.attributes())) return null;
        return new BestChange(prefix, oldBest, best);
    }

    private static int indexOf(Path[] paths, PeerId peer, long pathId) {
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].pathId() == pathId && paths[i].peer().equals(peer)) return i;
        }
        return -1;
    }
}
