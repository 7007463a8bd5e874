package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policyadvisor.RuleSources;

/**
 * The documents kept with the rules say what the rules are: {@value #CLAIMS} lists every rule id, in the "Rule id(s)"
 * column of its tables, and every id it lists is a rule; {@value #README} has a vocabulary table (first column
 * "Type") that lists every declared type, and every type it lists is declared. Checked only when the document is there.
 */
final class DocsLint {

    static final String CLAIMS = "CLAIMS.md";
    static final String README = "README.md";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private DocsLint() {
    }

    static List<Diagnostic> check(WrittenRules rules, RuleSources files) {
        List<Diagnostic> found = new ArrayList<>();
        if (!rules.complete()) {
            return found;
        }
        files.file(CLAIMS).ifPresent(f -> {
            Map<String, Integer> listed = column(f.text(), "rule id");
            Set<String> ids = new TreeSet<>();
            rules.claims().forEach(c -> ids.add(c.id()));
            for (Claim c : rules.claims()) {
                if (!c.id().isBlank() && !listed.containsKey(c.id())) {
                    found.add(Diagnostic.error(c.file(), c.lineOf("id"), c.colOf("id"), "rule " + c.id() + " is not"
                            + " listed in " + CLAIMS + " (the Rule id(s) column of its source's section)", c.id()));
                }
            }
            listed.forEach((id, line) -> {
                if (!ids.contains(id)) {
                    found.add(Diagnostic.error(CLAIMS, line, 1, CLAIMS + " lists rule " + id + ", which no rule file"
                            + " has", ""));
                }
            });
        });
        files.file(README).ifPresent(f -> {
            Map<String, Integer> listed = column(f.text(), "type");
            if (listed.isEmpty()) {
                found.add(Diagnostic.error(README, 1, 1, README + " has no vocabulary table (a table whose first"
                        + " column is 'Type')", ""));
                return;
            }
            for (DeclaredType t : rules.types()) {
                if (!listed.containsKey(t.name())) {
                    found.add(Diagnostic.error(t.file(), t.line(), 1, "type " + t.name() + " is not in the vocabulary"
                            + " table of " + README, ""));
                }
            }
            listed.forEach((type, line) -> {
                if (rules.type(type).isEmpty()) {
                    found.add(Diagnostic.error(README, line, 1, "the vocabulary table of " + README + " lists "
                            + type + ", which " + "the vocabulary does not declare", ""));
                }
            });
        });
        return found;
    }

    /**
     * The code spans in the column of every table whose header cell starts with {@code header} (case aside), with
     * the line each is on.
     */
    private static Map<String, Integer> column(String text, String header) {
        Map<String, Integer> values = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        int column = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("|")) {
                column = -1;
                continue;
            }
            List<String> cells = List.of(line.substring(1).split("\\|", -1));
            if (column < 0) {
                column = header(cells, header);
                continue;
            }
            if (column < cells.size() && !cells.get(column).strip().startsWith("---")) {
                Matcher m = CODE.matcher(cells.get(column));
                while (m.find()) {
                    values.putIfAbsent(m.group(1).strip(), i + 1);
                }
            }
        }
        return values;
    }

    private static int header(List<String> cells, String header) {
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).strip().toLowerCase().startsWith(header)) {
                return c;
            }
        }
        return Integer.MAX_VALUE;
    }
}
