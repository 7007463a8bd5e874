package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.policyadvisor.Conclusion;

/**
 * Two rules that conclude a thing and its opposite from the same premises contradict each other.
 * Opposites: two types linked by {@code @opposite("Other")} on either declaration, or the same type
 * with a boolean field set to {@code true} by one rule and {@code false} by the other; in both cases
 * every other field that both conclusions set must agree. Same premises: the same set of condition
 * texts, as written (whitespace aside).
 */
final class OppositeLint {

    private OppositeLint() {
    }

    static List<Diagnostic> check(WrittenRules rules) {
        List<Diagnostic> found = new ArrayList<>();
        Set<List<String>> opposites = new HashSet<>();
        for (DeclaredType t : rules.types()) {
            if (t.opposite().isEmpty()) {
                continue;
            }
            if (rules.type(t.opposite()).isEmpty()) {
                found.add(Diagnostic.error(t.file(), t.line(), 1, "@opposite(\"" + t.opposite() + "\") of "
                        + t.name() + " names no declared type", ""));
            } else {
                opposites.add(List.of(t.name(), t.opposite()));
                opposites.add(List.of(t.opposite(), t.name()));
            }
        }
        Map<Set<String>, List<Claim>> byPremises = new LinkedHashMap<>();
        rules.claims().forEach(c -> byPremises.computeIfAbsent(c.premises(), k -> new ArrayList<>()).add(c));
        for (List<Claim> group : byPremises.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    contradictions(group.get(i), group.get(j), opposites, found);
                }
            }
        }
        return found;
    }

    private static void contradictions(Claim first, Claim second, Set<List<String>> opposites, List<Diagnostic> found) {
        for (Conclusion a : first.conclusions()) {
            for (Conclusion b : second.conclusions()) {
                if (opposite(a, b, opposites)) {
                    found.add(Diagnostic.error(second.file(), second.line(), 1, "rule " + second.label() + " concludes "
                            + b + ", the opposite of " + a + " which rule " + first.label() + " (" + first.file() + ":"
                            + first.line() + ") concludes from the same premises", second.id()));
                }
            }
        }
    }

    static boolean opposite(Conclusion a, Conclusion b, Set<List<String>> opposites) {
        boolean sameType = a.type().equals(b.type());
        if (!sameType && !opposites.contains(List.of(a.type(), b.type()))) {
            return false;
        }
        boolean flipped = false;
        for (Map.Entry<String, Object> e : a.fields().entrySet()) {
            if (!b.fields().containsKey(e.getKey())) {
                continue;
            }
            Object x = e.getValue();
            Object y = b.fields().get(e.getKey());
            if (sameType && x instanceof Boolean && y instanceof Boolean && !x.equals(y)) {
                flipped = true;
            } else if (!Objects.equals(x, y)) {
                return false;
            }
        }
        return !sameType || flipped;
    }
}
