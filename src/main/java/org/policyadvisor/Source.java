package org.policyadvisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cited source kept with the rules ({@code rules/sources/ID.txt}): a header of {@code key: value} lines, a line
 * {@code ---}, then the verbatim text. The header names the source ({@value #HEADER}); {@code grade} is its
 * {@link Grade} and {@code text} says whether the text kept is {@code whole} or an {@code excerpt}.
 */
public record Source(String id, Map<String, String> header, String text) {

    /** The header fields every source states. */
    public static final String HEADER = "id, title, publisher, author, date, url, retrieved, text, grade";

    public Source {
        Objects.requireNonNull(id, "id must not be null");
        header = Map.copyOf(header);
        Objects.requireNonNull(text, "text must not be null");
    }

    /** Parses a source file; the id comes from its header, or else from the file name. */
    public static Source parse(String fileName, String content) {
        Map<String, String> header = new LinkedHashMap<>();
        int separator = content.indexOf("\n---\n");
        String body = content;
        if (separator >= 0) {
            for (String line : content.substring(0, separator).split("\\R")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
            body = content.substring(separator + 5);
        }
        String id = header.getOrDefault("id", fileName.replaceFirst("\\.txt$", ""));
        return new Source(id, header, body);
    }

    /** Every source of a rules directory. */
    public static List<Source> all(RuleSources sources) {
        List<Source> all = new ArrayList<>();
        for (RuleSources.File f : sources.files()) {
            if (f.path().startsWith("sources/") && f.path().endsWith(".txt")) {
                all.add(parse(f.path().substring("sources/".length()), f.text()));
            }
        }
        return all;
    }

    /** The source's grade, when its header gives a valid one. */
    public Optional<Grade> grade() {
        return Grade.parse(header.get("grade"));
    }

    /** What the source's claims count for: its grade's factor, or 1 for a source without a grade. */
    public double factor() {
        return grade().map(Grade::factor).orElse(1.0);
    }

    /** True when the quote appears verbatim in the text; runs of whitespace count as one space. */
    public boolean contains(String quote) {
        return !quote.isBlank() && collapse(text).contains(collapse(quote));
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
