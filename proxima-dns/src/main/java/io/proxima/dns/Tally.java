package io.proxima.dns;

import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind {@link Counters}. Every event loop adds to them; a {@link LongAdder}
 * keeps those additions from contending on one cache line.
 */
final class Tally {

    /** How one query ended: each maps to one counter. */
    enum Outcome { ANSWERED, REFUSED, FORMERR, NOT_IMPLEMENTED, DROPPED, TRUNCATED, RATE_LIMITED }

    private final LongAdder queries = new LongAdder();
    private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];

    Tally() {
        for (int i = 0; i < outcomes.length; i++) outcomes[i] = new LongAdder();
    }

    void query() {
        queries.increment();
    }

    void outcome(Outcome o) {
        outcomes[o.ordinal()].increment();
    }

    Counters snapshot() {
        return new Counters(queries.sum(), get(Outcome.ANSWERED), get(Outcome.REFUSED), get(Outcome.FORMERR),
                get(Outcome.NOT_IMPLEMENTED), get(Outcome.DROPPED), get(Outcome.TRUNCATED), get(Outcome.RATE_LIMITED));
    }

    private long get(Outcome o) {
        return outcomes[o.ordinal()].sum();
    }
}
