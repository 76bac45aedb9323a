package io.proxima.bgp.rib;

import io.proxima.bgp.wire.Prefix;

/**
 * The best path for a prefix changed: a new best, different attributes on the same best, or no
 * path left ({@code best} null). A router-mode speaker re-advertises from these; a demo reads them
 * as forwarding decisions.
 */
public record BestChange(Prefix prefix, Path previous, Path best) {

    public boolean isWithdrawal() {
        return best == null;
    }

    @Override
    public String toString() {
        return prefix + ": " + (best == null ? "unreachable" : "best " + best) + (previous == null ? " (new)" : "");
    }
}
