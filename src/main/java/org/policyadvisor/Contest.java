package org.policyadvisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two opposite facts that both hold in one answer: the sources disagree. Both stand, each with its own explanation;
 * neither cancels the other. Opposite types are declared in the vocabulary ({@code @opposite}); two facts are
 * opposite when their types are and their fields are equal.
 *
 * @param one   the first of the two in output order
 * @param other the second
 */
public record Contest(Node one, Node other) {

    public Contest {
        Objects.requireNonNull(one, "one must not be null");
        Objects.requireNonNull(other, "other must not be null");
    }

    /**
     * Every contested pair among the nodes, each once, in the order of the nodes. {@code @opposite} may be declared on
     * either type of a pair: each node looks for the opposite its own type declares, wherever that node is.
     */
    public static List<Contest> among(List<? extends Node> nodes, Vocabulary vocabulary) {
        Map<Fact, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.putIfAbsent(nodes.get(i).fact(), i);
        }
        TreeSet<List<Integer>> pairs = new TreeSet<>(Comparator.<List<Integer>>comparingInt(p -> p.get(0))
                .thenComparingInt(p -> p.get(1)));
        for (int i = 0; i < nodes.size(); i++) {
            Fact fact = nodes.get(i).fact();
            String opposite = vocabulary.type(fact.type()).map(FactTypeSpec::opposite).orElse("");
            if (opposite.isEmpty()) {
                continue;
            }
            Integer j = index.get(vocabulary.canonical(new Fact(opposite, fact.fields())));
            if (j != null && j != i) {
                pairs.add(List.of(Math.min(i, j), Math.max(i, j)));
            }
        }
        List<Contest> contests = new ArrayList<>();
        pairs.forEach(p -> contests.add(new Contest(nodes.get(p.get(0)), nodes.get(p.get(1)))));
        return List.copyOf(contests);
    }
}
