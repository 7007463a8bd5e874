package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.policyadvisor.Assessment;
import org.policyadvisor.Consequence;
import org.policyadvisor.Contest;
import org.policyadvisor.Derivation;
import org.policyadvisor.Fact;
import org.policyadvisor.Given;
import org.policyadvisor.Hedge;
import org.policyadvisor.Node;
import org.policyadvisor.Vocabulary;

/**
 * Turns what an evaluation recorded into an explanation graph.
 *
 * <p>Likelihood: a given fact is 1; a derivation is its rule's weight (the hedge's likelihood, scaled by the
 * source's grade) times its weakest premise's; a consequence takes its best derivation. Depth: given facts are 0;
 * a derivation is one more than its deepest premise; a consequence takes its shallowest derivation. Node ids are
 * assigned in output order: {@code g1..} for given facts in input order, {@code c1..} for consequences by depth,
 * then type, then fields.
 *
 * <p>Every explanation ends in given facts. Facts are ranked by the length of their shortest grounded chain, then
 * by type and fields; inside a group of facts that justify one another (a strongly connected group, found with
 * Tarjan's algorithm), a derivation may only rest on facts of lower rank. The shortest derivation of each fact
 * always survives, the result has no cycle, and it does not depend on the order of the input.
 */
final class Explanations {

    private final List<Fact> facts = new ArrayList<>();
    private final Map<Fact, Integer> number = new HashMap<>();
    private final int given;
    /** Each fact's place in the order of facts ({@link Fact#compareTo}). */
    private final int[] rank;
    /** Each derived fact's justifications, with their premises as fact numbers, in output order. */
    private final Link[][] justifications;
    private final int[] shortest;
    private final int[] group;
    private final Function<org.policyadvisor.Rule, Hedge> hedge;
    private final ToDoubleFunction<String> factor;
    private final Node[] nodes;
    private final double[] likelihood;
    private final int[] depth;

    private Explanations(Evaluation.Recorded recorded, Function<org.policyadvisor.Rule, Hedge> hedge,
                         ToDoubleFunction<String> factor) {
        this.hedge = hedge;
        this.factor = factor;
        recorded.given().forEach(this::add);
        this.given = facts.size();
        recorded.derived().forEach(d -> add(d.fact()));
        int n = facts.size();
        this.rank = rank();
        this.justifications = new Link[n][];
        Arrays.fill(justifications, new Link[0]);
        // In output order: by rule id, then premise by premise.
        Comparator<Link> order = Comparator.comparing((Link j) -> j.rule().id()).thenComparing(this::byPremises);
        for (Evaluation.Derived d : recorded.derived()) {
            List<Link> links = new ArrayList<>(d.justifications().size());
            for (Evaluation.Justification j : d.justifications()) {
                Link link = link(j);
                if (link != null) {
                    links.add(link);
                }
            }
            links.sort(order);
            justifications[number.get(d.fact())] = links.toArray(new Link[0]);
        }
        this.shortest = shortest();
        this.group = new Groups().of();
        this.nodes = new Node[n];
        this.likelihood = new double[n];
        this.depth = new int[n];
    }

    /** A justification with its premises by fact number, or null when a premise is not among the facts. */
    private Link link(Evaluation.Justification j) {
        int[] premises = new int[j.premises().size()];
        for (int i = 0; i < premises.length; i++) {
            Integer p = number.get(j.premises().get(i));
            if (p == null) {
                return null;
            }
            premises[i] = p;
        }
        return new Link(j.rule(), premises);
    }

