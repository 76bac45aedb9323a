package io.proxima.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML config into a {@link ProximaConfig}, or into every error it holds, each with its
 * line and column. The YAML is composed into SnakeYAML's node tree, which keeps each value's
 * position and the text as written, and read section by section; a reader that finds an error
 * reports it and goes on, and the checks across sections (a prefix in two services, a dependency
 * cycle, a peer without the next hop a service needs) run on whatever could be read.
 *
 * <p>Relative paths in the config (password files, the state directory, …) are relative to the
 * directory of the config file.
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /**
     * What loading gives: a config that can run, or every error found in it, never both. A config
     * with any error is never run, so there is no "config with warnings". Switch over
     * {@link Valid} and {@link Invalid}, or ask {@link #ok()}.
     */
    public sealed interface Loaded {

        /** Whether the file is valid. */
        default boolean ok() {
            return this instanceof Valid;
        }

        /** The config; only a {@link Valid} has one. */
        default ProximaConfig config() {
            throw new IllegalStateException("an invalid config has no ProximaConfig; see errors()");
        }

        /** Every error, in file order; empty for a {@link Valid}. */
        default List<ConfigError> errors() {
            return List.of();
        }

        /** The file is valid; {@code config} is what {@code proxima run} runs. */
        record Valid(ProximaConfig config) implements Loaded {
            public Valid {
                Objects.requireNonNull(config, "config");
            }
        }

        /** The file is not valid; {@code errors} is non-empty and in file order. */
        record Invalid(List<ConfigError> errors) implements Loaded {
            public Invalid {
                errors = List.copyOf(errors);
                if (errors.isEmpty()) throw new IllegalArgumentException("an invalid config has at least one error");
            }
        }
    }

    /** Reads and validates {@code file}. */
    public static Loaded load(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) return wholeFile(file, "is a directory, not a config file");
            if (Files.size(file) > Limits.MAX_FILE_CHARS) return wholeFile(file, "is larger than " + (Limits.MAX_FILE_CHARS >> 20) + " MiB: not a config");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return wholeFile(file, "no such file");
        } catch (CharacterCodingException e) {
            return wholeFile(file, "is not UTF-8 text");
        } catch (IOException e) {
            return wholeFile(file, "cannot be read: " + e.getMessage());
        }
        return parse(text, file);
    }

    /**
     * Validates {@code yaml}; {@code nameForMessages} names it in errors and in
     * {@link ProximaConfig#source()}, and its directory is where relative paths start.
     */
    public static Loaded parse(String yaml, Path nameForMessages) {
        Problems problems = new Problems(nameForMessages);
        Path parent = nameForMessages.toAbsolutePath().getParent();
        Values values = new Values(problems, parent != null ? parent : Path.of("").toAbsolutePath());
        Node root = compose(yaml, problems);
        if (root == null && !problems.any()) problems.wholeFile("is empty: a config needs router-id, local-as, peers and services");
        if (problems.any()) return new Loaded.Invalid(problems.sorted());
        return ConfigReader.read(values, root, nameForMessages)
                .<Loaded>map(Loaded.Valid::new)
                .orElseGet(() -> new Loaded.Invalid(problems.sorted()));
    }

    private static Node compose(String yaml, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Limits.MAX_FILE_CHARS);
        try {
            return new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            StringBuilder message = new StringBuilder("invalid YAML: ").append(e.getProblem());
            Mark context = e.getContextMark();
            if (e.getContext() != null) {
                message.append(" (").append(e.getContext());
                if (context != null) message.append(" at line ").append(context.getLine() + 1);
                message.append(')');
            }
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : context, message.toString());
        } catch (YAMLException e) {
            problems.wholeFile("invalid YAML: " + e.getMessage());
        }
        return null;
    }

    private static Loaded wholeFile(Path file, String message) {
        return new Loaded.Invalid(List.of(new ConfigError(file, ConfigError.WHOLE_FILE, 0, message)));
    }
}
