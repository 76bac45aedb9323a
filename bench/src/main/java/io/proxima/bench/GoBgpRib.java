package io.proxima.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.labkit.ExecResult;
import io.proxima.labkit.GoBgp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GoBGP's RIB through its CLI: loading it from an MRT file, and counting what it holds. */
final class GoBgpRib {

    /** {@code gobgp global rib summary}: "Table ipv4-unicast\nDestination: N, Path: M". */
    private static final Pattern DESTINATIONS = Pattern.compile("Destination:\\s*(\\d+)");
    /**
     * LAB.md §7: {@code gobgp mrt inject} silently drops the tail of the file (here: the last 389 of
     * 1,000 records, the last ~500–700 of 577k). The file therefore ends with this many prefixes
     * written again; losing those re-additions loses nothing.
     */
    static final int INJECT_PADDING = 20_000;
    static final int INJECT_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoBgpRib() {
    }

    /**
     * {@code gobgp mrt inject global FILE} until the global RIB holds {@code expected} prefixes. The
     * file's padding is what makes the first attempt complete; a repeated injection re-adds the same
     * paths (an implicit replace), a fallback that can only fill gaps.
     */
    static void inject(GoBgp g, Path mrt, long expected, Duration timeout) throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= INJECT_ATTEMPTS; attempt++) {
            Process p = new ProcessBuilder("gobgp", "--target", "unix://" + g.socket(), "mrt", "inject", "global", mrt.toString())
                    .redirectErrorStream(true).redirectOutput(g.dir().resolve("inject.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) throw new IllegalStateException("gobgp mrt inject took over " + timeout);
            } finally {
                if (p.isAlive()) p.destroyForcibly().waitFor();
            }
            if (p.exitValue() != 0) throw new IllegalStateException("gobgp mrt inject exited " + p.exitValue() + ", see " + g.dir().resolve("inject.log"));
            long held = globalPrefixes(g);
            if (held == expected) return;
            AnnounceBenchmark.log("  gobgp mrt inject left %d of %d prefixes in the RIB (attempt %d)", held, expected, attempt);
        }
        throw new IllegalStateException("GoBGP's RIB never held all " + expected + " injected prefixes");
    }

    static int injectPadding(int prefixes) {
        return Math.min(prefixes, INJECT_PADDING);
    }

    static long globalPrefixes(GoBgp g) {
        ExecResult r = g.gobgp("global", "rib", "summary", "-a", "ipv4").orThrow();
        Matcher m = DESTINATIONS.matcher(r.stdout());
        if (!m.find()) throw new IllegalStateException("unexpected 'gobgp global rib summary': " + r.stdout());
        return Long.parseLong(m.group(1));
    }

    /**
     * The prefixes GoBGP accepted from {@code neighbor} ({@code gobgp -j neighbor}: the accepted
     * count of each AFI/SAFI), and whether that session is Established (session_state 6).
     */
    record NeighborCount(boolean established, long accepted) { }

    static NeighborCount accepted(GoBgp g, String neighbor) {
        ExecResult r = g.gobgp("-j", "neighbor").orThrow();
        try {
            for (JsonNode n : JSON.readTree(r.stdout())) {
                if (!neighbor.equals(n.path("conf").path("neighbor_address").asText())) continue;
                long accepted = 0;
                for (JsonNode af : n.path("afi_safis")) accepted += af.path("state").path("accepted").asLong(0);
                return new NeighborCount(n.path("state").path("session_state").asInt(0) == 6, accepted);
            }
        } catch (IOException e) {
            throw new IllegalStateException("unexpected 'gobgp -j neighbor': " + r.stdout(), e);
        }
        return new NeighborCount(false, 0);
    }
}
