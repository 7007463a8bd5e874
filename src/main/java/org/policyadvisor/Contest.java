package org.policyadvisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Every contested pair among the nodes, each once, in the order of the nodes. */
    public static List<Contest> among(List<? extends Node> nodes, Vocabulary vocabulary) {
        Map<Fact, Node> byFact = new HashMap<>();
        nodes.forEach(n -> byFact.putIfAbsent(n.fact(), n));
        List<Contest> contests = new ArrayList<>();
        for (Node node : nodes) {
            String opposite = vocabulary.type(node.fact().type()).map(FactTypeSpec::opposite).orElse("");
            if (opposite.isEmpty()) {
                continue;
            }
            Node other = byFact.get(vocabulary.canonical(new Fact(opposite, node.fact().fields())));
            if (other != null && nodes.indexOf(other) > nodes.indexOf(node)) {
                contests.add(new Contest(node, other));
            }
        }
        return List.copyOf(contests);
    }
}
