package io.proxima.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code proxima probe} writes what it found: one line per event and a summary as text, or one
 * JSON object (as maps and lists, for Jackson). Field names of the JSON are stable (docs/cli.md).
 */
final class ProbeReport {

    /** UTC with milliseconds, always three digits: lines line up and sort as text. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final double NANOS_PER_MILLI = 1e6;

    private ProbeReport() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static double millis(long nanos) {
        return Math.round(nanos / NANOS_PER_MILLI * 1000) / 1000.0;
    }

    static String ms(long nanos) {
        double m = nanos / NANOS_PER_MILLI;
        return m >= 100 ? String.format(Locale.ROOT, "%.0f ms", m) : String.format(Locale.ROOT, "%.1f ms", m);
    }

    static String line(ProbeEvent e) {
        return switch (e) {
            case ProbeEvent.First f -> time(f.at()) + "  " + f.instance() + " answers"
                    + (f.lostBefore() > 0 ? " (after " + lost(f.lostBefore()) + ")" : "");
            case ProbeEvent.Change c -> time(c.at()) + "  " + c.from() + " \u2192 " + c.to() + "  gap " + ms(c.gapNanos()) + ", " + lost(c.lost());
            case ProbeEvent.Resumed r -> time(r.at()) + "  " + r.instance() + " again  gap " + ms(r.gapNanos()) + ", " + lost(r.lost());
        };
    }

    static String verbose(ProbeOutcome o) {
        return time(o.sentAt()) + "  #" + o.seq() + "  " + o.instance().map(i -> i + "  " + ms(o.rttNanos())).orElse("lost");
    }

    private static String lost(long n) {
        return n + (n == 1 ? " probe lost" : " probes lost");
    }

    static List<String> summary(ProbeSummary s) {
        List<String> lines = new ArrayList<>();
        lines.add("--- summary ---");
        lines.add(String.format(Locale.ROOT, "%d probes, %d answered, %d lost (%.1f%%)", s.sent(), s.answered(), s.lost(),
                s.sent() == 0 ? 0.0 : 100.0 * s.lost() / s.sent()));
        StringBuilder inst = new StringBuilder("instances:");
        if (s.instances().isEmpty()) inst.append(" none");
        for (ProbeSummary.InstanceShare i : s.instances()) {
            inst.append(String.format(Locale.ROOT, " %s %d (%.1f%%)", i.name(), i.answers(), 100 * i.share()));
        }
        lines.add(inst.toString());
        lines.add(s.changes().size() + (s.changes().size() == 1 ? " change" : " changes") + ", longest gap " + ms(s.longestGapNanos())
                + (s.unansweredAtEnd() > 0 && s.answered() > 0 ? ", no answer to the last " + s.unansweredAtEnd() : ""));
        if (s.answered() > 0) lines.add("rtt p50 " + ms(s.rttP50Nanos()) + ", p99 " + ms(s.rttP99Nanos()));
        return lines;
    }

    /** The run as one JSON object. {@code probes} is null unless every outcome was kept (--verbose). */
    static Map<String, Object> json(String target, int port, String method, java.time.Duration interval, java.time.Duration timeout,
                                    ProbeSummary s, List<ProbeOutcome> probes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("port", port);
        m.put("method", method);
        m.put("interval_ms", millis(interval.toNanos()));
        m.put("timeout_ms", millis(timeout.toNanos()));
        m.put("sent", s.sent());
        m.put("answered", s.answered());
        m.put("lost", s.lost());
        List<Map<String, Object>> instances = new ArrayList<>();
        for (ProbeSummary.InstanceShare i : s.instances()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", i.name());
            e.put("answers", i.answers());
            e.put("share", Math.round(i.share() * 10_000) / 10_000.0);
            instances.add(e);
        }
        m.put("instances", instances);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ProbeEvent.Change c : s.changes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", time(c.at()));
            e.put("from", c.from());
            e.put("to", c.to());
            e.put("gap_ms", millis(c.gapNanos()));
            e.put("lost", c.lost());
            changes.add(e);
        }
        m.put("changes", changes);
        List<Map<String, Object>> outages = new ArrayList<>();
        for (ProbeEvent.Resumed r : s.outages()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", time(r.at()));
            e.put("instance", r.instance());
            e.put("gap_ms", millis(r.gapNanos()));
            e.put("lost", r.lost());
            outages.add(e);
        }
        m.put("outages", outages);
        m.put("longest_gap_ms", millis(s.longestGapNanos()));
        Map<String, Object> rtt = new LinkedHashMap<>();
        rtt.put("p50", millis(s.rttP50Nanos()));
        rtt.put("p99", millis(s.rttP99Nanos()));
        m.put("rtt_ms", rtt);
        m.put("unanswered_at_end", s.unansweredAtEnd());
        if (probes != null) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (ProbeOutcome o : probes) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("seq", o.seq());
                e.put("sent", time(o.sentAt()));
                e.put("instance", o.instance().orElse(null));
                e.put("rtt_ms", o.isLost() ? null : millis(o.rttNanos()));
                all.add(e);
            }
            m.put("probes", all);
        }
        return m;
    }
}
