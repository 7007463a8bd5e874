package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.policyadvisor.Problem;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Source;
import org.policyadvisor.check.CheckReport;
import org.policyadvisor.check.Claim;
import org.policyadvisor.check.Diagnostic;
import org.policyadvisor.check.Lints;
import org.policyadvisor.check.Severity;
import org.policyadvisor.check.WrittenRules;

/**
 * Everything wrong with a rules directory, all at once: forbidden code, what the Drools compiler
 * rejects, and the lints over the rule text. Each step runs whatever the others find, so a syntax
 * error in one file hides nothing elsewhere. Nothing is evaluated.
 */
public final class RuleCheck {

    private RuleCheck() {
    }

    /**
     * @param sources       the rules directory's files
     * @param given         a source text to check quotes against as well ({@code --source}), if any
     * @param expectedTypes the fact types that scenarios expect
     */
    public static CheckReport run(RuleSources sources, Optional<Source> given, Set<String> expectedTypes) {
        Objects.requireNonNull(sources, "sources must not be null");
        if (sources.ruleFiles().isEmpty()) {
            return new CheckReport(List.of(Diagnostic.error(sources.origin(), 1, 1, "no rule files (.drl, .dslr)", "")));
        }
        WrittenRules written = WrittenRulesReader.read(sources);
        List<Diagnostic> found = new ArrayList<>();
        for (Problem p : CodePolicy.check(sources)) {
            found.add(inRule(Diagnostic.of(p, Severity.ERROR), written));
        }
        for (Problem p : compileErrors(sources, written)) {
            found.add(inRule(Diagnostic.of(p, Severity.ERROR), written));
        }
        found.addAll(Lints.run(written, Source.all(sources), given, expectedTypes));
        return new CheckReport(found);
    }

    /**
     * The errors of the text lints alone, as problems located {@code file:line:col}, for a caller that
     * compiles the rules itself and wants nothing more to block them (a reloader, for instance).
     */
    public static List<Problem> lintErrors(RuleSources sources) {
        return Lints.run(WrittenRulesReader.read(sources), Source.all(sources), Optional.empty(), Set.of()).stream()
                .filter(Diagnostic::isError).sorted()
                .map(d -> new Problem(d.file() + ":" + d.line() + ":" + d.col(),
                        d.ruleId().isEmpty() ? d.message() : d.message() + " [" + d.ruleId() + "]"))
                .toList();
    }

    /**
     * The compiler's errors. A file that does not parse makes the compiler fail to resolve, in every other
     * file, the types of its package; so the broken files report their own errors (the parser's, when the
     * compiler gave none), and the other files are compiled again without them.
     */
    private static List<Problem> compileErrors(RuleSources sources, WrittenRules written) {
        List<Problem> all = DroolsCompiler.compileErrors(sources);
        if (written.complete()) {
            return all;
        }
        Set<String> unparsed = Set.copyOf(written.unparsed());
        List<Problem> problems = new ArrayList<>(all.stream().filter(p -> unparsed.contains(fileOf(p))).toList());
        Set<String> reported = new HashSet<>();
        problems.forEach(p -> reported.add(fileOf(p)));
        RuleText.parse(sources).problems().stream().filter(p -> !reported.contains(fileOf(p))).forEach(problems::add);
        RuleSources rest = new RuleSources(sources.origin(), sources.files().stream()
                .filter(f -> !unparsed.contains(f.path())).toList());
        if (!rest.ruleFiles().isEmpty()) {
            problems.addAll(DroolsCompiler.compileErrors(rest));
        }
        return problems;
    }

    private static String fileOf(Problem p) {
        return Diagnostic.of(p, Severity.ERROR).file();
    }

    /** Names the rule a located problem lies in, when it lies in one. */
    private static Diagnostic inRule(Diagnostic d, WrittenRules written) {
        return written.claims().stream().filter(c -> c.spans(d.file(), d.line())).findFirst()
                .map(Claim::id).map(d::withRuleId).orElse(d);
    }
}
