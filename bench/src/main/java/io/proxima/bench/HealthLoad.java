package io.proxima.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The health engine benchmark of issue #4 (bench/health-10k.sh): TCP checks of a local listener at
 * 10,000 checks per second, sustained. For each scenario ({@code CHECKS@INTERVAL}) it starts a
 * {@link HealthLoadRun} JVM, which runs the checks through the real engine, and prints one table
 * row: the probe rate achieved, the scheduling jitter (a probe's actual start on its launcher thread
 * minus the start the engine planned), the CPU and memory of that JVM, and the goals of issue #4.
 * The listener, a {@link LoopbackAcceptor}, runs in this JVM so that it is not counted.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.proxima.bench.HealthLoad [--duration 60s] [--warmup 30s] [--ports N] [--baseline]
 *        [CHECKS@INTERVAL ...]
 * </pre>
 * {@code --ports} spreads the checks over N listening ports; {@code --baseline} follows each
 * scenario with the same connects from a bare loop ({@link BareConnectLoad}), the floor.
 * Scenarios default to {@code 10000@1s 1000@100ms}; each probe's timeout is half its interval.
 * The warm-up (checks splaying in and rising) is not measured; the window after it is.
 */
public final class HealthLoad {

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    /**
     * Long enough for the JIT and the start-up burst: on the 2-core test machine C2 still takes most
     * of a core 15 s in, and the jitter settles about 30 s after start.
     */
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(30);
    static final List<String> DEFAULT_SCENARIOS = List.of("10000@1s", "1000@100ms");
    static final int DEFAULT_PORTS = 1;
    /** Issue #4's goals. */
    static final Duration GOAL_P99_JITTER = Duration.ofMillis(5);
    static final double GOAL_CORES = 1.0;
    private static final Pattern SCENARIO = Pattern.compile("(\\d+)@(\\d+(?:ms|s|m))");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /** {@code bare}: the connect loop without the engine ({@link BareConnectLoad}), for comparison. */
    record Scenario(int checks, Duration interval, boolean bare) {
        Duration timeout() {
            return interval.dividedBy(2);
        }

        double targetRate() {
            return checks * 1e9 / interval.toNanos();
        }

        String label() {
            return String.format(Locale.ROOT, "%,d", checks) + (bare ? " (bare connect loop)" : "");
        }
    }

    private HealthLoad() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = DEFAULT_DURATION;
        Duration warmup = DEFAULT_WARMUP;
        int ports = DEFAULT_PORTS;
        boolean baseline = false;
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--duration" -> duration = duration(args[++i]);
                case "--warmup" -> warmup = duration(args[++i]);
                case "--ports" -> ports = Integer.parseInt(args[++i]);
                case "--baseline" -> baseline = true;
                default -> scenarios.add(scenario(args[i]));
            }
        }
        if (scenarios.isEmpty()) DEFAULT_SCENARIOS.forEach(s -> scenarios.add(scenario(s)));
        if (baseline) {
            for (int i = scenarios.size() - 1; i >= 0; i--) {
                Scenario s = scenarios.get(i);
                scenarios.add(i + 1, new Scenario(s.checks(), s.interval(), true));
            }
        }
        List<Map<String, String>> results = new ArrayList<>();
        try (LoopbackAcceptor listener = LoopbackAcceptor.start(ports)) {
            for (Scenario s : scenarios) {
                AnnounceBenchmark.log("%s TCP checks every %s of 127.0.0.1 (ports %s): %,.0f probes/s; %d s warm-up, then %d s measured;"
                                + " load average before: %s", s.label(), text(s.interval()), listener.ports(), s.targetRate(), warmup.toSeconds(),
                        duration.toSeconds(), loadAverage());
                long acceptedBefore = listener.accepted();
                Map<String, String> r = run(s, listener.ports(), warmup, duration);
                AnnounceBenchmark.log("  listener accepted %,d connections during the run", listener.accepted() - acceptedBefore);
                results.add(r);
            }
        }
        print(scenarios, results, duration);
    }

    static Map<String, String> run(Scenario s, List<Integer> ports, Duration warmup, Duration window) throws Exception {
        String portList = String.join(",", ports.stream().map(String::valueOf).toList());
        String[] command = JavaChild.command(HealthLoadRun.class, List.of(), s.bare() ? HealthLoadRun.BARE : "engine",
                portList, Integer.toString(s.checks()),
                Long.toString(s.interval().toNanos()), Long.toString(s.timeout().toNanos()),
                Long.toString(warmup.toNanos()), Long.toString(window.toNanos()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(HealthLoadRun.RESULT + " ")) result = fields(line);
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) throw new IllegalStateException("scenario " + s + " failed: exit " + exit);
        return result;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : line.substring(HealthLoadRun.RESULT.length() + 1).split(" ")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    private static void print(List<Scenario> scenarios, List<Map<String, String>> results, Duration window) {
        System.out.println("| checks | interval (timeout) | target probes/s | achieved probes/s | failed probes | jitter p50 | jitter p99 | jitter max"
                + " | CPU, cores | heap after GC / max seen, MB | RSS, MB | p99 ≤ 5 ms | CPU < 1 core |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Map<String, String> r = results.get(i);
            double seconds = d(r, "seconds");
            double p99 = d(r, "p99us") / 1000;
            double cores = d(r, "cpuCores");
            System.out.printf(Locale.ROOT, "| %s | %s (%s) | %,.0f | %,.0f | %s | %s | %s | %s | %.2f | %.0f / %.0f | %.0f | %s | %s |%n",
                    s.label(), text(s.interval()), text(s.timeout()), s.targetRate(), d(r, "probes") / seconds,
                    r.get("fails"), ms(d(r, "p50us")), ms(d(r, "p99us")), ms(d(r, "maxus")), cores,
                    d(r, "heapAfterGcMb"), d(r, "heapMaxMb"), d(r, "rssMb"),
                    p99 <= GOAL_P99_JITTER.toMillis() ? "pass" : "**fail**", cores < GOAL_CORES ? "pass" : "**fail**");
        }
        System.out.println();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Map<String, String> r = results.get(i);
            System.out.printf(Locale.ROOT, "%s @ %s: %.0f s measured; jitter p99.9 %s; CPU: kernel %.2f cores, %s thread %.2f; %s GCs, %s ms; %,.0f bytes allocated per probe;"
                            + " peak RSS %.0f MB; failures: %s%n",
                    s.label(), text(s.interval()), d(r, "seconds"), ms(d(r, "p999us")), d(r, "kernelCores"), s.bare() ? "pacing" : "scheduler", d(r, "schedulerCores"),
                    r.get("gcCount"), r.get("gcMs"), d(r, "allocBytesPerProbe"), d(r, "peakRssMb"), r.get("failReasons").replace('_', ' '));
        }
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, JVM options %s; window %d s per scenario.%n",
                Versions.java(), Runtime.getRuntime().availableProcessors(), JavaChild.options(), window.toSeconds());
    }

    /** The 1-minute load average (proc(5)), to tell a quiet machine from a shared one in the log. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double d(Map<String, String> r, String key) {
        return Double.parseDouble(r.get(key));
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.0f ms", micros / 1000);
    }

    static Scenario scenario(String text) {
        Matcher m = SCENARIO.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("scenario " + text + ": expected CHECKS@INTERVAL, e.g. 10000@1s");
        return new Scenario(Integer.parseInt(m.group(1)), duration(m.group(2)), false);
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("duration " + text + ": expected e.g. 500ms, 60s or 2m");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
