package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * One causal claim of the rule base, with its provenance and its structure.
 *
 * @param id          stable slug from {@code @id}
 * @param name        the rule's display name
 * @param quote       the verbatim span of the source the claim rests on
 * @param source      the id of the cited source
 * @param hedge       how firmly the source states the claim
 * @param conditions  what the rule requires, present or absent, in the order written
 * @param conclusions what the rule concludes
 * @param file        the rule file, relative to the rules directory
 * @param line        the line of the rule in that file
 */
public record Rule(String id, String name, String quote, String source, Hedge hedge,
                   List<Condition> conditions, List<Conclusion> conclusions, String file, int line) {

    public Rule {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(hedge, "hedge must not be null");
        conditions = List.copyOf(conditions);
        conclusions = List.copyOf(conclusions);
    }

    public double likelihood() {
        return hedge.likelihood();
    }

    /** The fact types that must be present, without repeats. */
    public List<String> needs() {
        return conditions.stream().filter(c -> !c.absent()).map(Condition::type).distinct().toList();
    }

    /** The conditions that must be absent, as written ({@code not ...}). */
    public List<String> absent() {
        return conditions.stream().filter(Condition::absent).map(Condition::text).toList();
    }

    /** The fact types concluded, without repeats. */
    public List<String> concludes() {
        return conclusions.stream().map(Conclusion::type).distinct().toList();
    }
}
