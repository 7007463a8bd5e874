package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;


/**
 * A type that rules conclude but that no rule uses as a condition (present or absent) and no scenario
 * expects is a dead end nobody looks at: a warning, reported once per type at its declaration.
 */
final class UnusedConsequenceLint {

    private UnusedConsequenceLint() {
    }

    static List<Diagnostic> check(WrittenRules rules, Set<String> expectedTypes) {
        if (!rules.complete()) {
            return List.of(); // a file that does not parse may well use the type
        }
        Set<String> used = new HashSet<>();
        rules.claims().forEach(c -> c.premises().stream().map(Premise::type).forEach(used::add));
        Map<String, List<Claim>> concludedBy = new TreeMap<>();
        for (Claim c : rules.claims()) {
            c.concludes().forEach(t -> concludedBy.computeIfAbsent(t, k -> new ArrayList<>()).add(c));
        }
        List<Diagnostic> found = new ArrayList<>();
        concludedBy.forEach((type, claims) -> {
            if (used.contains(type) || expectedTypes.contains(type)) {
                return;
            }
            String message = "consequence type " + type + " is concluded by "
                    + String.join(", ", claims.stream().map(Claim::label).toList())
                    + " but no rule uses it as a condition and no scenario expects it";
            Optional<DeclaredType> declared = rules.type(type);
            Claim first = claims.get(0);
            found.add(declared.isPresent()
                    ? Diagnostic.warning(declared.get().file(), declared.get().line(), 1, message, "")
                    : Diagnostic.warning(first.file(), first.line(), 1, message, first.id()));
        });
        return found;
    }
}
