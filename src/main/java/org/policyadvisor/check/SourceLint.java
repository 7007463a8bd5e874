package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.policyadvisor.Source;

/**
 * Every quote must be verbatim (runs of whitespace count as one space) in the source its rule cites
 * ({@code @source("id")} names {@code sources/ID.txt}), or else in the text given with {@code --source}.
 * A cited source that is not there is an error; a rule that cites none is a warning.
 */
final class SourceLint {

    private static final int SHOWN = 40;

    private SourceLint() {
    }

    /**
     * @param sources the sources kept with the rules
     * @param given   a text to check quotes against as well; it also counts as the source its id names
     */
    static List<Diagnostic> check(List<Claim> claims, List<Source> sources, Optional<Source> given) {
        Map<String, Source> byId = new TreeMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        given.ifPresent(s -> byId.put(s.id(), s));
        List<Diagnostic> found = new ArrayList<>();
        for (Claim c : claims) {
            String id = c.id();
            String cited = c.source();
            Source source = byId.get(cited);
            if (cited.isBlank()) {
                if (given.isEmpty() && !c.quote().isBlank()) {
                    found.add(Diagnostic.warning(c.file(), c.line(), 1, "rule '" + c.name()
                            + "' has no @source, so its quote cannot be checked", id));
                }
            } else if (source == null) {
                String known = byId.isEmpty() ? "no sources are kept with these rules"
                        : "expected one of " + String.join(", ", byId.keySet());
                found.add(Diagnostic.error(c.file(), c.lineOf("source"), c.colOf("source"), "unknown source '" + cited
                        + "'; " + known + " (add sources/" + cited + ".txt, or give the text with --source)", id));
            }
            String quote = c.quote();
            if (quote.isBlank() || (source == null && given.isEmpty())) {
                continue;
            }
            boolean found1 = source != null && source.contains(quote);
            boolean found2 = given.isPresent() && given.get().contains(quote);
            if (!found1 && !found2) {
                String where = source != null ? "source '" + source.id() + "'" : "";
                if (given.isPresent() && source != given.get()) {
                    where = where.isEmpty() ? "the given source '" + given.get().id() + "'"
                            : where + " or the given source '" + given.get().id() + "'";
                }
                found.add(Diagnostic.error(c.file(), c.lineOf("quote"), c.colOf("quote"), "quote not found verbatim in "
                        + where + divergence(quote, source != null ? source : given.get()), id));
            }
        }
        return found;
    }

    /** Where the quote stops matching: the longest start of it that the source does contain. */
    private static String divergence(String quote, Source source) {
        String q = collapse(quote);
        int lo = 0;
        int hi = q.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (source.contains(q.substring(0, mid))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == 0 || q.substring(0, lo).isBlank()) {
            return "; not even its start \"" + shorten(q) + "\"";
        }
        String matched = q.substring(0, lo);
        String tail = matched.length() > SHOWN ? "..." + matched.substring(matched.length() - SHOWN) : matched;
        return "; it matches up to \"" + tail + "\", then has \"" + shorten(q.substring(lo)) + "\"";
    }

    private static String shorten(String s) {
        return s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
