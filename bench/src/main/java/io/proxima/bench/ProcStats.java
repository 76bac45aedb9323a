package io.proxima.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time and memory of a running process, read from {@code /proc/PID/stat} and
 * {@code /proc/PID/status} (proc(5)). CPU counts every thread (user + system): the JVM's GC and JIT
 * threads, bgpd's I/O pthreads, the Go runtime's. Peak RSS is the kernel's high-water mark, VmHWM.
 *
 * @param cpuSeconds utime + stime, in seconds (clock-tick resolution, 10 ms with CLK_TCK 100)
 * @param systemSeconds stime alone: the kernel's work for the process (syscalls, and the network
 *                   stack's work done in its context)
 * @param peakRssKb  VmHWM
 * @param rssKb      VmRSS now
 */
record ProcStats(double cpuSeconds, double systemSeconds, long peakRssKb, long rssKb) {

    /** sysconf(_SC_CLK_TCK): 100 on every Linux/x86-64 kernel since 2.6; the unit of utime and stime. */
    static final double CLOCK_TICKS_PER_SECOND = 100.0;
    /** Fields 14 and 15 of /proc/PID/stat (1-based), counted after the ")" that ends comm. */
    private static final int UTIME_AFTER_COMM = 11;
    private static final int STIME_AFTER_COMM = 12;

    static ProcStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // comm may contain spaces and parentheses: the fields start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long stime = Long.parseLong(f[STIME_AFTER_COMM]);
            double cpu = (Long.parseLong(f[UTIME_AFTER_COMM]) + stime) / CLOCK_TICKS_PER_SECOND;
            long hwm = 0, rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) hwm = kb(line);
                else if (line.startsWith("VmRSS:")) rss = kb(line);
            }
            return new ProcStats(cpu, stime / CLOCK_TICKS_PER_SECOND, hwm, rss);
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /**
     * Waits until the process has used less than {@code idleShare} of one CPU over a whole
     * {@code window}, or until {@code limit}: for daemons that keep working (best-path runs, update
     * groups, GC) after the last route is counted. Returns the stats at that point.
     */
    static ProcStats whenIdle(long pid, Duration window, double idleShare, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        ProcStats last = of(pid);
        while (System.nanoTime() < end) {
            Thread.sleep(window);
            ProcStats now = of(pid);
            boolean idle = now.cpuSeconds - last.cpuSeconds < idleShare * window.toMillis() / 1000.0;
            last = now;
            if (idle) break;
        }
        return last;
    }

    double peakRssMb() {
        return peakRssKb / 1024.0;
    }
}