    /** Each fact's place in the order of facts (by type, then fields), so that facts compare as numbers. */
    private int[] rank() {
        Integer[] order = new Integer[facts.size()];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        Arrays.sort(order, (a, b) -> facts.get(a).compareTo(facts.get(b)));
        int[] r = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            r[order[k]] = k;
        }
        return r;
    }

    /** A justification of a derived fact: a rule, and its premises by fact number. */
    private record Link(org.policyadvisor.Rule rule, int[] premises) {
    }

    private void add(Fact fact) {
        if (!number.containsKey(fact)) {
            number.put(fact, facts.size());
            facts.add(fact);
        }
    }

    /**
     * @param hedge  each rule's hedge in this evaluation
     * @param factor each source's grade factor, by source id
     */
    static Assessment assess(String revision, String description, Evaluation.Recorded recorded,
                             Function<org.policyadvisor.Rule, Hedge> hedge, ToDoubleFunction<String> factor,
                             Vocabulary vocabulary) {
        return new Explanations(recorded, hedge, factor).assessment(revision, description, recorded.firings(),
                vocabulary);
    }

    private Assessment assessment(String revision, String description, int firings, Vocabulary vocabulary) {
        List<Given> givens = new ArrayList<>();
        for (int f = 0; f < given; f++) {
            Given g = new Given("g" + (f + 1), facts.get(f));
            nodes[f] = g;
            likelihood[f] = 1.0;
            givens.add(g);
        }
        List<Integer> kept = new ArrayList<>();
        for (int f = given; f < facts.size(); f++) {
            if (shortest[f] != Integer.MAX_VALUE) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.<Integer>comparingInt(f -> shortest[f]).thenComparingInt(f -> rank[f]));
        String[] ids = new String[facts.size()];
        for (int k = 0; k < kept.size(); k++) {
            ids[kept.get(k)] = "c" + (k + 1);
        }
        List<Consequence> consequences = new ArrayList<>();
        for (int f : kept) {
            consequences.add((Consequence) node(f, ids));
        }
        List<Node> all = new ArrayList<>(givens);
        all.addAll(consequences);
        return new Assessment(revision, description, givens, consequences, firings, Contest.among(all, vocabulary));
    }

    /** Each fact's shortest grounded chain (0 for given facts, MAX_VALUE when it never grounds), to a fixpoint. */
    private int[] shortest() {
        int[] s = new int[facts.size()];
        Arrays.fill(s, given, s.length, Integer.MAX_VALUE);
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int f = given; f < s.length; f++) {
                for (Link j : justifications[f]) {
                    int deepest = 0;
                    for (int p : j.premises()) {
                        deepest = Math.max(deepest, s[p]);
                    }
                    if (deepest != Integer.MAX_VALUE && deepest + 1 < s[f]) {
                        s[f] = deepest + 1;
                        changed = true;
                    }
                }
            }
        }
        return s;
    }

    /** True when the derivation may rest on this premise: grounded, and lower in rank inside a group of facts. */
    private boolean allowed(int fact, int premise) {
        if (shortest[premise] == Integer.MAX_VALUE) {
            return false;
        }
        if (group[premise] != group[fact]) {
            return true;
        }
        if (shortest[premise] != shortest[fact]) {
            return shortest[premise] < shortest[fact];
        }
        return rank[premise] < rank[fact];
    }

    private Node node(int f, String[] ids) {
        if (nodes[f] != null) {
            return nodes[f];
        }
        List<Derivation> derivations = new ArrayList<>();
        int shallowest = Integer.MAX_VALUE;
        double best = 0;
        for (Link j : justifications[f]) {
            List<Node> premises = new ArrayList<>(j.premises().length);
            double weakest = 1.0;
            int deepest = 0;
            for (int premise : j.premises()) {
                if (!allowed(f, premise)) {
                    premises = null;
                    break;
                }
                Node node = node(premise, ids);
                premises.add(node);
                weakest = Math.min(weakest, likelihood[premise]);
                deepest = Math.max(deepest, depth[premise]);
            }
            if (premises == null) {
                continue;
            }
            Hedge h = hedge.apply(j.rule());
            double scale = factor.applyAsDouble(j.rule().source());
            double w = h.likelihood() * scale;
            derivations.add(new Derivation(j.rule(), premises, j.rule().absent(), w * weakest, h, scale));
            shallowest = Math.min(shallowest, deepest + 1);
            best = Math.max(best, w * weakest);
        }
        likelihood[f] = best;
        depth[f] = shallowest;
        Consequence consequence = new Consequence(ids[f], facts.get(f), best, shallowest, derivations);
        nodes[f] = consequence;
        return consequence;
    }

    private int byPremises(Link a, Link b) {
        int n = Math.min(a.premises().length, b.premises().length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(rank[a.premises()[i]], rank[b.premises()[i]]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.premises().length, b.premises().length);
    }

    /** The strongly connected groups of facts, where a fact points at the premises of its justifications (Tarjan). */
    private final class Groups {
        private final int[] index = new int[facts.size()];
        private final int[] low = new int[facts.size()];
        private final int[] ids = new int[facts.size()];
        private final boolean[] onStack = new boolean[facts.size()];
        private final int[] stack = new int[facts.size()];
        private int top;
        private int counter;
        private int groups;

        int[] of() {
            Arrays.fill(index, -1);
            for (int f = 0; f < index.length; f++) {
                if (index[f] < 0) {
                    connect(f);
                }
            }
            return ids;
        }

        private void connect(int f) {
            index[f] = counter;
            low[f] = counter++;
            stack[top++] = f;
            onStack[f] = true;
            for (Link j : justifications[f]) {
                for (int p : j.premises()) {
                    if (index[p] < 0) {
                        connect(p);
                        low[f] = Math.min(low[f], low[p]);
                    } else if (onStack[p]) {
                        low[f] = Math.min(low[f], index[p]);
                    }
                }
            }
            if (low[f] == index[f]) {
                int member;
                do {
                    member = stack[--top];
                    onStack[member] = false;
                    ids[member] = groups;
                } while (member != f);
                groups++;
            }
        }
    }
}
