package org.policyadvisor;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which claims an evaluation uses, and how firmly: only the claims of some sources (all when {@code sources} is
 * empty), none of the {@code disabled} rule ids, and a hedge other than the written one for some rule ids. The
 * rule base itself stays as it is; this is how a what-if restricts sources or asks what a conclusion hangs on.
 */
public record RuleSelection(Set<String> sources, Set<String> disabled, Map<String, Hedge> hedges) {

    /** Every claim, as written. */
    public static final RuleSelection ALL = new RuleSelection(Set.of(), Set.of(), Map.of());

    public RuleSelection {
        sources = Set.copyOf(new TreeSet<>(Objects.requireNonNull(sources, "sources must not be null")));
        disabled = Set.copyOf(new TreeSet<>(Objects.requireNonNull(disabled, "disabled must not be null")));
        hedges = Map.copyOf(new TreeMap<>(Objects.requireNonNull(hedges, "hedges must not be null")));
    }

    /** True when the rule takes part in an evaluation. */
    public boolean uses(Rule rule) {
        return !disabled.contains(rule.id()) && (sources.isEmpty() || sources.contains(rule.source()));
    }

    /** The rule's hedge in an evaluation. */
    public Hedge hedge(Rule rule) {
        return hedges.getOrDefault(rule.id(), rule.hedge());
    }

    public RuleSelection withSources(Set<String> only) {
        return new RuleSelection(only, disabled, hedges);
    }

    public RuleSelection without(String ruleId) {
        Set<String> more = new TreeSet<>(disabled);
        more.add(ruleId);
        return new RuleSelection(sources, more, hedges);
    }

    public RuleSelection withHedge(String ruleId, Hedge hedge) {
        Map<String, Hedge> more = new TreeMap<>(hedges);
        more.put(ruleId, hedge);
        return new RuleSelection(sources, disabled, more);
    }
}
