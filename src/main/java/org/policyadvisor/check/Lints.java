package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.policyadvisor.RuleSources;
import org.policyadvisor.Source;

/**
 * The lints over what the rule files say: metadata, quotes and sources, source headers, the rule ids of CLAIMS.md and
 * the vocabulary table of README.md, consequences nobody uses, cycles, and a source contradicting itself.
 * Documented in rules/README.md.
 */
public final class Lints {

    private Lints() {
    }

    /** The lints without which no rule base is built: each rule's id (unique), quote and hedge. */
    public static List<Diagnostic> essential(WrittenRules rules) {
        return MetadataLint.check(rules.claims());
    }

    /**
     * The other lints.
     *
     * @param rules         what the rule files say
     * @param sources       the sources kept with the rules
     * @param given         a source text given on the command line, if any
     * @param expectedTypes the fact types that scenarios expect
     */
    public static List<Diagnostic> run(WrittenRules rules, RuleSources files, List<Source> sources,
                                       Optional<Source> given, Set<String> expectedTypes) {
        Objects.requireNonNull(rules, "rules must not be null");
        List<Diagnostic> found = new ArrayList<>();
        found.addAll(SourceLint.check(rules.claims(), sources, given));
        found.addAll(SourceHeaderLint.check(sources));
        found.addAll(DocsLint.check(rules, files));
        found.addAll(UnusedConsequenceLint.check(rules, expectedTypes));
        if (!rules.claims().isEmpty()) {
            found.addAll(CycleLint.check(rules.claims()));
        }
        found.addAll(OppositeLint.check(rules));
        return found;
    }
}
