package org.policyadvisor.http;

import java.util.Optional;

/**
 * Finds quoted words in a source text, as {@code check} compares them: runs of whitespace count as one space.
 * Offsets are those of the original text, in UTF-16 units (as JavaScript counts them).
 */
final class TextSpans {

    /** A span of the text: {@code text.substring(start, end)}. */
    record Span(int start, int end) {
    }

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
     * Where a sentence as a ledger cites it appears: the pieces between its ellipses ({@code …} or {@code ...}) are
     * looked for in order, and the span runs from the first found to the last found. Pieces shorter than a few
     * words are too weak to place on their own; a sentence none of whose pieces is found has no span.
     */
    Optional<Span> locate(String sentence) {
        String[] pieces = sentence.split("…|\\.\\.\\.");
        int from = 0;
        int first = -1;
        int last = -1;
        for (String raw : pieces) {
            String piece = collapse(raw);
            if (piece.length() < 12) {
                continue;
            }
            Optional<Integer> at = find(piece, from);
            if (at.isEmpty()) {
                continue;
            }
            if (first < 0) {
                first = at.get();
            }
            last = at.get() + piece.length();
            from = last;
        }
        if (first < 0) {
            return Optional.empty();
        }
        return Optional.of(span(first, last - first));
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
