package io.proxima.health.check;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Pass while {@code path} exists ({@code passWhenPresent}), or while it does not (a maintenance
 * "drain" file).
 */
public record FileCheck(Path path, boolean passWhenPresent, Timing timing) implements CheckSpec {

    public FileCheck {
        Objects.requireNonNull(path, "file: path is required");
        Validation.timing("file", timing);
    }
}
