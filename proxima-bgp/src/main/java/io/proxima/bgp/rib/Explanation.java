package io.proxima.bgp.rib;

import java.util.List;

/**
 * Why a path is the best for its prefix: the winner, the rule that left it alone, and for every
 * other candidate the rule it lost on and to which path, with the compared values.
 */
public record Explanation(Path winner, Rule decidedBy, List<Loss> losers) {

    public Explanation {
        losers = List.copyOf(losers);
    }

    /** One path that lost: at which step, to which path, and the values compared. */
    public record Loss(Path path, Rule rule, Path beatenBy, String detail) {
        @Override
        public String toString() {
            return path.peer() + (path.pathId() == 0 ? "" : " path-id " + path.pathId()) + " lost on " + rule
                    + " to " + beatenBy.peer() + ": " + detail;
        }
    }

    /** The rule a given path lost on, or null if it is the winner or not a candidate. */
    public Rule ruleAgainst(Path path) {
        for (Loss l : losers) if (l.path().sameSource(path)) return l.rule();
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("best ").append(winner.peer()).append(", decided by ").append(decidedBy);
        for (Loss l : losers) sb.append("; ").append(l);
        return sb.toString();
    }
}
