package io.proxima.labkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of BIRD's {@code show protocols}:
 * <pre>
 * Name       Proto      Table      State  Since                Info
 * n203_0_113_2 BGP      ---        up     2026-11-26 10:11:02  Established
 * n203_0_113_2 BGP      ---        start  2026-11-26 10:11:42  Idle          BGP Error: Optional attribute error
 * </pre>
 * ({@code timeformat protocol iso long}, which {@link BirdConfig} sets, makes Since two words.)
 *
 * @param state BIRD's protocol state: up, start, down, …
 * @param info  the rest of the line: for BGP the session state, then the last error if any
 */
public record BirdProtocol(String name, String proto, String table, String state, String since, String info) {

    private static final Pattern ROW = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)\\s*(.*?)\\s*$");

    /** For a BGP protocol: the first word of Info (Established, Active, Idle, …). */
    public SessionState sessionState() {
        String first = info.isEmpty() ? "" : info.split("\\s+")[0];
        return SessionState.parse(first);
    }

    /** For a BGP protocol: what follows the session state, e.g. "BGP Error: Hold timer expired". */
    public String lastError() {
        String[] parts = info.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    /** The row for {@code name} in {@code show protocols} output, if present. */
    static Optional<BirdProtocol> find(String showProtocols, String name) {
        return showProtocols.lines().map(ROW::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(name))
                .map(m -> new BirdProtocol(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)))
                .findFirst();
    }
}
