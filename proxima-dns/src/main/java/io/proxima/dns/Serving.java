package io.proxima.dns;

/**
 * What the handlers answer from, as one immutable value: swapped whole when the responder is
 * reconfigured, so a query sees the old configuration or the new one, never a mix.
 *
 * @param limiter null when responses are not rate-limited
 */
record Serving(ResponderConfig config, Lookup lookup, OptRecords opt, ResponseRateLimiter limiter) {

    /** Builds everything for {@code config}; keeps {@code previous}'s limiter (and its buckets) if the limit is unchanged. */
    static Serving of(ResponderConfig config, Serving previous) {
        ResponseRateLimiter limiter = null;
        if (config.rateLimit().isPresent()) {
            boolean same = previous != null && previous.limiter() != null && previous.config().rateLimit().equals(config.rateLimit());
            limiter = same ? previous.limiter() : new ResponseRateLimiter(config.rateLimit().get(), System::nanoTime);
        }
        return new Serving(config, new Lookup(config), new OptRecords(config.nsid()), limiter);
    }
}
