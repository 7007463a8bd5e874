package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * One way a consequence follows: a rule, the premises it matched (given facts or other consequences, in the order
 * of the rule's conditions that must hold), and the absences it relied on ({@code not ...} conditions).
 *
 * @param weight     what the rule's claim counts for: its hedge's likelihood, scaled by its source's grade
 * @param likelihood the weight times the weakest premise's likelihood
 */
public record Derivation(Rule rule, List<Node> premises, List<String> absent, double likelihood, double weight) {

    public Derivation {
        Objects.requireNonNull(rule, "rule must not be null");
        premises = List.copyOf(premises);
        absent = List.copyOf(absent);
    }
}
