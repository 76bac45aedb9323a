package io.proxima.config;

import java.nio.file.Path;
import java.util.List;

/** TEMPORARY STUB, replaced by the real loader. */
public final class ConfigLoader {
    public record Loaded(ProximaConfig config, List<Object> errors) {
        public boolean ok() { return errors.isEmpty(); }
    }
    public static Loaded load(Path p) { throw new UnsupportedOperationException("stub"); }
}
