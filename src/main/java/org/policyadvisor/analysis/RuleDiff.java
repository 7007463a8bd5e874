package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.policyadvisor.Rule;

/**
 * Which rules differ between two rule sets, by id: those only in the new set ({@code added}), only in the old
 * ({@code removed}), and those in both that say something else ({@code changed}). Where a rule is written (file,
 * line) does not count as a difference.
 */
public record RuleDiff(List<Rule> added, List<Rule> removed, List<Changed> changed) {

    /** A rule in both sets that differs, and in what: {@code hedge will -> may}, {@code quote}, {@code conditions}. */
    public record Changed(Rule before, Rule after, List<String> differences) {
        public Changed {
            Objects.requireNonNull(before, "before must not be null");
            Objects.requireNonNull(after, "after must not be null");
            differences = List.copyOf(differences);
        }

        public String id() {
            return after.id();
        }
    }

    public RuleDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The ids of every rule that differs, sorted. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        added.forEach(r -> ids.add(r.id()));
        removed.forEach(r -> ids.add(r.id()));
        changed.forEach(c -> ids.add(c.id()));
        return ids.stream().sorted().toList();
    }

    /** The difference from the old rules to the new, each list ordered by rule id. */
    public static RuleDiff of(List<Rule> old, List<Rule> now) {
        Map<String, Rule> before = byId(old);
        Map<String, Rule> after = byId(now);
        List<Rule> added = after.values().stream().filter(r -> !before.containsKey(r.id())).toList();
        List<Rule> removed = before.values().stream().filter(r -> !after.containsKey(r.id())).toList();
        List<Changed> changed = new ArrayList<>();
        for (Rule r : after.values()) {
            Rule was = before.get(r.id());
            if (was != null) {
                List<String> differences = differences(was, r);
                if (!differences.isEmpty()) {
                    changed.add(new Changed(was, r, differences));
                }
            }
        }
        return new RuleDiff(added, removed, changed);
    }

    private static Map<String, Rule> byId(List<Rule> rules) {
        Map<String, Rule> byId = new TreeMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    private static List<String> differences(Rule was, Rule now) {
        List<String> out = new ArrayList<>();
        if (was.hedge() != now.hedge()) {
            out.add("hedge " + was.hedge().word() + " -> " + now.hedge().word());
        }
        if (!Objects.equals(was.name(), now.name())) {
            out.add("name");
        }
        if (!Objects.equals(was.quote(), now.quote())) {
            out.add("quote");
        }
        if (!Objects.equals(was.source(), now.source())) {
            out.add("source " + was.source() + " -> " + now.source());
        }
        if (!was.conditions().equals(now.conditions())) {
            out.add("conditions");
        }
        if (!was.conclusions().equals(now.conclusions())) {
            out.add("conclusions");
        }
        return out;
    }
}
