package org.policyadvisor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What follows from a scenario: the given facts, every consequence with its explanation, in a
 * deterministic order (shortest chain first, then type and fields), the rule-base revision used, and the pairs
 * of opposite facts that both hold ({@code contested}: the sources disagree).
 */
public record Assessment(String revision, String description, List<Given> given,
                         List<Consequence> consequences, int firings, List<Contest> contested) {

    public Assessment {
        Objects.requireNonNull(revision, "revision must not be null");
        description = description == null ? "" : description;
        given = List.copyOf(given);
        consequences = List.copyOf(consequences);
        contested = contested == null ? List.of() : List.copyOf(contested);
    }

    /** The consequence equal to this fact, if it followed. */
    public Optional<Consequence> find(Fact fact) {
        return consequences.stream().filter(c -> c.fact().equals(fact)).findFirst();
    }

    /** The consequences of this type whose listed fields have the listed values. */
    public List<Consequence> matching(String type, Map<String, ?> fields) {
        return consequences.stream().filter(c -> c.fact().matches(type, fields)).toList();
    }

    /** The ids of every rule that appears in some explanation, sorted. */
    public Set<String> rulesUsed() {
        Set<String> ids = new TreeSet<>();
        consequences.forEach(c -> c.derivations().forEach(d -> ids.add(d.rule().id())));
        return ids;
    }
}
