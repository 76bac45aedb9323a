package io.proxima.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which services an operator drained, kept in {@code <state-dir>/drained} (one service name per
 * line) so that a drained node that restarts stays drained until {@code undrain} (DESIGN.md
 * safety rule 5). Written atomically: a crash mid-write leaves the old file or the new one.
 */
public final class DrainStore {

    public static final String FILE = "drained";

    private final Path file;

    public DrainStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The drained services; none when the file does not exist. */
    public Set<String> load() throws IOException {
        Set<String> out = new TreeSet<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) out.add(name);
        }
        return out;
    }

    public void save(Set<String> drained) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        StringBuilder sb = new StringBuilder("# services drained by proxima drain; removed by proxima undrain\n");
        for (String s : new TreeSet<>(drained)) sb.append(s).append('\n');
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
