package org.policyadvisor.check;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the rule files say, read file by file so that one broken file hides nothing in the others.
 *
 * @param claims   the rules of every file that parses, by file and line
 * @param types    the declared fact types of those files
 * @param unparsed the rule files that do not parse (their problems come from the compiler)
 */
public record WrittenRules(List<Claim> claims, List<DeclaredType> types, List<String> unparsed) {

    public WrittenRules {
        claims = claims.stream().sorted(Comparator.comparing(Claim::file).thenComparingInt(Claim::line)).toList();
        types = List.copyOf(types);
        unparsed = List.copyOf(unparsed);
    }

    /** True when every rule file parsed, so that what no rule says is known. */
    public boolean complete() {
        return unparsed.isEmpty();
    }

    public Optional<DeclaredType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
