package io.proxima.health.engine;

import java.time.Duration;

/**
 * Flap hold-down with the semantics of BGP route flap damping (RFC 2439): each UP/DOWN transition
 * adds {@code penalty} to a figure of merit that decays exponentially with {@code halfLife}
 * (section 4.2); above {@code suppress} the check is held DOWN until the figure decays below
 * {@code reuse} (section 4.8.2). {@code ceiling} bounds the figure so that the longest hold-down is
 * bounded (section 4.2's "maximum hold down time").
 */
public record FlapDamping(double penalty, Duration halfLife, double suppress, double reuse, double ceiling) {

    /** Added per UP↔DOWN transition, as in RFC 2439's examples. */
    public static final double DEFAULT_PENALTY = 1000;
    /**
     * Above 2 × penalty, so that an ordinary failover (UP→DOWN, then DOWN→UP) never suppresses:
     * it can reach 2000 at most. A third transition within about one half-life does suppress.
     */
    public static final double DEFAULT_SUPPRESS = 2500;
    /** Released once the figure decays below this: 750, as in RFC 2439's examples. */
    public static final double DEFAULT_REUSE = 750;
    /** Health checks flap on a scale of seconds, not BGP's minutes. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofSeconds(60);
    /** reuse × 2^5: held down at most five half-lives (five minutes) after the last flap. */
    public static final double DEFAULT_CEILING = DEFAULT_REUSE * 32;

    public static final FlapDamping DEFAULTS =
            new FlapDamping(DEFAULT_PENALTY, DEFAULT_HALF_LIFE, DEFAULT_SUPPRESS, DEFAULT_REUSE, DEFAULT_CEILING);

    public FlapDamping {
        if (!(penalty > 0)) throw new IllegalArgumentException("penalty must be positive");
        if (halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("half-life must be positive");
        if (!(reuse > 0 && reuse < suppress)) throw new IllegalArgumentException("need 0 < reuse < suppress");
        if (!(ceiling >= suppress)) throw new IllegalArgumentException("ceiling must be at least suppress");
    }

    /** The figure of merit at {@code now}, decayed from {@code p}; releases it below reuse. */
    Penalty decay(Penalty p, long now) {
        double elapsed = Math.max(0, now - p.at());
        double figure = p.figure() * Math.pow(0.5, elapsed / halfLife.toNanos());
        return new Penalty(figure, now, p.suppressed() && figure >= reuse);
    }

    /** One transition at {@code now}: decay, add the penalty, suppress above the threshold. */
    Penalty charge(Penalty p, long now) {
        Penalty decayed = decay(p, now);
        double figure = Math.min(decayed.figure() + penalty, ceiling);
        return new Penalty(figure, now, decayed.suppressed() || figure > suppress);
    }
}
