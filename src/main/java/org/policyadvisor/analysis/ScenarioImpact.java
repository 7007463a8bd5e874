package org.policyadvisor.analysis;

import java.util.List;
import java.util.Objects;

import org.policyadvisor.Change;
import org.policyadvisor.Consequence;
import org.policyadvisor.scenario.Outcome;

/**
 * What a change of rules does to one scenario: the consequences that follow only under the new rules
 * ({@code added}, explained by them), only under the old ({@code removed}, explained by those), and under both with
 * another likelihood ({@code changed}, explained on each side); how the scenario's {@code expect} block fared under
 * each; and, when the scenario could not be evaluated under one of them, why ({@code problem}; the lists are then
 * empty).
 */
public record ScenarioImpact(String name, String description, List<Consequence> added, List<Consequence> removed,
                             List<Change> changed, Outcome before, Outcome after, String problem) {

    public ScenarioImpact {
        Objects.requireNonNull(name, "name must not be null");
        description = description == null ? "" : description;
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(after, "after must not be null");
    }

    /** True when the expectations held under the old rules and fail under the new. */
    public boolean regression() {
        return before.passed() && !after.passed();
    }

    /** True when the expectations failed under the old rules and hold under the new. */
    public boolean fixed() {
        return !before.passed() && after.passed();
    }

    /** True when the rule change makes no difference to this scenario's answer or expectations. */
    public boolean unaffected() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && problem == null
                && before.failures().equals(after.failures());
    }
}
