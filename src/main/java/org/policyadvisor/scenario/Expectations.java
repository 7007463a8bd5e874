package org.policyadvisor.scenario;

import java.util.List;

import org.policyadvisor.FactPattern;

/**
 * What a scenario file says must hold: consequences that must follow and must not, rules that must
 * appear in the explanation, consequences that specific rules must derive directly, facts that must be one side of a
 * contested pair, and (for a scenario that extends another) what the difference against that one must show.
 */
public record Expectations(List<FactPattern> follows, List<FactPattern> absent, List<String> rules,
                           List<DerivedBy> derivedBy,
                           List<FactPattern> added, List<FactPattern> removed, List<FactPattern> changed,
                           List<FactPattern> contested) {

    /** A consequence that each listed rule must derive directly: every derivation shown. */
    public record DerivedBy(FactPattern consequence, List<String> rules) {
        public DerivedBy {
            rules = List.copyOf(rules);
        }
    }

    public static final Expectations NONE =
            new Expectations(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Expectations {
        follows = List.copyOf(follows);
        absent = List.copyOf(absent);
        rules = List.copyOf(rules);
        derivedBy = List.copyOf(derivedBy);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        contested = List.copyOf(contested);
    }

    public boolean needsBaseline() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }

    public int count() {
        return follows.size() + absent.size() + rules.size() + derivedBy.size()
                + added.size() + removed.size() + changed.size() + contested.size();
    }
}
