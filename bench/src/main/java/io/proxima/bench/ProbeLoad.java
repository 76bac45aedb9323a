package io.proxima.bench;

/**
 * What one health-10k.sh scenario runs: the engine ({@link EngineLoad}), or the bare connect loop it
 * is compared with. Each takes the sink for every probe's lateness when it is made, and keeps it:
 * swapping the sink at the start of the window would deoptimize the hot path just then.
 */
interface ProbeLoad extends AutoCloseable {

    /** The thread that plans the probes, whose CPU is reported on its own. */
    String schedulerThread();

    /** Counts probe results from now on ({@code true}) or stops counting. */
    void counting(boolean on);

    /** Passed probes while counting. */
    long passes();

    /** Failed probes while counting. */
    long fails();

    /** The commonest failure reasons while counting, "reason:count,…", or "-". */
    String failReasons();

    /** How the warm-up went, for the progress log. */
    String warmedUp();

    @Override
    void close();
}
