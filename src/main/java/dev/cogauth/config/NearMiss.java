package dev.cogauth.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known key a misspelt one most likely meant ({@code Regoin} → {@code Region}): an edit distance that
 * counts a swap of two neighbouring letters as one edit and ignores case. Pure.
 */
final class NearMiss {
    private NearMiss() {
    }

    /** The closest of {@code known} within reach of {@code key}, unless {@code key} is one of them. */
    static Optional<String> closest(String key, Collection<String> known) {
        if (known.contains(key)) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance <= reach(candidate) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Short keys allow one edit, longer ones two: "Auth" is not a misspelling of "Path". */
    private static int reach(String known) {
        return known.length() <= 4 ? 1 : 2;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
