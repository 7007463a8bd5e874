package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * One causal claim of the rule base, with its provenance.
 *
 * @param id       stable slug from {@code @id}
 * @param name     the rule's display name
 * @param quote    the verbatim span of the source the claim rests on
 * @param source   the id of the cited source
 * @param hedge    how firmly the source states the claim
 * @param needs    the fact types the rule requires to be present
 * @param absent   the conditions the rule requires to be absent, as written in the rule
 * @param concludes the fact types the rule concludes
 * @param file     the rule file, relative to the rules directory
 * @param line     the line of the rule in that file
 */
public record Rule(String id, String name, String quote, String source, Hedge hedge,
                   List<String> needs, List<String> absent, List<String> concludes,
                   String file, int line) {

    public Rule {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(hedge, "hedge must not be null");
        needs = List.copyOf(needs);
        absent = List.copyOf(absent);
        concludes = List.copyOf(concludes);
    }

    public double likelihood() {
        return hedge.likelihood();
    }
}
