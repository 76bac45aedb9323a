package io.proxima.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where JSON-lines events go: a file (appended), stdout, or both. */
public record EventLogConfig(Optional<Path> file, boolean stdout) {

    public static final EventLogConfig DEFAULT = new EventLogConfig(Optional.empty(), true);
}
