package io.proxima.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The errors found so far in one file. Readers report here and go on, so one run of the loader
 * finds every error, not just the first.
 */
final class Problems {

    private final Path file;
    private final Set<ConfigError> errors = new LinkedHashSet<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        if (mark == null) {
            wholeFile(message);
        } else {
            errors.add(new ConfigError(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    void wholeFile(String message) {
        errors.add(new ConfigError(file, ConfigError.WHOLE_FILE, 0, message));
    }

    int count() {
        return errors.size();
    }

    boolean any() {
        return !errors.isEmpty();
    }

    /** Every error, in file order; the same error reported twice appears once. */
    List<ConfigError> sorted() {
        List<ConfigError> list = new ArrayList<>(errors);
        list.sort(null);
        return list;
    }
}
