package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.policyadvisor.Source;

/**
 * The lints that read rule text only, so they run whether or not the rules compile: metadata, plain inserts,
 * quotes and sources, consequences nobody uses, cycles, and contradicting claims. Documented in rules/README.md.
 */
public final class Lints {

    private Lints() {
    }

    /**
     * @param rules         what the rule files say
     * @param sources       the sources kept with the rules
     * @param given         a source text given on the command line, if any
     * @param expectedTypes the fact types that scenarios expect
     */
    public static List<Diagnostic> run(WrittenRules rules, List<Source> sources, Optional<Source> given,
                                       Set<String> expectedTypes) {
        Objects.requireNonNull(rules, "rules must not be null");
        List<Diagnostic> found = new ArrayList<>();
        found.addAll(MetadataLint.check(rules.claims()));
        found.addAll(InsertLint.check(rules.claims()));
        found.addAll(SourceLint.check(rules.claims(), sources, given));
        found.addAll(UnusedConsequenceLint.check(rules, expectedTypes));
        if (!rules.claims().isEmpty()) {
            found.addAll(CycleLint.check(rules.claims()));
        }
        found.addAll(OppositeLint.check(rules));
        return found;
    }
}
