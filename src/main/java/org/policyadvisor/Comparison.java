package org.policyadvisor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counterfactual difference between a baseline and a scenario: consequences that follow only in
 * the scenario ({@code added}), only in the baseline ({@code removed}), or in both with a different
 * likelihood ({@code changed}). Each keeps its explanation from the assessment it comes from.
 */
public record Comparison(Assessment baseline, Assessment scenario,
                         List<Consequence> added, List<Consequence> removed, List<Change> changed) {

    public Comparison {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** Compares two assessments; the lists keep the order of the assessment each item comes from. */
    public static Comparison of(Assessment baseline, Assessment scenario) {
        Map<Fact, Consequence> before = byFact(baseline);
        Map<Fact, Consequence> after = byFact(scenario);
        List<Consequence> added = scenario.consequences().stream()
                .filter(c -> !before.containsKey(c.fact())).toList();
        List<Consequence> removed = baseline.consequences().stream()
                .filter(c -> !after.containsKey(c.fact())).toList();
        List<Change> changed = scenario.consequences().stream()
                .filter(c -> before.containsKey(c.fact()))
                .filter(c -> Math.abs(before.get(c.fact()).likelihood() - c.likelihood()) > 1e-9)
                .map(c -> new Change(before.get(c.fact()), c))
                .toList();
        return new Comparison(baseline, scenario, added, removed, changed);
    }

    private static Map<Fact, Consequence> byFact(Assessment assessment) {
        Map<Fact, Consequence> index = new HashMap<>();
        assessment.consequences().forEach(c -> index.put(c.fact(), c));
        return index;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
