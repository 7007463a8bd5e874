package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds quoted words in a source text, as {@code check} compares them: runs of whitespace count as one space.
 * Offsets are those of the original text, in UTF-16 units (as JavaScript counts them).
 */
final class TextSpans {

    /** A span of the text: {@code text.substring(start, end)}. */
    record Span(int start, int end) {
    }

    /** The fewest characters of a piece that can place a sentence on its own. */
    private static final int MIN_ANCHOR = 12;
    /** The most characters an ellipsis may stand for between two pieces placed. */
    private static final int GAP = 400;

    private final String text;
    private final String collapsed;
    /** For each character of {@link #collapsed}, its offset in the text. */
    private final int[] offsets;

    TextSpans(String text) {
        this.text = text;
        StringBuilder out = new StringBuilder(text.length());
        int[] map = new int[text.length()];
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!space && out.length() > 0) {
                    map[out.length()] = i;
                    out.append(' ');
                }
                space = true;
            } else {
                map[out.length()] = i;
                out.append(c);
                space = false;
            }
        }
        this.collapsed = out.toString();
        this.offsets = map;
    }

    /** Where the quote first appears, verbatim but for whitespace. */
    Optional<Span> find(String quote) {
        return find(quote, 0).map(at -> span(at, collapse(quote).length()));
    }

    /**
     * Where a sentence as a ledger cites it appears: its pieces between ellipses ({@code …} or {@code ...}) are placed
     * around the longest one found, each within a few lines of the next, and the span runs from the first piece
     * placed to the last. The longest piece must be a few words at least; a sentence none of whose pieces is found
     * has no span.
     */
    Optional<Span> locate(String sentence) {
        List<String> pieces = new ArrayList<>();
        for (String raw : sentence.split("…|\\.\\.\\.")) {
            String piece = collapse(raw);
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        List<Integer> byLength = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            byLength.add(i);
        }
        byLength.sort((a, b) -> pieces.get(b).length() - pieces.get(a).length());
        for (int anchor : byLength) {
            String piece = pieces.get(anchor);
            if (piece.length() < MIN_ANCHOR) {
                break;
            }
            int at = collapsed.indexOf(piece);
            if (at < 0) {
                continue;
            }
            int start = at;
            int end = at + piece.length();
            for (int i = anchor - 1; i >= 0; i--) {
                int before = collapsed.lastIndexOf(pieces.get(i), start - 1);
                if (before >= 0 && start - (before + pieces.get(i).length()) <= GAP) {
                    start = before;
                }
            }
            for (int i = anchor + 1; i < pieces.size(); i++) {
                int after = collapsed.indexOf(pieces.get(i), end);
                if (after >= 0 && after - end <= GAP) {
                    end = after + pieces.get(i).length();
                }
            }
            return Optional.of(span(start, end - start));
        }
        return Optional.empty();
    }

    private Optional<Integer> find(String quote, int from) {
        String q = collapse(quote);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        int at = collapsed.indexOf(q, from);
        return at < 0 ? Optional.empty() : Optional.of(at);
    }

    private Span span(int at, int length) {
        int start = offsets[at];
        int end = offsets[at + length - 1] + 1;
        return new Span(start, Math.min(end, text.length()));
    }

    /** The whitespace of {@code \\s}, as {@link org.policyadvisor.Source#contains} counts it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
