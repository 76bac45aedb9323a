package io.proxima.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The repetitions of one figure: median and range, as the benchmark tables print them. */
final class Samples {

    private final List<Double> values = new ArrayList<>();
    /** Repetitions that did not produce a value (timeout, session failure), with why. */
    private final List<String> failures = new ArrayList<>();

    void add(double v) {
        values.add(v);
    }

    void fail(String why) {
        failures.add(why);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int count() {
        return values.size();
    }

    double median() {
        if (values.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "0.412 (0.398–0.431)" with the given decimals, or "—" without values. */
    String format(int decimals) {
        if (values.isEmpty()) return "—";
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median(), min(), max());
    }

    /** All values in run order, for the raw-data line under a table. */
    String raw(int decimals) {
        List<String> s = new ArrayList<>();
        for (double v : values) s.add(String.format(Locale.ROOT, "%." + decimals + "f", v));
        return String.join(" ", s);
    }

    /** This median over {@code base}'s, "—" if either is missing. */
    String ratioTo(Samples base) {
        if (isEmpty() || base.isEmpty() || base.median() == 0) return "—";
        return String.format(Locale.ROOT, "%.2f", median() / base.median());
    }
}
