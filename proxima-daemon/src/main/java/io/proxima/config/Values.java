package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns YAML nodes into typed values, reporting each value it cannot take at the node's position.
 * Every scalar is read as the text that was written: YAML 1.1 would read 65010:100 as a base-60
 * number and "no" as false, and a config must mean what it says.
 */
final class Values {

    /** 500ms, 2s, 1m, 1h, or a sum such as 1m30s. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern DURATION = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h))+");
    static final String DURATION_EXAMPLES = "like 500ms, 2s, 1m or 1h";

    private final Problems problems;
    private final Path baseDir;

    /** @param baseDir what relative paths in the config are relative to: the config file's directory */
    Values(Problems problems, Path baseDir) {
        this.problems = problems;
        this.baseDir = baseDir;
    }

    Problems problems() {
        return problems;
    }

    void error(Node at, String message) {
        problems.at(at, message);
    }

    /** How a value looks in a message: 'abc', a list, a mapping, or nothing. */
    static String describe(Node n) {
        return switch (n) {
            case ScalarNode s when isNull(s) -> "nothing";
            case ScalarNode s -> "'" + s.getValue() + "'";
            case SequenceNode q -> "a list";
            case MappingNode m -> "a mapping";
            default -> "a " + n.getNodeId();
        };
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    Optional<String> text(Node n, String key) {
        if (n instanceof ScalarNode s && !isNull(s)) return Optional.of(s.getValue());
        problems.at(n, key + ": expected a string, got " + describe(n));
        return Optional.empty();
    }

    /** Text that must not be empty or blank. */
    Optional<String> word(Node n, String key) {
        Optional<String> t = text(n, key);
        if (t.isPresent() && t.get().isBlank()) {
            problems.at(n, key + " must not be empty");
            return Optional.empty();
        }
        return t;
    }

    Optional<Long> integer(Node n, String key, long min, long max) {
        if (!(n instanceof ScalarNode s) || isNull(s)) {
            problems.at(n, key + ": expected a number, got " + describe(n));
            return Optional.empty();
        }
        String v = s.getValue().strip();
        long value;
        try {
            value = Long.parseLong(v);
        } catch (NumberFormatException e) {
            problems.at(n, key + ": expected a number, got '" + v + "'");
            return Optional.empty();
        }
        if (value < min || value > max) {
            problems.at(n, key + " must be " + min + ".." + max + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Integer> int32(Node n, String key, int min, int max) {
        return integer(n, key, min, max).map(Long::intValue);
    }

    Optional<Boolean> bool(Node n, String key) {
        if (n instanceof ScalarNode s && !isNull(s)) {
            String v = s.getValue().strip().toLowerCase(Locale.ROOT);
            if (v.equals("true")) return Optional.of(true);
            if (v.equals("false")) return Optional.of(false);
        }
        problems.at(n, key + ": expected true or false, got " + describe(n));
        return Optional.empty();
    }

    Optional<Duration> duration(Node n, String key) {
        Optional<Duration> d = parseDuration(n);
        if (d.isEmpty()) {
            String hint = n instanceof ScalarNode s && s.getValue().strip().matches("\\d+") ? " (a unit is required)" : "";
            problems.at(n, key + ": expected a duration " + DURATION_EXAMPLES + ", got " + describe(n) + hint);
        }
        return d;
    }

    Optional<Duration> duration(Node n, String key, Duration min, Duration max) {
        return duration(n, key).filter(d -> {
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) return true;
            problems.at(n, key + " must be " + format(min) + ".." + format(max) + ", got " + format(d));
            return false;
        });
    }

    static Optional<Duration> parseDuration(Node n) {
        if (!(n instanceof ScalarNode s) || isNull(s)) return Optional.empty();
        return parseDuration(s.getValue());
    }

    static Optional<Duration> parseDuration(String text) {
        String v = text.strip();
        if (v.equals("0")) return Optional.of(Duration.ZERO);
        if (!DURATION.matcher(v).matches()) return Optional.empty();
        Duration total = Duration.ZERO;
        Matcher m = DURATION_PART.matcher(v);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return Optional.of(total);
    }

    /** 250ms, 2s, 1m30s: the way the config writes it. */
    static String format(Duration d) {
        if (d.isZero()) return "0s";
        long ms = d.toMillis();
        StringBuilder sb = new StringBuilder();
        long[] units = {3_600_000, 60_000, 1_000, 1};
        String[] names = {"h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                sb.append(ms / units[i]).append(names[i]);
                ms %= units[i];
            }
        }
        return sb.toString();
    }

    Optional<IpAddress> ip(Node n, String key) {
        Optional<String> t = text(n, key);
        if (t.isEmpty()) return Optional.empty();
        try {
            return Optional.of(IpAddress.parse(t.get()));
        } catch (IllegalArgumentException e) {
            problems.at(n, key + ": expected an IP address, got '" + t.get() + "'");
            return Optional.empty();
        }
    }

    Optional<List<Node>> list(Node n, String key) {
        if (n instanceof SequenceNode q) return Optional.of(q.getValue());
        String hint = n instanceof ScalarNode s && !isNull(s) ? "; write [" + s.getValue() + "] for a list of one" : "";
        problems.at(n, key + ": expected a list, got " + describe(n) + hint);
        return Optional.empty();
    }

    /** A non-empty list. */
    Optional<List<Node>> nonEmptyList(Node n, String key) {
        Optional<List<Node>> l = list(n, key);
        if (l.isPresent() && l.get().isEmpty()) {
            problems.at(n, key + " is empty");
            return Optional.empty();
        }
        return l;
    }

    /** A list of strings; empty when any entry is not one (each such entry reported). */
    Optional<List<String>> strings(Node n, String key) {
        Optional<List<Node>> l = list(n, key);
        if (l.isEmpty()) return Optional.empty();
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node e : l.get()) {
            Optional<String> t = text(e, key + " entry");
            if (t.isPresent()) out.add(t.get()); else ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    <E extends Enum<E>> Optional<E> choice(Node n, String key, Class<E> type) {
        Optional<String> t = text(n, key);
        if (t.isEmpty()) return Optional.empty();
        String v = t.get().strip();
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(v)) return Optional.of(e);
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        problems.at(n, key + ": expected one of " + String.join(", ", names) + ", got '" + v + "'" + Spelling.hint(v, names));
        return Optional.empty();
    }

    Optional<Path> path(Node n, String key) {
        Optional<String> t = word(n, key);
        if (t.isEmpty()) return Optional.empty();
        try {
            return Optional.of(baseDir.resolve(t.get().strip()).normalize());
        } catch (InvalidPathException e) {
            problems.at(n, key + ": not a valid path: '" + t.get() + "'");
            return Optional.empty();
        }
    }

    /**
     * A path to a secret that must be there when the config loads: a missing key file found at
     * start is an error message; found at the first connection it is a session that never comes up.
     */
    Optional<Path> secretFile(Node n, String key) {
        Optional<Path> p = path(n, key);
        if (p.isEmpty()) return p;
        Path f = p.get();
        String problem = null;
        try {
            if (!Files.exists(f)) problem = "does not exist";
            else if (!Files.isRegularFile(f)) problem = "is not a regular file";
            else if (!Files.isReadable(f)) problem = "is not readable";
            else if (Files.size(f) == 0) problem = "is empty";
        } catch (java.io.IOException e) {
            problem = "cannot be read: " + e.getMessage();
        }
        if (problem != null) {
            problems.at(n, key + " " + f + " " + problem);
            return Optional.empty();
        }
        return p;
    }

    /**
     * {@code host:port}, {@code [v6]:port}, a bare IPv6 address, or a bare host; the port is
     * required unless {@code defaultPort} is given.
     */
    Optional<HostPort> hostPort(Node n, String key, OptionalInt defaultPort) {
        Optional<String> t = word(n, key);
        if (t.isEmpty()) return Optional.empty();
        String v = t.get().strip();
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0 || (close + 1 < v.length() && v.charAt(close + 1) != ':')) {
                problems.at(n, key + ": expected [IPv6]:port, got '" + v + "'");
                return Optional.empty();
            }
            host = v.substring(1, close);
            if (close + 1 < v.length()) port = v.substring(close + 2);
        } else if (v.indexOf(':') != v.lastIndexOf(':')) {
            host = v; // a bare IPv6 address: a port needs brackets
        } else if (v.indexOf(':') >= 0) {
            host = v.substring(0, v.indexOf(':'));
            port = v.substring(v.indexOf(':') + 1);
        } else {
            host = v;
        }
        if (host.isBlank()) {
            problems.at(n, key + ": no host in '" + v + "'");
            return Optional.empty();
        }
        int p;
        if (port == null) {
            if (defaultPort.isEmpty()) {
                problems.at(n, key + ": '" + v + "' has no port; write host:port, or [IPv6]:port");
                return Optional.empty();
            }
            p = defaultPort.getAsInt();
        } else {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                problems.at(n, key + ": expected a port number after ':', got '" + port + "'");
                return Optional.empty();
            }
            if (p < 0 || p > Limits.MAX_PORT) {
                problems.at(n, key + ": port must be 0.." + Limits.MAX_PORT + " (0: any free port), got " + p);
                return Optional.empty();
            }
        }
        return Optional.of(new HostPort(host, p));
    }

    /** A host (name or literal address) and a port, as written. */
    record HostPort(String host, int port) { }
}
