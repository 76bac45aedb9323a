package io.proxima.config;

import io.proxima.bgp.wire.IpAddress;
import io.proxima.bgp.wire.Prefix;
import io.proxima.health.engine.Combine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one entry of {@code services}: its prefixes, checks, composition and route attributes. */
final class ServiceReader {

    /** Service names go into check names, URLs and metric labels. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The one condition {@code degraded.when} understands. */
    static final Pattern WHEN = Pattern.compile("\\s*latency\\s*>\\s*(\\S+)\\s*");

    private ServiceReader() {}

    /**
     * A service as read: what the checks across services need (always, as far as it could be
     * read), and its config when every key was valid.
     */
    record ReadService(String name, Node nameNode, List<Located<Prefix>> prefixes, List<Located<String>> dependsOn,
                       List<Located<IpAddress>> peers, List<CheckReader.ReadCheck> checks,
                       Optional<ServiceConfig> config) { }

    static ReadService read(Values v, Node nameNode, String name, Node n) {
        int before = v.problems().count();
        if (!NAME.matcher(name).matches() || name.length() > Limits.MAX_NAME) {
            v.error(nameNode, "service name '" + name + "' must start with a letter or digit and hold only letters, digits, "
                    + "'.', '_' and '-' (at most " + Limits.MAX_NAME + ")");
        }
        String what = "service '" + name + "'";
        if (Values.isNull(n)) {
            v.error(nameNode, what + " is empty: it needs prefixes and checks");
            return new ReadService(name, nameNode, List.of(), List.of(), List.of(), List.of(), Optional.empty());
        }
        Optional<Section> open = Section.open(v, n, "service", what);
        if (open.isEmpty()) return new ReadService(name, nameNode, List.of(), List.of(), List.of(), List.of(), Optional.empty());
        Section s = open.get();

        List<Located<Prefix>> prefixes = new ArrayList<>();
        s.required("prefixes", what + " has no prefixes").flatMap(p -> v.nonEmptyList(p, "prefixes")).ifPresent(list -> {
            for (Node e : list) {
                PrefixReader.read(v, e).ifPresent(p -> {
                    if (prefixes.stream().anyMatch(l -> l.value().equals(p))) v.error(e, "prefix " + p + " is listed twice");
                    else prefixes.add(new Located<>(p, e));
                });
            }
        });

        RouteAttributes up = AttributeReader.read(s, RouteAttributes.NONE);
        Optional<Located<Duration>> when = Optional.empty();
        Optional<RouteAttributes> degraded = Optional.empty();
        Optional<Section> d = s.get("degraded").flatMap(dn -> Section.open(v, dn, "degraded", "degraded"));
        if (d.isPresent()) {
            degraded = Optional.of(AttributeReader.read(d.get(), up));
            when = d.get().get("when").flatMap(w -> when(v, w));
        }

        List<CheckReader.ReadCheck> checks = checks(v, s, name, what, when);
        Combine require = s.get("require").flatMap(r -> require(v, r, checks, what)).orElse(Defaults.REQUIRE);

        List<Located<String>> dependsOn = new ArrayList<>();
        for (Node e : s.list("depends-on")) v.word(e, "depends-on entry").ifPresent(t -> dependsOn.add(new Located<>(t.strip(), e)));

        List<Located<IpAddress>> peers = new ArrayList<>();
        s.get("peers").flatMap(p -> v.nonEmptyList(p, "peers")).ifPresent(list -> {
            for (Node e : list) v.ip(e, "peers entry").ifPresent(a -> peers.add(new Located<>(a, e)));
        });

        Duration drain = s.get("drain").flatMap(dn -> Section.open(v, dn, "drain", "drain"))
                .flatMap(ds -> ds.duration("graceful-shutdown", Duration.ZERO, Limits.MAX_DRAIN)).orElse(Defaults.DRAIN);

        Optional<ServiceConfig> config = Optional.empty();
        if (v.problems().count() == before) {
            config = Optional.of(new ServiceConfig(name, prefixes.stream().map(Located::value).toList(),
                    checks.stream().map(c -> c.config().orElseThrow()).toList(), require,
                    dependsOn.stream().map(Located::value).toList(), up, degraded, drain,
                    peers.stream().map(Located::value).toList()));
        }
        return new ReadService(name, nameNode, prefixes, dependsOn, peers, checks, config);
    }

    private static List<CheckReader.ReadCheck> checks(Values v, Section s, String service, String what,
                                                      Optional<Located<Duration>> when) {
        List<Node> nodes = s.required("checks", what + " has no checks").flatMap(c -> v.nonEmptyList(c, "checks")).orElse(List.of());
        List<Section> sections = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Map<String, Integer> perKind = new HashMap<>();
        for (Node c : nodes) {
            Optional<Section> cs = Section.open(v, c, "check", "check");
            Optional<String> kind = cs.flatMap(CheckReader::kind);
            if (kind.isEmpty()) continue;
            sections.add(cs.get());
            kinds.add(kind.get());
            perKind.merge(kind.get(), 1, Integer::sum);
        }
        List<CheckReader.ReadCheck> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            String kind = kinds.get(i);
            int n = seen.merge(kind, 1, Integer::sum);
            String name = perKind.get(kind) == 1 ? service + "/" + kind : service + "/" + kind + "-" + n;
            out.add(CheckReader.read(sections.get(i), kind, name, when));
        }
        boolean anyRequired = out.stream().anyMatch(c -> !c.optional());
        if (!out.isEmpty() && !anyRequired && out.size() == nodes.size()) {
            v.error(s.get("checks").orElseThrow(), "every check of " + what + " is optional; at least one must be required");
        }
        return out;
    }

    private static Optional<Located<Duration>> when(Values v, Node n) {
        return v.text(n, "when").flatMap(t -> {
            Matcher m = WHEN.matcher(t);
            Optional<Duration> d = m.matches() ? Values.parseDuration(m.group(1)) : Optional.empty();
            if (d.isEmpty() || d.get().isZero()) {
                v.error(n, "degraded when: expected 'latency > DURATION', like 'latency > 50ms', got '" + t + "'");
                return Optional.empty();
            }
            return Optional.of(new Located<>(d.get(), n));
        });
    }

    /** all, any, or {quorum: N} with N at most the required checks. */
    private static Optional<Combine> require(Values v, Node n, List<CheckReader.ReadCheck> checks, String what) {
        if (n instanceof ScalarNode sc && !Values.isNull(sc)) {
            String t = sc.getValue().strip().toLowerCase(Locale.ROOT);
            if (t.equals("all")) return Optional.of(new Combine.All());
            if (t.equals("any")) return Optional.of(new Combine.Any());
            v.error(n, "require: expected all, any or {quorum: N}, got '" + sc.getValue() + "'" + Spelling.hint(t, List.of("all", "any", "quorum")));
            return Optional.empty();
        }
        return Section.open(v, n, "quorum", "require")
                .flatMap(q -> q.required("quorum", "require: expected all, any or {quorum: N}").flatMap(qn ->
                        v.int32(qn, "quorum", 1, Integer.MAX_VALUE).filter(k -> {
                            long required = checks.stream().filter(c -> !c.optional()).count();
                            if (k <= required) return true;
                            v.error(qn, "quorum " + k + " is larger than the " + required + " required check" + (required == 1 ? "" : "s") + " of " + what);
                            return false;
                        })))
                .map(Combine.Quorum::new);
    }
}
