package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.policyadvisor.Grade;
import org.policyadvisor.Source;

/**
 * Every source states where it comes from and how far it is trusted: its header has each field of
 * {@link Source#HEADER}, a {@code grade} on the Admiralty scale ({@code B2}), and {@code text: whole} or
 * {@code text: excerpt}.
 */
final class SourceHeaderLint {

    private SourceHeaderLint() {
    }

    static List<Diagnostic> check(List<Source> sources) {
        List<Diagnostic> found = new ArrayList<>();
        for (Source s : sources) {
            String file = "sources/" + s.id() + ".txt";
            for (String field : Arrays.stream(Source.HEADER.split(",")).map(String::strip).toList()) {
                if (s.header().getOrDefault(field, "").isBlank()) {
                    found.add(Diagnostic.error(file, 1, 1, "source '" + s.id() + "' has no '" + field + ":' in its"
                            + " header; a source states " + Source.HEADER + " (write 'unknown' where it is not known)",
                            ""));
                }
            }
            String grade = s.header().getOrDefault("grade", "");
            if (!grade.isBlank() && Grade.parse(grade).isEmpty()) {
                found.add(Diagnostic.error(file, 1, 1, "source '" + s.id() + "' has grade '" + grade + "'; a grade is"
                        + " a reliability A-F and a credibility 1-6, as in B2", ""));
            }
            String text = s.header().getOrDefault("text", "");
            if (!text.isBlank() && !text.equals("whole") && !text.equals("excerpt")) {
                found.add(Diagnostic.error(file, 1, 1, "source '" + s.id() + "' has text '" + text + "'; write"
                        + " 'text: whole' or 'text: excerpt'", ""));
            }
        }
        return found;
    }
}
