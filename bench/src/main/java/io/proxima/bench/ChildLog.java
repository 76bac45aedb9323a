package io.proxima.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the {@code KEYWORD <number>} lines that the bench's child JVMs ({@link ProximaAnnouncer},
 * {@link ProximaReceiver}) print to their log file.
 */
final class ChildLog {

    private ChildLog() {
    }

    /** The number after the first line starting with {@code keyword + " "}, or null if there is none yet. */
    static Long firstValue(Path log, String keyword) {
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(keyword + " ")) return Long.parseLong(line.substring(keyword.length() + 1).strip().split("\\s+")[0]);
            }
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last line that starts with one of {@code keywords} and a space, or null. */
    static String lastLine(Path log, String... keywords) {
        try {
            String last = null;
            for (String line : Files.readAllLines(log)) {
                for (String k : keywords) if (line.startsWith(k + " ")) last = line;
            }
            return last;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line starting with {@code keyword + " "}, or null. */
    static String firstLine(Path log, String keyword) {
        try {
            for (String line : Files.readAllLines(log)) if (line.startsWith(keyword + " ")) return line;
            return null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
