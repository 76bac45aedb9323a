package io.proxima.lab;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete lines a child process has appended to its log since the last call, read while it
 * runs; a line still being written waits for its newline. Not thread-safe: its owner synchronizes.
 */
final class LogTail {

    private final Path log;
    private long readOffset;
    private final StringBuilder partial = new StringBuilder();

    LogTail(Path log) {
        this.log = log;
    }

    /** The new complete lines, in order; none if the log does not exist yet. */
    List<String> newLines() {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long len = f.length();
            if (len <= readOffset) return List.of();
            byte[] b = new byte[(int) (len - readOffset)];
            f.seek(readOffset);
            f.readFully(b);
            readOffset = len;
            partial.append(new String(b, StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            lines.add(partial.substring(0, nl));
            partial.delete(0, nl + 1);
        }
        return lines;
    }
}
