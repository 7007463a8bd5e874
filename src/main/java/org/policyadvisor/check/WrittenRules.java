package org.policyadvisor.check;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the rule files say, read by the claim grammar file by file, so that one broken file hides nothing in the
 * others. Nothing here has been compiled or checked against the vocabulary.
 *
 * @param claims   the rules of every file that passed the grammar, by file and line
 * @param types    the declared fact types of the vocabulary file
 * @param problems what the grammar refused, each at file:line:col
 * @param unparsed the rule files that did not pass the grammar
 */
public record WrittenRules(List<Claim> claims, List<DeclaredType> types, List<Diagnostic> problems,
                           List<String> unparsed) {

    public WrittenRules {
        claims = claims.stream().sorted(Comparator.comparing(Claim::file).thenComparingInt(Claim::line)).toList();
        types = List.copyOf(types);
        problems = problems.stream().sorted().toList();
        unparsed = List.copyOf(unparsed);
    }

    /** True when every rule file passed the grammar, so that what no rule says is known. */
    public boolean complete() {
        return unparsed.isEmpty();
    }

    public Optional<DeclaredType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
