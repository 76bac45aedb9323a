package io.proxima.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known word closest to a misspelt one, by edit distance (insertions,
 * deletions, substitutions and swaps of neighbours each count one).
 */
final class Spelling {

    /** Farther than this is a different word, not a typo. */
    static final int MAX_DISTANCE = 2;

    private Spelling() {}

    static Optional<String> closest(String word, Collection<String> known) {
        String w = normal(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(w, normal(k));
            // A short word is within two edits of too many others: allow at most a third of its length.
            int allowed = Math.min(MAX_DISTANCE, Math.max(1, k.length() / 3));
            if (d <= allowed && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean 'x'?" or nothing. */
    static String hint(String word, Collection<String> known) {
        return closest(word, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** hold_time, HoldTime and hold-time are one typo apart at most: compare them as one. */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
