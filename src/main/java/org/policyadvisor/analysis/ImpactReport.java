package org.policyadvisor.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.policyadvisor.Fact;

/**
 * The impact of a rule change over a folder of scenarios: the two revisions, which rules differ, each scenario in
 * name order, and per consequence that some scenario gains, loses or sees change, the scenarios it happens in.
 */
public record ImpactReport(String oldRevision, String newRevision, RuleDiff rules, List<ScenarioImpact> scenarios,
                           List<Touch> consequences) {

    /** How a consequence is touched. */
    public enum Kind {
        CHANGED, ADDED, REMOVED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One consequence, touched one way, in these scenarios (by name, sorted). */
    public record Touch(Fact fact, Kind kind, List<String> scenarios) {
        public Touch {
            Objects.requireNonNull(fact, "fact must not be null");
            Objects.requireNonNull(kind, "kind must not be null");
            scenarios = List.copyOf(scenarios);
        }
    }

    /**
     * The impact in numbers: the scenarios compared, those the change affects (see
     * {@link ScenarioImpact#unaffected()}), the consequences added, removed and changed summed over the scenarios,
     * and the regressions.
     */
    public record Summary(int scenarios, int affected, int added, int removed, int changed, int regressions) {
    }

    public ImpactReport {
        Objects.requireNonNull(rules, "rules must not be null");
        scenarios = List.copyOf(scenarios);
        consequences = List.copyOf(consequences);
    }

    /** The scenarios whose expectations held under the old rules and fail under the new. */
    public List<ScenarioImpact> regressions() {
        return scenarios.stream().filter(ScenarioImpact::regression).toList();
    }

    public Summary summary() {
        int affected = 0;
        int added = 0;
        int removed = 0;
        int changed = 0;
        int regressions = 0;
        for (ScenarioImpact s : scenarios) {
            affected += s.unaffected() ? 0 : 1;
            added += s.added().size();
            removed += s.removed().size();
            changed += s.changed().size();
            regressions += s.regression() ? 1 : 0;
        }
        return new Summary(scenarios.size(), affected, added, removed, changed, regressions);
    }

    /** The consequences touched one way. */
    public List<Touch> consequences(Kind kind) {
        return consequences.stream().filter(t -> t.kind() == kind).toList();
    }
}
