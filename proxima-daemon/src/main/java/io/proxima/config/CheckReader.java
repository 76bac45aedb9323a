package io.proxima.config;

import io.proxima.health.check.CheckSpec;
import io.proxima.health.check.Timing;
import io.proxima.health.engine.FlapDamping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one entry of a service's {@code checks}: a single key naming the kind (tcp, dns, …) with
 * the kind's parameters, beside the timing keys every kind shares.
 */
final class CheckReader {

    /** Check names appear in metrics, events and the API: no spaces, no quoting needed. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    private CheckReader() {}

    /** A check as read: its name (always), and its config when every key was valid. */
    record ReadCheck(String name, Node node, boolean optional, Optional<CheckConfig> config) { }

    /** The check's kind, or empty when it names none or several (reported). */
    static Optional<String> kind(Section s) {
        List<String> kinds = new ArrayList<>();
        for (String k : s.keys()) if (KnownKeys.CHECK_KINDS.contains(k)) kinds.add(k);
        if (kinds.size() > 1) {
            s.values().error(s.keyNode(kinds.get(1)), "a check has one kind, but this one has " + kinds.get(0) + " and " + kinds.get(1));
            return Optional.empty();
        }
        if (kinds.isEmpty()) {
            if (!s.hadUnknownKeys()) s.values().error(s.node(), "check has no kind: give one of " + String.join(", ", KnownKeys.CHECK_KINDS));
            return Optional.empty();
        }
        return Optional.of(kinds.getFirst());
    }

    /**
     * The check of kind {@code kind} in {@code s}, named {@code defaultName} unless it has a name.
     *
     * @param degradedWhen the service's {@code degraded.when} latency, for a check that sets no
     *                     degraded-latency of its own
     */
    static ReadCheck read(Section s, String kind, String defaultName, Optional<Located<Duration>> degradedWhen) {
        Values v = s.values();
        int before = v.problems().count();
        String name = s.get("name").flatMap(n -> v.word(n, "name").filter(w -> {
            boolean ok = NAME.matcher(w).matches() && w.length() <= Limits.MAX_CHECK_NAME;
            if (!ok) v.error(n, "check name '" + w + "' must be letters, digits and . _ / - (at most " + Limits.MAX_CHECK_NAME + ")");
            return ok;
        })).orElse(defaultName);
        Node nameNode = s.get("name").orElse(s.keyNode(kind));
        boolean optional = s.bool("optional").orElse(false);
        Optional<Timing> timing = timing(s, name, degradedWhen);
        FlapDamping damping = s.get("damping").flatMap(d -> damping(v, d)).orElse(Defaults.DAMPING);
        Optional<CheckSpec> spec = timing.flatMap(t -> CheckKinds.read(v, kind, s.keyNode(kind), s.get(kind).orElseThrow(), t));
        Optional<CheckConfig> config = v.problems().count() > before || spec.isEmpty() ? Optional.empty()
                : Optional.of(new CheckConfig(name, spec.get(), optional, damping));
        return new ReadCheck(name, nameNode, optional, config);
    }

    private static Optional<Timing> timing(Section s, String name, Optional<Located<Duration>> degradedWhen) {
        Values v = s.values();
        int before = v.problems().count();
        Duration interval = s.duration("interval", Limits.MIN_INTERVAL, Limits.MAX_INTERVAL).orElse(Defaults.INTERVAL);
        Duration timeout = s.duration("timeout", MIN_TIMEOUT, Limits.MAX_INTERVAL).orElse(Defaults.timeoutFor(interval));
        if (timeout.compareTo(interval) >= 0) {
            v.error(s.get("timeout").orElseGet(() -> s.get("interval").orElseThrow()), "timeout " + Values.format(timeout)
                    + " must be smaller than interval " + Values.format(interval));
        }
        int rise = s.int32("rise", 1, Limits.MAX_RISE_FALL).orElse(Defaults.RISE);
        int fall = s.int32("fall", 1, Limits.MAX_RISE_FALL).orElse(Defaults.FALL);
        Optional<Duration> fast = s.duration("fast-interval", Limits.MIN_FAST_INTERVAL, Limits.MAX_INTERVAL).filter(f -> {
            if (f.compareTo(interval) <= 0) return true;
            v.error(s.get("fast-interval").orElseThrow(), "fast-interval " + Values.format(f) + " must not be longer than interval " + Values.format(interval));
            return false;
        });
        Optional<Duration> degraded = s.duration("degraded-latency", MIN_TIMEOUT, Limits.MAX_INTERVAL).filter(d -> {
            if (d.compareTo(timeout) < 0) return true;
            v.error(s.get("degraded-latency").orElseThrow(), "degraded-latency " + Values.format(d) + " must be smaller than timeout "
                    + Values.format(timeout) + ": a probe that slow has timed out");
            return false;
        });
        if (!s.has("degraded-latency") && degradedWhen.isPresent()) {
            Located<Duration> when = degradedWhen.get();
            if (when.value().compareTo(timeout) >= 0) {
                v.error(when.node(), "degraded when latency > " + Values.format(when.value()) + " can never hold for check '" + name
                        + "': it times out at " + Values.format(timeout));
            } else {
                degraded = Optional.of(when.value());
            }
        }
        if (v.problems().count() > before) return Optional.empty();
        try {
            return Optional.of(new Timing(interval, timeout, rise, fall, fast, degraded));
        } catch (IllegalArgumentException e) {
            v.error(s.node(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<FlapDamping> damping(Values v, Node n) {
        Optional<Section> open = Section.open(v, n, "damping", "damping");
        if (open.isEmpty()) return Optional.empty();
        Section s = open.get();
        FlapDamping d = Defaults.DAMPING;
        Duration halfLife = s.duration("half-life", Limits.MIN_HALF_LIFE, Limits.MAX_HALF_LIFE).orElse(d.halfLife());
        long penalty = s.integer("penalty", 1, Limits.MAX_DAMPING_FIGURE).orElse((long) d.penalty());
        long suppress = s.integer("suppress", 1, Limits.MAX_DAMPING_FIGURE).orElse((long) d.suppress());
        long reuse = s.integer("reuse", 1, Limits.MAX_DAMPING_FIGURE).orElse((long) d.reuse());
        if (reuse >= suppress) {
            v.error(s.get("reuse").orElseGet(() -> s.get("suppress").orElse(n)), "damping reuse " + reuse + " must be below suppress " + suppress);
            return Optional.empty();
        }
        double ceiling = Math.max((double) reuse * Defaults.DAMPING_CEILING_PER_REUSE, suppress);
        try {
            return Optional.of(new FlapDamping(penalty, halfLife, suppress, reuse, ceiling));
        } catch (IllegalArgumentException e) {
            v.error(n, "damping: " + e.getMessage());
            return Optional.empty();
        }
    }
}
