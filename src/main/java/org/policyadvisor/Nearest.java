package org.policyadvisor;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The known word closest to a misspelt one, for a "did you mean" hint: compared without case, within an edit
 * distance that grows with the word's length (1 up to 4 letters, 2 up to 8, then 3). The first of the candidates
 * wins a tie, so the hint does not depend on anything but their order.
 */
public final class Nearest {

    private Nearest() {
    }

    /** The closest of {@code candidates}. */
    public static Optional<String> of(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = lower.length() <= 4 ? 1 : lower.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The closest code of {@code names} (code to name); a name equal to the word, case aside, gives its code. */
    public static Optional<String> of(String word, Map<String, String> names) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (word.equalsIgnoreCase(e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        return of(word, names.keySet());
    }

    /** The hint to append to a message: {@code " (did you mean 'X'?)"}, or nothing. */
    public static String hint(Optional<String> nearest) {
        return nearest.map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** The closest of {@code candidates} however far it is (the first on a tie), or empty when there are none. */
    public static Optional<String> closest(String text, Collection<String> candidates) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring letters as one
     * ({@code PKR} is one step from {@code PRK}), or any value of at least {@code cap} once it is certain to reach it.
     */
    private static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin >= cap) {
                return cap;
            }
        }
        return d[a.length()][b.length()];
    }
}
