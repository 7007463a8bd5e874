package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * One way a consequence follows: a rule, the premises it matched (given facts or other consequences,
 * in the order of the rule's conditions), and the absences it relied on ({@code not ...} conditions).
 * Its likelihood is the rule's likelihood times the weakest premise's.
 */
public record Derivation(Rule rule, List<Node> premises, List<String> absent, double likelihood) {

    public Derivation {
        Objects.requireNonNull(rule, "rule must not be null");
        premises = List.copyOf(premises);
        absent = List.copyOf(absent);
    }
}
