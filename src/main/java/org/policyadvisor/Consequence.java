package org.policyadvisor;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A derived fact with every derivation that supports it. Its likelihood is the best of its derivations';
 * its depth is the length of its shortest chain back to the given facts.
 */
public record Consequence(String id, Fact fact, double likelihood, int depth, List<Derivation> derivations)
        implements Node {

    public Consequence {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(fact, "fact must not be null");
        derivations = List.copyOf(derivations);
    }

    /** True when some derivation of this consequence used the rule with this id. */
    public boolean derivedBy(String ruleId) {
        return derivations.stream().anyMatch(d -> d.rule().id().equals(ruleId));
    }

    /** The sources whose claims conclude this fact directly, sorted. */
    public Set<String> sources() {
        Set<String> sources = new TreeSet<>();
        derivations.forEach(d -> sources.add(d.rule().source()));
        return sources;
    }

    /** True when claims of two or more sources conclude this fact: independent sources corroborate it. */
    public boolean corroborated() {
        return sources().size() > 1;
    }
}
