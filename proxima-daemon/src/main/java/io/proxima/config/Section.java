package io.proxima.config;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of the config, read against the keys its section allows. Opening it reports
 * duplicate keys and unknown keys (with the closest known one); getters report wrong types. YAML
 * merge keys ({@code <<: *defaults}) are honoured, with the mapping's own keys winning.
 */
final class Section {

    private final Values values;
    private final MappingNode node;
    private final String what;
    /** Key → (key node, value node), in file order. */
    private final Map<String, NodeTuple> entries;
    private final boolean unknownKeys;
    /** Known keys offered as "did you mean" for an unknown one: not also reported as missing. */
    private final Set<String> suggested;

    private Section(Values values, MappingNode node, String what, Map<String, NodeTuple> entries, boolean unknownKeys,
                    Set<String> suggested) {
        this.values = values;
        this.node = node;
        this.what = what;
        this.entries = entries;
        this.unknownKeys = unknownKeys;
        this.suggested = suggested;
    }

    /**
     * Opens {@code n} as section {@code section} of {@link KnownKeys}; {@code what} names it in
     * messages ("peer", "service 'dns'"). Empty when {@code n} is not a mapping (reported).
     */
    static Optional<Section> open(Values values, Node n, String section, String what) {
        return open(values, n, KnownKeys.of(section), what, false);
    }

    /** The top level, where keys starting with "x-" hold YAML anchors for the rest of the file. */
    static Optional<Section> openRoot(Values values, Node n) {
        return open(values, n, KnownKeys.of(KnownKeys.ROOT), "the top level", true);
    }

    /** A mapping whose keys are the user's own (service names): any key is allowed. */
    static Optional<Section> openAnyKeys(Values values, Node n, String what) {
        return open(values, n, null, what, false);
    }

    private static Optional<Section> open(Values values, Node n, Set<String> known, String what, boolean extensions) {
        if (!(n instanceof MappingNode m)) {
            values.error(n, what + ": expected a mapping of keys to values, got " + Values.describe(n));
            return Optional.empty();
        }
        Map<String, NodeTuple> own = new LinkedHashMap<>();
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (k instanceof ScalarNode s && Tag.MERGE.equals(s.getTag())) {
                merge(values, t.getValueNode(), merged);
                continue;
            }
            if (!(k instanceof ScalarNode s) || Values.isNull(s)) {
                values.error(k, what + ": a key must be a word, not " + Values.describe(k));
                continue;
            }
            String key = s.getValue();
            NodeTuple first = own.get(key);
            if (first != null) {
                values.error(k, "duplicate key '" + key + "' (first at line " + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
                continue;
            }
            own.put(key, t);
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>(merged);
        entries.putAll(own);
        boolean unknown = false;
        Set<String> suggested = new HashSet<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (known == null || known.contains(key) || extensions && key.startsWith(KnownKeys.EXTENSION_PREFIX)) continue;
            unknown = true;
            String why = KnownKeys.NOT_YET.get(key);
            Spelling.closest(key, known).ifPresent(suggested::add);
            values.error(e.getValue().getKeyNode(), why != null ? key + ": " + why
                    : "unknown key '" + key + "' in " + what + Spelling.hint(key, known));
        }
        if (known != null) entries.keySet().retainAll(known); // extensions are only for anchors
        return Optional.of(new Section(values, m, what, entries, unknown, suggested));
    }

    private static void merge(Values values, Node from, Map<String, NodeTuple> into) {
        List<Node> sources = from instanceof SequenceNode q ? q.getValue() : List.of(from);
        for (Node src : sources) {
            if (!(src instanceof MappingNode mm)) {
                values.error(src, "<<: expected a mapping to merge, got " + Values.describe(src));
                continue;
            }
            for (NodeTuple t : mm.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s) into.putIfAbsent(s.getValue(), t);
            }
        }
    }

    Node node() {
        return node;
    }

    String what() {
        return what;
    }

    Values values() {
        return values;
    }

    /** Whether an unknown key was reported: a missing key may then just be misspelt. */
    boolean hadUnknownKeys() {
        return unknownKeys;
    }

    Collection<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> get(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(t.getValueNode());
    }

    /** The key's own node, for errors about the key rather than its value. */
    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    /** The value of a required key, or empty after reporting "{what} has no {key}". */
    Optional<Node> required(String key) {
        return required(key, what + " has no " + key);
    }

    Optional<Node> required(String key, String messageIfMissing) {
        Optional<Node> n = get(key);
        if (n.isEmpty() && !suggested.contains(key)) values.error(node, messageIfMissing);
        return n;
    }

    Optional<String> text(String key) {
        return get(key).flatMap(n -> values.text(n, key));
    }

    Optional<String> word(String key) {
        return get(key).flatMap(n -> values.word(n, key));
    }

    Optional<Boolean> bool(String key) {
        return get(key).flatMap(n -> values.bool(n, key));
    }

    Optional<Long> integer(String key, long min, long max) {
        return get(key).flatMap(n -> values.integer(n, key, min, max));
    }

    Optional<Integer> int32(String key, int min, int max) {
        return get(key).flatMap(n -> values.int32(n, key, min, max));
    }

    Optional<Duration> duration(String key, Duration min, Duration max) {
        return get(key).flatMap(n -> values.duration(n, key, min, max));
    }

    /** Each entry of a list-valued key; nothing when absent or not a list (reported). */
    List<Node> list(String key) {
        return get(key).flatMap(n -> values.list(n, key)).orElse(List.of());
    }
}
