package org.policyadvisor.whynot;

import java.util.List;
import java.util.Objects;

import org.policyadvisor.Conclusion;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Rule;

/**
 * A rule that could conclude the fact asked about, with each of its conditions judged against the scenario.
 *
 * @param rule       the rule
 * @param conclusion the conclusion of the rule that could produce the fact
 * @param produces   that conclusion with the field values its variables take in this question
 * @param premises   its conditions, in the order written
 */
public record Candidate(Rule rule, Conclusion conclusion, FactPattern produces, List<Premise> premises) {

    public Candidate {
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(conclusion, "conclusion must not be null");
        Objects.requireNonNull(produces, "produces must not be null");
        premises = List.copyOf(premises);
    }

    /**
     * True when every condition looks satisfied by its fixed field values, yet the rule did not conclude the
     * fact: a constraint the field values do not show (a join between conditions, a comparison) is not met.
     */
    public boolean premisesMet() {
        return premises.stream().allMatch(p -> p.state() == Premise.State.SATISFIED);
    }
}
