package io.proxima.labkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses BIRD 2's {@code show route PREFIX all} (BIRD 2 has no JSON). Real output, 2.0.12:
 * <pre>
 * BIRD 2.0.12 ready.
 * Table master4:
 * 198.51.100.0/24      unicast [n203_0_113_2 2026-11-26 10:11:05] * (100) [AS65009?]
 * 	via 203.0.113.2 on eth-s
 * 	Type: BGP univ
 * 	BGP.origin: Incomplete
 * 	BGP.as_path: 65001 65009
 * 	BGP.next_hop: 203.0.113.2
 * 	BGP.med: 50
 * 	BGP.local_pref: 100
 * 	BGP.community: (65001,1) (65001,2)
 * 	BGP.large_community: (65001, 1, 2)
 *                      unicast [n203_0_113_6 2026-11-26 10:12:18] (100) [AS65002?]
 * 	via 203.0.113.6 on eth-g
 * 	…
 * </pre>
 * A route header starts at column 0 with the prefix; further paths for the same prefix start with
 * blanks. {@code *} marks the best path. Attribute lines start with a tab. Attributes BIRD has no
 * name for appear as {@code BGP.63 [t]: de ad be ef} and land in {@link Route#extra()}.
 */
final class BirdRoutes {

    /** [prefix] type [protocol time… [from addr]] [*] (pref[/metric]) [[AS…]] */
    private static final Pattern HEADER = Pattern.compile(
            "^(\\S+)?\\s+(unicast|blackhole|unreachable|prohibited)\\s+\\[(\\S+)([^\\]]*)\\]\\s*(\\*)?\\s*\\((\\d+)(?:/[^)]*)?\\).*$");
    private static final Pattern FROM = Pattern.compile("from (\\S+)");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\t(\\S[^:]*): ?(.*)$");
    private static final Pattern COMMUNITY = Pattern.compile("\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern LARGE_COMMUNITY = Pattern.compile("\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private BirdRoutes() {
    }

    static List<Route> parse(String text) {
        List<Route> routes = new ArrayList<>();
        Builder current = null;
        String prefix = null;
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("BIRD ") || line.startsWith("Table ")) continue;
            if (line.startsWith("\t")) {
                if (current != null) current.line(line);
                continue;
            }
            Matcher m = HEADER.matcher(line);
            if (!m.matches()) continue;
            if (current != null) routes.add(current.build());
            if (m.group(1) != null) prefix = m.group(1);
            current = new Builder(prefix, m.group(3), m.group(5) != null);
            current.extra.put("type", m.group(2));
            current.extra.put("preference", m.group(6));
            Matcher from = FROM.matcher(m.group(4));
            if (from.find()) current.extra.put("from", from.group(1));
        }
        if (current != null) routes.add(current.build());
        return routes;
    }

    private static final class Builder {
        final String prefix;
        final String protocol;
        final boolean best;
        final Map<String, String> extra = new LinkedHashMap<>();
        final List<String> via = new ArrayList<>();
        String lastAttribute;

        Builder(String prefix, String protocol, boolean best) {
            this.prefix = prefix;
            this.protocol = protocol;
            this.best = best;
        }

        void line(String line) {
            if (line.startsWith("\tvia ")) {
                via.add(line.substring("\tvia ".length()).strip());
                return;
            }
            if (line.startsWith("\tdev ")) {
                extra.put("dev", line.substring("\tdev ".length()).strip());
                return;
            }
            Matcher m = ATTRIBUTE.matcher(line);
            if (m.matches()) {
                lastAttribute = m.group(1).strip();
                extra.put(lastAttribute, m.group(2).strip());
            } else if (lastAttribute != null) {
                // A long attribute value continues on the next line.
                extra.merge(lastAttribute, line.strip(), (a, b) -> a + " " + b);
            }
        }

        Route build() {
            if (!via.isEmpty()) extra.put("via", String.join(", ", via));
            String origin = Origin.normalise(extra.remove("BGP.origin"));
            List<Long> asPath = numbers(extra.remove("BGP.as_path"));
            String nh = extra.remove("BGP.next_hop");
            List<String> nextHops = nh == null || nh.isBlank() ? List.of() : List.of(nh.strip().split("\\s+"));
            OptionalLong med = number(extra.remove("BGP.med"));
            OptionalLong localPref = number(extra.remove("BGP.local_pref"));
            List<String> communities = pairs(COMMUNITY, extra.remove("BGP.community"));
            List<String> large = pairs(LARGE_COMMUNITY, extra.remove("BGP.large_community"));
            return new Route(prefix, protocol, best, nextHops, origin, asPath, med, localPref, communities, large, extra);
        }
    }

    private static List<Long> numbers(String s) {
        if (s == null) return List.of();
        List<Long> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) out.add(Long.parseLong(m.group()));
        return out;
    }

    private static OptionalLong number(String s) {
        if (s == null || s.isBlank()) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(s.strip().split("\\s+")[0]));
    }

    private static List<String> pairs(Pattern p, String s) {
        if (s == null) return List.of();
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            StringBuilder b = new StringBuilder(m.group(1));
            for (int g = 2; g <= m.groupCount(); g++) b.append(':').append(m.group(g));
            out.add(b.toString());
        }
        return out;
    }
}
