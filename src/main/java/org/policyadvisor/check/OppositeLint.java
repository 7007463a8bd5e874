package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source contradicts itself when two of its claims conclude a fact and its opposite from the same premises:
 * opposite types are declared with {@code @opposite("Other")}, and the two conclusions must have the same arguments.
 * That is an error. Claims of two different sources that conclude opposite things are not: the sources disagree,
 * and answers show the pair as contested.
 */
final class OppositeLint {

    private OppositeLint() {
    }

    static List<Diagnostic> check(WrittenRules rules) {
        List<Diagnostic> found = new ArrayList<>();
        Map<List<Object>, List<Claim>> groups = new LinkedHashMap<>();
        rules.claims().forEach(c -> groups.computeIfAbsent(List.of(c.source(), c.premiseTexts()),
                k -> new ArrayList<>()).add(c));
        for (List<Claim> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    contradictions(group.get(i), group.get(j), rules, found);
                }
            }
        }
        return found;
    }

    private static void contradictions(Claim first, Claim second, WrittenRules rules, List<Diagnostic> found) {
        for (Insert a : first.inserts()) {
            for (Insert b : second.inserts()) {
                if (opposite(a, b, rules)) {
                    found.add(Diagnostic.error(second.file(), b.line(), b.col(), "source '" + second.source()
                            + "' contradicts itself: rule " + second.label() + " concludes " + b + ", the opposite of "
                            + a + " which rule " + first.label() + " (" + first.file() + ":" + first.line()
                            + ") concludes from the same premises", second.id()));
                }
            }
        }
    }

    private static boolean opposite(Insert a, Insert b, WrittenRules rules) {
        String declared = rules.type(a.type()).map(DeclaredType::opposite).orElse("");
        String back = rules.type(b.type()).map(DeclaredType::opposite).orElse("");
        boolean types = declared.equals(b.type()) || back.equals(a.type());
        return types && a.args().equals(b.args()) && !Set.of(a.type()).contains(b.type());
    }
}
