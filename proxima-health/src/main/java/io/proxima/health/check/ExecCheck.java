package io.proxima.health.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Run {@code argv} directly (no shell) and pass on exit status 0.
 *
 * @param envAllowList names of this process's environment variables the command sees; all others
 *                     are removed
 * @param workingDir   the command's working directory, if set
 */
public record ExecCheck(List<String> argv, Set<String> envAllowList, Optional<Path> workingDir, Timing timing)
        implements CheckSpec {

    public ExecCheck {
        argv = List.copyOf(Objects.requireNonNull(argv, "exec: argv is required"));
        if (argv.isEmpty() || argv.getFirst().isBlank()) throw new IllegalArgumentException("exec: argv must name a program");
        envAllowList = Set.copyOf(Objects.requireNonNull(envAllowList, "exec: env allow-list is required (may be empty)"));
        Objects.requireNonNull(workingDir, "exec: workingDir must be an Optional");
        Validation.timing("exec", timing);
    }
}
