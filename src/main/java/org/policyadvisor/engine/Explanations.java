package org.policyadvisor.engine;

import java.util.Arrays;

import org.policyadvisor.Assessment;
import org.policyadvisor.Consequence;
import org.policyadvisor.Derivation;
import org.policyadvisor.Fact;
import org.policyadvisor.Given;
import org.policyadvisor.Node;

/**
 * Turns what the session held into an explanation graph.
 *
 * <p>Likelihood: a given fact is 1; a derivation is its rule's likelihood times its weakest premise's;
 * a consequence takes its best derivation. Depth: given facts are 0; a derivation is one more than its
 * deepest premise; a consequence takes its shallowest derivation. A derivation that would rest on the
 * consequence it supports (a cycle) is left out, so every explanation bottoms out in given facts.
 * Node ids are assigned in output order: {@code g1..} for given facts in input order, {@code c1..}
 * for consequences by depth, then type, then fields.
 *
 * <p>Facts are worked with by their numbers in the {@link Evaluation.Result}: depth, likelihood and
 * progress live in arrays indexed by those numbers.
 */
final class Explanations {

    private static final byte NEW = 0;
    private static final byte VISITING = 1;
    private static final byte DONE = 2;
    private static final Accepted[] NONE = new Accepted[0];

    /** A support that bottoms out in given facts, with its depth and likelihood. */
    private record Accepted(Evaluation.Support support, int depth, double likelihood) {
    }

    private final Fact[] facts;
    private final int given;
    private final Evaluation.Support[][] supports;
    private final byte[] state;
    private final int[] depth;
    private final double[] likelihood;
    private final Accepted[][] accepted;
    private final Node[] nodes;
    private final String[] ids;

    private Explanations(Evaluation.Result result) {
        this.facts = result.facts();
        this.given = result.given();
        this.supports = result.supports();
        int n = facts.length;
        this.state = new byte[n];
        this.depth = new int[n];
        this.likelihood = new double[n];
        this.accepted = new Accepted[n][];
        this.nodes = new Node[n];
        this.ids = new String[n];
        for (int i = 0; i < given; i++) {
            state[i] = DONE;
            likelihood[i] = 1.0;
            accepted[i] = NONE;
            nodes[i] = new Given("g" + (i + 1), facts[i]);
        }
    }

    static Assessment assess(String revision, String description, Evaluation.Result result) {
        return new Explanations(result).assessment(revision, description, result.firings());
    }

    private Assessment assessment(String revision, String description, int firings) {
        int derived = facts.length - given;
        // Visit in fact order, so that which derivation a cycle loses does not depend on the session's order.
        Integer[] order = new Integer[derived];
        for (int i = 0; i < derived; i++) {
            order[i] = given + i;
        }
        Arrays.sort(order, (a, b) -> facts[a].compareTo(facts[b]));
        int kept = 0;
        for (Integer i : order) {
            visit(i);
            if (accepted[i].length > 0) {
                order[kept++] = i;
            }
        }
        // Stable: facts of equal depth keep their fact order.
        Arrays.sort(order, 0, kept, (a, b) -> Integer.compare(depth[a], depth[b]));
        for (int k = 0; k < kept; k++) {
            ids[order[k]] = "c" + (k + 1);
        }
        Consequence[] consequences = new Consequence[kept];
        for (int k = 0; k < kept; k++) {
            consequences[k] = (Consequence) node(order[k]);
        }
        Given[] givens = new Given[given];
        System.arraycopy(nodes, 0, givens, 0, given);
        return new Assessment(revision, description, Arrays.asList(givens), Arrays.asList(consequences), firings);
    }

    private void visit(int fact) {
        if (state[fact] != NEW) {
            return;
        }
        state[fact] = VISITING;
        Evaluation.Support[] candidates = supports[fact - given];
        Accepted[] kept = new Accepted[candidates.length];
        int n = 0;
        int shallowest = Integer.MAX_VALUE;
        double best = 0;
        for (Evaluation.Support candidate : candidates) {
            Accepted a = accept(candidate);
            if (a != null) {
                kept[n++] = a;
                shallowest = Math.min(shallowest, a.depth());
                best = Math.max(best, a.likelihood());
            }
        }
        kept = n == kept.length ? kept : Arrays.copyOf(kept, n);
        if (n > 1) {
            Arrays.sort(kept, this::byRuleThenPremises);
        }
        accepted[fact] = kept;
        depth[fact] = n == 0 ? 0 : shallowest;
        likelihood[fact] = best;
        state[fact] = DONE;
    }

    /** The support with its depth and likelihood, or null when it cannot be grounded in given facts. */
    private Accepted accept(Evaluation.Support support) {
        int deepest = 0;
        double weakest = 1.0;
        for (int premise : support.premises()) {
            if (premise < given) {
                continue;
            }
            if (state[premise] == VISITING) {
                return null;
            }
            visit(premise);
            if (accepted[premise].length == 0) {
                return null;
            }
            deepest = Math.max(deepest, depth[premise]);
            weakest = Math.min(weakest, likelihood[premise]);
        }
        return new Accepted(support, deepest + 1, support.rule().rule().likelihood() * weakest);
    }

    /** Orders the derivations of one consequence: by rule id, then premise by premise. */
    private int byRuleThenPremises(Accepted a, Accepted b) {
        int c = a.support().rule().rule().id().compareTo(b.support().rule().rule().id());
        int[] p = a.support().premises();
        int[] q = b.support().premises();
        for (int i = 0; c == 0 && i < Math.min(p.length, q.length); i++) {
            c = facts[p[i]].compareTo(facts[q[i]]);
        }
        return c != 0 ? c : Integer.compare(p.length, q.length);
    }

    private Node node(int fact) {
        Node done = nodes[fact];
        if (done != null) {
            return done;
        }
        Accepted[] kept = accepted[fact];
        Derivation[] derivations = new Derivation[kept.length];
        for (int d = 0; d < kept.length; d++) {
            Evaluation.Support s = kept[d].support();
            int[] premises = s.premises();
            Node[] premiseNodes = new Node[premises.length];
            for (int i = 0; i < premises.length; i++) {
                premiseNodes[i] = node(premises[i]);
            }
            derivations[d] = new Derivation(s.rule().rule(), Arrays.asList(premiseNodes), s.rule().absent(),
                    kept[d].likelihood());
        }
        Consequence consequence = new Consequence(ids[fact], facts[fact], likelihood[fact], depth[fact],
                Arrays.asList(derivations));
        nodes[fact] = consequence;
        return consequence;
    }
}
