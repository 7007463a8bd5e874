package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.Assessment;
import org.policyadvisor.Consequence;
import org.policyadvisor.Derivation;
import org.policyadvisor.Fact;
import org.policyadvisor.Given;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;

/**
 * Turns what the session held into an explanation graph.
 *
 * <p>Likelihood: a given fact is 1; a derivation is its rule's likelihood times its weakest premise's;
 * a consequence takes its best derivation. Depth: given facts are 0; a derivation is one more than its
 * deepest premise; a consequence takes its shallowest derivation. A derivation that would rest on the
 * consequence it supports (a cycle) is left out, so every explanation bottoms out in given facts.
 * Node ids are assigned in output order: {@code g1..} for given facts in input order, {@code c1..}
 * for consequences by depth, then type, then fields.
 */
final class Explanations {

    private record Support(Rule rule, List<Fact> premises, int depth, double likelihood) {

        /** Orders the derivations of one consequence: by rule id, then by premises. */
        String key() {
            StringBuilder key = new StringBuilder(rule.id());
            for (Fact premise : premises) {
                key.append('\u0000').append(premise);
            }
            return key.toString();
        }
    }

    private record Info(List<Support> supports, int depth, double likelihood) {
    }

    private final Map<Fact, Given> given = new LinkedHashMap<>();
    private final Map<Fact, List<Evaluation.Support>> derived;
    private final Map<String, Rule> rules;
    private final Map<Fact, Info> infos = new HashMap<>();
    private final Map<Fact, Boolean> visiting = new HashMap<>();
    private final Map<Fact, String> ids = new HashMap<>();
    private final Map<Fact, Consequence> built = new HashMap<>();
    /** Each rule's absent conditions, worked out once per rule base rather than for every derivation. */
    private final Map<Rule, List<String>> absent;

    private Explanations(Evaluation.Result result, Map<String, Rule> rules, Map<Rule, List<String>> absent) {
        for (Fact fact : result.given()) {
            given.computeIfAbsent(fact, f -> new Given("g" + (given.size() + 1), f));
        }
        this.derived = result.derived();
        this.rules = rules;
        this.absent = absent;
    }

    static Assessment assess(String revision, String description, Evaluation.Result result, Map<String, Rule> rules,
                             Map<Rule, List<String>> absent) {
        return new Explanations(result, rules, absent).assessment(revision, description, result.firings());
    }

    private Assessment assessment(String revision, String description, int firings) {
        List<Fact> facts = new ArrayList<>(derived.size());
        for (Fact fact : derived.keySet()) {
            if (!given.containsKey(fact)) {
                facts.add(fact);
            }
        }
        facts.sort(null);
        List<Fact> ordered = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            if (!info(fact).supports().isEmpty()) {
                ordered.add(fact);
            }
        }
        // Stable: facts of equal depth keep their fact order.
        ordered.sort(Comparator.comparingInt(f -> infos.get(f).depth()));
        for (Fact fact : ordered) {
            ids.put(fact, "c" + (ids.size() + 1));
        }
        List<Consequence> consequences = new ArrayList<>(ordered.size());
        for (Fact fact : ordered) {
            consequences.add(build(fact));
        }
        return new Assessment(revision, description, List.copyOf(given.values()), consequences, firings);
    }

    private Info info(Fact fact) {
        Info known = infos.get(fact);
        if (known != null) {
            return known;
        }
        visiting.put(fact, true);
        List<Support> accepted = new ArrayList<>(2);
        for (Evaluation.Support s : derived.getOrDefault(fact, List.of())) {
            Rule rule = rules.get(s.ruleKey());
            if (rule != null) {
                Support support = support(rule, s.premises());
                if (support.depth() > 0) {
                    accepted.add(support);
                }
            }
        }
        if (accepted.size() > 1) {
            accepted.sort(Comparator.comparing(Support::key));
        }
        int depth = 0;
        double likelihood = 0;
        for (int i = 0; i < accepted.size(); i++) {
            depth = i == 0 ? accepted.get(i).depth() : Math.min(depth, accepted.get(i).depth());
            likelihood = Math.max(likelihood, accepted.get(i).likelihood());
        }
        Info info = new Info(accepted, depth, likelihood);
        visiting.remove(fact);
        infos.put(fact, info);
        return info;
    }

    /** A support with its depth and likelihood, or one of depth 0 when it cannot be grounded. */
    private Support support(Rule rule, List<Fact> premises) {
        int deepest = 0;
        double weakest = 1.0;
        for (Fact premise : premises) {
            if (given.containsKey(premise)) {
                continue;
            }
            if (visiting.containsKey(premise) || !derived.containsKey(premise)) {
                return new Support(rule, premises, 0, 0);
            }
            Info info = info(premise);
            if (info.supports().isEmpty()) {
                return new Support(rule, premises, 0, 0);
            }
            deepest = Math.max(deepest, info.depth());
            weakest = Math.min(weakest, info.likelihood());
        }
        return new Support(rule, premises, deepest + 1, rule.likelihood() * weakest);
    }

    private Consequence build(Fact fact) {
        Consequence done = built.get(fact);
        if (done != null) {
            return done;
        }
        Info info = infos.get(fact);
        List<Derivation> derivations = new ArrayList<>(info.supports().size());
        for (Support s : info.supports()) {
            List<Node> premises = new ArrayList<>(s.premises().size());
            for (Fact premise : s.premises()) {
                premises.add(node(premise));
            }
            List<String> without = absent.get(s.rule());
            derivations.add(new Derivation(s.rule(), premises, without != null ? without : s.rule().absent(),
                    s.likelihood()));
        }
        Consequence consequence = new Consequence(ids.get(fact), fact, info.likelihood(), info.depth(), derivations);
        built.put(fact, consequence);
        return consequence;
    }

    private Node node(Fact fact) {
        Given g = given.get(fact);
        return g != null ? g : build(fact);
    }
}
