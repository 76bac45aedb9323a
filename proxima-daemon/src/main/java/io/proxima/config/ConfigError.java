package io.proxima.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a configuration, where it is: the form editors and compilers use, so a
 * terminal or an editor can jump to it.
 *
 * @param file    the file, as named to the loader
 * @param line    1-based; 0 when the error concerns the whole file (it cannot be read)
 * @param col     1-based; 0 with line 0
 * @param message what is wrong, and where possible what to write instead
 */
public record ConfigError(Path file, int line, int col, String message) implements Comparable<ConfigError> {

    /** The line number of an error about the whole file. */
    public static final int WHOLE_FILE = 0;

    private static final Comparator<ConfigError> ORDER =
            Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::col);

    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0 || col < 0) throw new IllegalArgumentException("line and col are 1-based, or 0 for the whole file");
    }

    /** {@code file:line:col: message}, or {@code file: message} for the whole file. */
    @Override
    public String toString() {
        return line == WHOLE_FILE ? file + ": " + message : file + ":" + line + ":" + col + ": " + message;
    }

    /** By position in the file: the order a reader meets them. */
    @Override
    public int compareTo(ConfigError o) {
        return ORDER.compare(this, o);
    }
}
