package org.policyadvisor.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code CLAIMS.md} says a source's sentences became, as far as the workbench needs it: the sentences that no
 * rule encodes, with the reason given. The document has a section per source, headed {@code ## `source-id`}, with
 * tables whose first column is the paragraph ({@code ¶}) and second the sentence; a table with a {@code Rule id(s)}
 * column lists a sentence as not encoded when that column is empty or a dash, and a table without one (the
 * sentences that are not causal) lists none that are encoded. The last column is the reason. Anything else in the
 * document is ignored, and a document that does not follow this layout simply yields nothing.
 */
final class ClaimsLedger {

    /** A sentence of a source that no rule encodes, and why. */
    record Sentence(String paragraph, String sentence, String reason) {
    }

    static final ClaimsLedger NONE = new ClaimsLedger(Map.of());

    private final Map<String, List<Sentence>> notEncoded;

    private ClaimsLedger(Map<String, List<Sentence>> notEncoded) {
        this.notEncoded = notEncoded;
    }

    /** The sentences of this source that no rule encodes, in the order of the document. */
    List<Sentence> notEncoded(String source) {
        return notEncoded.getOrDefault(source, List.of());
    }

    static ClaimsLedger parse(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return NONE;
        }
        Map<String, List<Sentence>> found = new LinkedHashMap<>();
        String source = null;
        List<String> header = null;
        boolean inTable = false;
        for (String line : markdown.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("## ")) {
                String title = trimmed.substring(3).strip();
                source = title.length() > 2 && title.startsWith("`") && title.endsWith("`")
                        ? title.substring(1, title.length() - 1) : null;
                inTable = false;
                continue;
            }
            if (!trimmed.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(trimmed);
            if (!inTable) {
                header = cells;
                inTable = true;
                continue;
            }
            if (source == null || isSeparator(cells) || header.size() < 3 || !header.get(0).equals("¶")
                    || cells.size() != header.size()) {
                continue;
            }
            int rules = ruleColumn(header);
            if (rules < 0 || isEmpty(cells.get(rules))) {
                found.computeIfAbsent(source, s -> new ArrayList<>())
                        .add(new Sentence(cells.get(0), unquote(cells.get(1)), cells.get(cells.size() - 1)));
            }
        }
        Map<String, List<Sentence>> frozen = new LinkedHashMap<>();
        found.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new ClaimsLedger(frozen);
    }

    private static int ruleColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).startsWith("rule id")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEmpty(String cell) {
        return cell.isEmpty() || cell.equals("—") || cell.equals("-") || cell.equals("–");
    }

    private static boolean isSeparator(List<String> cells) {
        return cells.stream().allMatch(c -> c.matches(":?-+:?"));
    }

    /** The cells of a table row, split at pipes that are not escaped. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }

    /** The sentence without the typographic quotes the tables wrap it in. */
    private static String unquote(String sentence) {
        String s = sentence.strip();
        if (s.length() > 1 && s.charAt(0) == '“' && s.charAt(s.length() - 1) == '”') {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
