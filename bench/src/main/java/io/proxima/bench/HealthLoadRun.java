package io.proxima.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One scenario of health-10k.sh, in a JVM of its own so that its CPU and memory are the engine's
 * alone: {@code checks} TCP checks of the listener at 127.0.0.1, spread over its ports, through the
 * engine as the daemon wires it ({@link EngineLoad}). After the warm-up it measures for
 * {@code window}: each probe's lateness, the probe results, CPU, GC and memory, and prints them as
 * one {@code RESULT} line of {@code key=value} pairs on stdout; progress goes to stderr. In mode
 * {@value #BARE} it runs {@link BareConnectLoad} instead, the floor the engine is compared with.
 *
 * <pre>
 *   HealthLoadRun engine|bare PORT[,PORT...] CHECKS INTERVAL_NS TIMEOUT_NS WARMUP_NS WINDOW_NS
 * </pre>
 */
public final class HealthLoadRun {

    static final String RESULT = "RESULT";
    /** The mode argument for the bare connect loop; anything else runs the engine. */
    static final String BARE = "bare";
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Heap use is sampled this often during the window, for its maximum. */
    static final Duration HEAP_SAMPLE_EVERY = Duration.ofMillis(50);

    private HealthLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<Integer> ports = Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList();
        int count = Integer.parseInt(args[2]);
        Duration interval = Duration.ofNanos(Long.parseLong(args[3]));
        Duration timeout = Duration.ofNanos(Long.parseLong(args[4]));
        Duration warmup = Duration.ofNanos(Long.parseLong(args[5]));
        Duration window = Duration.ofNanos(Long.parseLong(args[6]));
        Recorder recorder = new Recorder();
        try (ProbeLoad load = mode.equals(BARE) ? new BareConnectLoad(ports, count, interval, timeout, recorder)
                : new EngineLoad(ports, count, interval, timeout, recorder)) {
            Thread.sleep(warmup);
            AnnounceBenchmark.log("  warm-up: %s", load.warmedUp());
            long schedulerThread = threadId(load.schedulerThread());
            LatenessHistogram jitter = new LatenessHistogram();
            Usage before = Usage.now(schedulerThread);
            load.counting(true);
            recorder.start(jitter);
            long heapMax = watch(window, recorder, before, schedulerThread);
            recorder.stop();
            load.counting(false);
            Usage after = Usage.now(schedulerThread);
            System.gc();
            long heapAfterGc = heapUsed();
            ProcStats proc = ProcStats.of(ProcessHandle.current().pid());
            double seconds = (after.wallNanos - before.wallNanos) / 1e9;
            Map<String, String> r = new LinkedHashMap<>();
            r.put("probes", Long.toString(jitter.count()));
            r.put("seconds", fmt(seconds));
            r.put("passes", Long.toString(load.passes()));
            r.put("fails", Long.toString(load.fails()));
            r.put("p50us", Long.toString(jitter.percentileNanos(0.50) / 1000));
            r.put("p99us", Long.toString(jitter.percentileNanos(0.99) / 1000));
            r.put("p999us", Long.toString(jitter.percentileNanos(0.999) / 1000));
            r.put("maxus", Long.toString(jitter.maxNanos() / 1000));
            r.put("cpuCores", fmt((after.cpuNanos - before.cpuNanos) / 1e9 / seconds));
            r.put("kernelCores", fmt((after.systemSeconds - before.systemSeconds) / seconds));
            r.put("schedulerCores", fmt((after.schedulerCpuNanos - before.schedulerCpuNanos) / 1e9 / seconds));
            r.put("gcCount", Long.toString(after.gcCount - before.gcCount));
            r.put("gcMs", Long.toString(after.gcMillis - before.gcMillis));
            r.put("allocBytesPerProbe", fmt((after.allocatedBytes - before.allocatedBytes) / (double) Math.max(1, jitter.count())));
            r.put("heapAfterGcMb", fmt(heapAfterGc / 1048576.0));
            r.put("heapMaxMb", fmt(heapMax / 1048576.0));
            r.put("rssMb", fmt(proc.rssKb() / 1024.0));
            r.put("peakRssMb", fmt(proc.peakRssMb()));
            r.put("failReasons", load.failReasons().replace(' ', '_'));
            StringBuilder line = new StringBuilder(RESULT);
            r.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            System.out.println(line);
        }
    }

    /**
     * Sleeps through the window, sampling the heap and printing the figures of each
     * {@link #PROGRESS_EVERY} (from the recorder's recent histogram, which it renews); returns the
     * largest heap use seen.
     */
    private static long watch(Duration window, Recorder recorder, Usage start, long schedulerThread)
            throws InterruptedException {
        long end = start.wallNanos + window.toNanos();
        long nextProgress = start.wallNanos + PROGRESS_EVERY.toNanos();
        Usage last = start;
        long heapMax = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) return heapMax;
            heapMax = Math.max(heapMax, heapUsed());
            if (now >= nextProgress) {
                Usage u = Usage.now(schedulerThread);
                LatenessHistogram h = recorder.renew();
                double s = (u.wallNanos - last.wallNanos) / 1e9;
                AnnounceBenchmark.log("  %3.0f s: %,.0f probes/s, jitter p50 %.2f ms, p99 %.2f ms, max %.1f ms; CPU %.2f cores (kernel %.2f,"
                                + " planning thread %.2f); %d GCs",
                        (u.wallNanos - start.wallNanos) / 1e9, h.count() / s, h.percentileNanos(0.5) / 1e6, h.percentileNanos(0.99) / 1e6,
                        h.maxNanos() / 1e6, (u.cpuNanos - last.cpuNanos) / 1e9 / s, (u.systemSeconds - last.systemSeconds) / s,
                        (u.schedulerCpuNanos - last.schedulerCpuNanos) / 1e9 / s, u.gcCount - last.gcCount);
                last = u;
                nextProgress += PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(Math.min(HEAP_SAMPLE_EVERY.toMillis(), Math.max(1, (end - now) / 1_000_000)));
        }
    }

    private static long threadId(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) return t.threadId();
        }
        throw new IllegalStateException("no thread " + name);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * The lateness sink, in place from the start: records nothing until {@link #start}, then into the
     * window's histogram and into the recent one that the progress log renews.
     */
    private static final class Recorder implements LongConsumer {
        private volatile LatenessHistogram window;
        private volatile LatenessHistogram recent = new LatenessHistogram();

        @Override
        public void accept(long late) {
            LatenessHistogram w = window;
            if (w == null) return;
            w.record(late);
            recent.record(late);
        }

        void start(LatenessHistogram into) {
            window = into;
        }

        void stop() {
            window = null;
        }

        /** The recent histogram, replaced by an empty one. */
        LatenessHistogram renew() {
            LatenessHistogram h = recent;
            recent = new LatenessHistogram();
            return h;
        }
    }

    /** CPU, GC and wall time at one moment. */
    private record Usage(long wallNanos, long cpuNanos, double systemSeconds, long schedulerCpuNanos, long gcCount, long gcMillis,
                         long allocatedBytes) {
        static Usage now(long schedulerThread) {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long gcCount = 0, gcMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            // Virtual threads allocate on their carriers, platform threads that this total includes.
            long allocated = ((com.sun.management.ThreadMXBean) threads).getTotalThreadAllocatedBytes();
            return new Usage(System.nanoTime(), os.getProcessCpuTime(), ProcStats.of(ProcessHandle.current().pid()).systemSeconds(),
                    threads.getThreadCpuTime(schedulerThread), gcCount, gcMillis, allocated);
        }
    }
}
