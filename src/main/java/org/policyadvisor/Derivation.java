package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * One way a consequence follows: a rule, the premises it matched (given facts or other consequences, in the order
 * of the rule's conditions that must hold), and the absences it relied on ({@code not ...} conditions).
 *
 * @param likelihood the rule's weight times the weakest premise's likelihood
 * @param hedge      the rule's hedge as this evaluation used it (the written one, unless the selection changed it)
 * @param factor     what the grade of the rule's source scales its claims by ({@link Grade#factor()}; 1 ungraded)
 */
public record Derivation(Rule rule, List<Node> premises, List<String> absent, double likelihood, Hedge hedge,
                         double factor) {

    public Derivation {
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(hedge, "hedge must not be null");
        premises = List.copyOf(premises);
        absent = List.copyOf(absent);
    }

    /** What the rule's claim counts for: its hedge's likelihood times its source's factor. */
    public double weight() {
        return hedge.likelihood() * factor;
    }
}
