package io.proxima.daemon;

import java.util.Locale;

/**
 * The Prometheus text exposition format, version 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
 * a {@code # HELP} and a {@code # TYPE} line per metric family, then one sample per line,
 * {@code name{label="value",...} number}. A few dozen series do not need a metrics library; writing
 * them by hand keeps Micrometer's and the Prometheus client's classes out of the daemon's memory.
 */
final class PrometheusText {

    private final StringBuilder out = new StringBuilder();

    /** Starts a metric family. */
    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ');
        escape(help, false);
        out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /**
     * One sample.
     *
     * @param labels name, value pairs, in the order they should appear
     */
    PrometheusText sample(String name, double value, String... labels) {
        if (labels.length % 2 != 0) throw new IllegalArgumentException("labels come in name, value pairs");
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) out.append(',');
                out.append(labels[i]).append("=\"");
                escape(labels[i + 1], true);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** Integers as integers ({@code 1}, not {@code 1.0}); the rest as Go's ParseFloat reads them. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    // "label_value can be any sequence of UTF-8 characters, but the backslash (\), double-quote ("),
    // and line feed (\n) characters have to be escaped"; in HELP only backslash and line feed.
    private void escape(String s, boolean quotes) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quotes ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
