package io.proxima.labkit;

import java.nio.file.Path;

/**
 * A daemon the lab started in the foreground inside a namespace. Its PID is the daemon's own (not a
 * wrapper's), so the signals below reach it.
 */
public interface Daemon {

    /** The namespace it runs in. */
    Netns netns();

    /** PID of the main process (FRR: bgpd). */
    long pid();

    boolean alive();

    /** Its directory: config, control socket, pid file, log. */
    Path dir();

    /** Where its stdout and stderr go. */
    Path log();

    /** SIGSTOP: keeps its TCP sessions open but silent, so peers see their hold timer expire. */
    void freeze();

    /** SIGCONT after {@link #freeze()}. */
    void thaw();

    /** SIGTERM, wait, SIGKILL if it does not exit. Idempotent. */
    void stop();
}
