package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.policyadvisor.Rule;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Source;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.check.ActorList;
import org.policyadvisor.check.CheckReport;
import org.policyadvisor.check.ClaimCheck;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.Lints;
import org.policyadvisor.check.VocabularyCheck;
import org.policyadvisor.check.WrittenRules;

/**
 * Everything wrong with a rules directory, all at once, without compiling or running anything: the claim grammar
 * file by file, the vocabulary, every name and literal of the claims, and the lints. What building a rule base and
 * the {@code check} command both see.
 */
public final class RuleCheck {

    /** What the check found, and what passed it. */
    public record Result(CheckReport report, Vocabulary vocabulary, List<Rule> rules, List<Source> sources) {
    }

    private RuleCheck() {
    }

    /**
     * @param sources       the rules directory's files
     * @param given         a source text to check quotes against as well ({@code --source}), if any
     * @param expectedTypes the fact types that scenarios expect
     */
    public static Result run(RuleSources sources, Optional<Source> given, Set<String> expectedTypes) {
        Objects.requireNonNull(sources, "sources must not be null");
        if (sources.ruleFiles().isEmpty()) {
            return new Result(new CheckReport(List.of(Diagnostic.error(sources.origin(), 1, 1,
                    "no rule files (.drl, .dslr)", ""))), null, List.of(), List.of());
        }
        WrittenRules written = RuleReader.read(sources);
        List<Diagnostic> found = new ArrayList<>(written.problems());
        Vocabulary vocabulary = VocabularyCheck.build(written.types(), ActorList.read(sources), found);
        List<Rule> rules = ClaimCheck.check(written.claims(), vocabulary, found);
        List<Source> cited = Source.all(sources);
        found.addAll(Lints.run(written, sources, cited, given, expectedTypes));
        return new Result(new CheckReport(found), vocabulary, rules, cited);
    }

    /** Shorthand for the check a build makes. */
    public static CheckReport report(RuleSources sources, Optional<Source> given, Set<String> expectedTypes) {
        return run(sources, given, expectedTypes).report();
    }
}
