package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.policyadvisor.Problem;
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

    /**
     * What the check found, and what passed it. {@code essential} are the errors that keep a rule base from being
     * built (the grammar, the vocabulary, names and literals, and each rule's id, quote and hedge); the report also
     * has what the lints found.
     */
    public record Result(CheckReport report, List<Diagnostic> essential, Vocabulary vocabulary, List<Rule> rules,
                         List<Source> sources) {
    }

    private RuleCheck() {
    }

    /**
     * @param sources       the rules directory's files
     * @param given         a source text to check quotes against as well ({@code --source}), if any
     * @param expectedTypes the fact types that scenarios expect
     */
    public static Result run(RuleSources sources, Optional<Source> given, Set<String> expectedTypes) {
        return run(sources, given, expectedTypes, true);
    }

    /**
     * The essential check alone, what building a rule base needs: the report has the essential errors only, none of
     * the other lints (which are {@code check}'s and the reloader's to run).
     */
    static Result essential(RuleSources sources) {
        return run(sources, Optional.empty(), Set.of(), false);
    }

    private static Result run(RuleSources sources, Optional<Source> given, Set<String> expectedTypes, boolean lints) {
        Objects.requireNonNull(sources, "sources must not be null");
        if (sources.ruleFiles().isEmpty()) {
            List<Diagnostic> none = List.of(Diagnostic.error(sources.origin(), 1, 1, "no rule files (.drl, .dslr)", ""));
            return new Result(new CheckReport(none), none, null, List.of(), List.of());
        }
        WrittenRules written = RuleReader.read(sources);
        List<Diagnostic> found = new ArrayList<>(written.problems());
        Vocabulary vocabulary = VocabularyCheck.build(written.types(), ActorList.read(sources), found);
        List<Rule> rules = ClaimCheck.check(written.claims(), vocabulary, found);
        found.addAll(Lints.essential(written));
        List<Diagnostic> essential = found.stream().filter(Diagnostic::isError).sorted().toList();
        List<Source> cited = Source.all(sources);
        if (lints) {
            found.addAll(Lints.run(written, sources, cited, given, expectedTypes));
        }
        return new Result(new CheckReport(found), essential, vocabulary, rules, cited);
    }

    /**
     * Every error {@code check} finds, as problems located {@code file:line:col}, for a caller that wants the lints
     * to block new rules as well (a reloader, for instance).
     */
    public static List<Problem> lintErrors(RuleSources sources) {
        return problems(run(sources, Optional.empty(), Set.of()).report().diagnostics());
    }

    /** The errors among the diagnostics, as problems located {@code file:line:col}, each naming its rule. */
    static List<Problem> problems(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(Diagnostic::isError)
                .map(d -> new Problem(d.file() + ":" + d.line() + ":" + d.col(),
                        d.ruleId().isEmpty() ? d.message() : d.message() + " [" + d.ruleId() + "]"))
                .toList();
    }

    /** Shorthand for the check a build makes. */
    public static CheckReport report(RuleSources sources, Optional<Source> given, Set<String> expectedTypes) {
        return run(sources, given, expectedTypes).report();
    }
}
