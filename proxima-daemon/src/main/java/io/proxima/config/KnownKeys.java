package io.proxima.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys each section of the config may hold: what the loader accepts, what "did you mean"
 * picks from, and what docs/config.schema.json must list (a test compares the two). Sections are
 * named as the schema's {@code $defs}; {@link #ROOT} is the top level.
 */
final class KnownKeys {

    static final String ROOT = "config";
    /**
     * Top-level keys starting with this are ignored: a place for YAML anchors that other sections
     * merge ({@code <<: *name}), as in Compose files.
     */
    static final String EXTENSION_PREFIX = "x-";

    /** The check kinds, each a key of a check naming the kind and holding its parameters. */
    static final List<String> CHECK_KINDS =
            List.of("tcp", "udp", "http", "https", "dns", "ldap", "ldaps", "exec", "file", "address");

    static final Set<String> CHECK_TIMING = keys("interval", "timeout", "rise", "fall", "fast-interval",
            "degraded-latency", "optional", "name", "damping");

    /** Keys from the design sketch that this version does not implement, and why not. */
    static final Map<String, String> NOT_YET = Map.of();

    static final Map<String, Set<String>> SECTIONS = sections();

    private KnownKeys() {}

    static Set<String> of(String section) {
        Set<String> keys = SECTIONS.get(section);
        if (keys == null) throw new IllegalArgumentException("no section " + section);
        return keys;
    }

    private static Map<String, Set<String>> sections() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put(ROOT, keys("router-id", "local-as", "listen", "peers", "services", "addresses", "api", "state-dir",
                "event-log", "lease", "shutdown-timeout", "dns-responder"));
        m.put("peer", keys("address", "remote-as", "port", "local-address", "passive", "hold-time", "password-file",
                "multihop", "gtsm", "next-hop-v4", "next-hop-v6", "graceful-restart", "bfd"));
        m.put("bfd", keys("interval", "multiplier"));
        m.put("service", keys("prefixes", "checks", "require", "depends-on", "communities", "large-communities", "med",
                "prepend", "degraded", "drain", "peers"));
        m.put("prefix", keys("rfc2526"));
        m.put("rfc2526", keys("subnet", "id"));
        m.put("quorum", keys("quorum"));
        m.put("degraded", keys("when", "prepend", "med", "communities", "large-communities"));
        m.put("drain", keys("graceful-shutdown"));
        Set<String> check = new LinkedHashSet<>(CHECK_TIMING);
        check.addAll(CHECK_KINDS);
        m.put("check", Collections.unmodifiableSet(check));
        m.put("damping", keys("half-life", "penalty", "suppress", "reuse"));
        m.put("tcp", keys("address", "send", "expect"));
        m.put("udp", keys("address", "send-hex", "expect"));
        Set<String> http = keys("url", "method", "host-header", "status", "body", "verify-tls");
        m.put("http", http);
        m.put("https", http);
        m.put("dns", keys("server", "name", "type", "class", "transport", "rcode", "answer", "nsid"));
        Set<String> ldap = keys("url", "bind-dn", "password-file", "base", "filter");
        m.put("ldap", ldap);
        m.put("ldaps", ldap);
        m.put("exec", keys("command", "env", "workdir"));
        m.put("file", keys("path", "exists"));
        m.put("address", keys("address", "interface"));
        m.put("addresses", keys("interface", "manage"));
        m.put("api", keys("listen", "token-file"));
        m.put("eventLog", keys("file", "stdout"));
        m.put("dnsResponder", keys("listen", "node-name", "nsid", "zone", "handoff", "rate-limit"));
        m.put("zone", keys("origin", "records"));
        m.put("handoff", keys("name", "address", "ttl"));
        m.put("rateLimit", keys("responses-per-second", "burst"));
        return Collections.unmodifiableMap(m);
    }

    private static Set<String> keys(String... keys) {
        // Ordered, so that "did you mean" picks the same key on every run when two are as close.
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }
}
