package io.proxima.labkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals by PID. {@link ProcessHandle} can only TERM and KILL; freezing a daemon to simulate a
 * silent peer needs STOP and CONT, so this shells out to kill(1).
 */
final class Signals {

    private Signals() {
    }

    /** Sends SIG{@code name} to {@code pid}; false if the process was already gone. */
    static boolean send(long pid, String name) {
        return Exec.run(List.of("kill", "-" + name, Long.toString(pid))).ok();
    }

    /** Sends SIG{@code name} to every one of {@code pids} with one kill(1); those already gone are skipped by kill(1). */
    static void sendAll(List<Long> pids, String name) {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + name));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        Exec.run(cmd);
    }

    /**
     * The one-letter state from /proc/PID/stat (R, S, D, T = stopped, Z, …), or "" when there is no
     * such process. The command name in field 2 may hold spaces and parentheses, hence lastIndexOf.
     */
    static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() ? "" : stat.substring(end + 2, end + 3);
        } catch (IOException e) {
            return "";
        }
    }

    static boolean alive(long pid) {
        String s = state(pid);
        return !s.isEmpty() && !s.equals("Z") && !s.equals("X");
    }
}
