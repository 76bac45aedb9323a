package io.proxima.labkit;

import java.util.List;

/** What a finished command left behind: its exit code and both output streams. */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr) {

    public ExecResult {
        command = List.copyOf(command);
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** This result if the command exited 0, otherwise a {@link LabException} that shows all of it. */
    public ExecResult orThrow() {
        if (!ok()) throw new LabException(describe());
        return this;
    }

    String describe() {
        return String.join(" ", command) + " exited " + exitCode
                + (stdout.isBlank() ? "" : "\nstdout: " + stdout.strip())
                + (stderr.isBlank() ? "" : "\nstderr: " + stderr.strip());
    }
}
