package org.policyadvisor.engine;

import java.util.Arrays;
import java.util.List;

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
 * progress live in arrays indexed by those numbers. They are visited in the session's order; when that walk meets
 * a cycle, it is done again in fact order, so that which derivation the cycle loses never depends on the session.
 */
final class Explanations {

    private static final byte NEW = 0;
    private static final byte VISITING = 1;
    private static final byte DONE = 2;
    private static final Accepted[] NONE = new Accepted[0];
    /** Bits for each of depth, type rank and fact number in a sort key. */
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;

    /** A support that bottoms out in given facts, with its depth and likelihood. */
    private record Accepted(Evaluation.Support support, int depth, double likelihood) {
    }

    private final Fact[] facts;
    private final int given;
    private final Evaluation.Support[][] supports;
    private final int[] ranks;
    private final byte[] state;
    private final int[] depth;
    private final double[] likelihood;
    private final Accepted[][] accepted;
    private final Node[] nodes;
    private final Given[] givens;
    /** Set when the walk met a fact still being worked out: the justifications form a cycle. */
    private boolean cycle;
    /** Which premises the second walk leaves out, when there is a cycle. */
    private Cut cut;
    private final String[] ids;

    private Explanations(Evaluation.Result result) {
        this.facts = result.facts();
        this.given = result.given();
        this.supports = result.supports();
        this.ranks = result.ranks();
        int n = facts.length;
        this.state = new byte[n];
        this.depth = new int[n];
        this.likelihood = new double[n];
        this.accepted = new Accepted[n][];
        this.nodes = new Node[n];
        this.ids = new String[n];
        this.givens = new Given[given];
        for (int i = 0; i < given; i++) {
            state[i] = DONE;
            likelihood[i] = 1.0;
            accepted[i] = NONE;
            givens[i] = new Given(Ids.given(i + 1), facts[i]);
            nodes[i] = givens[i];
        }
    }

    static Assessment assess(String revision, String description, Evaluation.Result result) {
        return new Explanations(result).assessment(revision, description, result.firings());
    }

    private Assessment assessment(String revision, String description, int firings) {
        Integer[] order = new Integer[facts.length - given];
        for (int i = given; i < facts.length; i++) {
            order[i - given] = i;
            visit(i);
        }
        if (cycle) {
            untangle();
        }
        int kept = 0;
        for (Integer i : order) {
            if (accepted[i].length > 0) {
                order[kept++] = i;
            }
        }
        int[] sorted = byDepthThenFact(order, kept);
        for (int k = 0; k < kept; k++) {
            ids[sorted[k]] = Ids.consequence(k + 1);
        }
        Consequence[] consequences = new Consequence[kept];
        for (int k = 0; k < kept; k++) {
            consequences[k] = (Consequence) node(sorted[k]);
        }
        return new Assessment(revision, description, Arrays.asList(givens), Arrays.asList(consequences), firings);
    }

    /**
     * The first {@code n} facts of {@code order} by depth, then fact. Depth and type rank are packed with the fact's
     * number into one {@code long} and sorted as numbers; only facts of the same depth and type are then compared
     * field by field.
     */
    private int[] byDepthThenFact(Integer[] order, int n) {
        long[] keys = new long[n];
        boolean packable = facts.length < 1 << BITS;
        for (int k = 0; packable && k < n; k++) {
            int f = order[k];
            int rank = ranks[f - given];
            packable = rank >= 0 && rank < 1 << BITS && depth[f] < 1 << BITS;
            keys[k] = ((long) depth[f] << 2 * BITS) | ((long) rank << BITS) | f;
        }
        int[] sorted = new int[n];
        if (!packable) {
            Arrays.sort(order, 0, n, (a, b) -> depth[a] != depth[b] ? Integer.compare(depth[a], depth[b])
                    : facts[a].compareTo(facts[b]));
            for (int k = 0; k < n; k++) {
                sorted[k] = order[k];
            }
            return sorted;
        }
        Arrays.sort(keys);
        for (int k = 0; k < n; k++) {
            sorted[k] = (int) (keys[k] & MASK);
        }
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && keys[end] >>> BITS == keys[start] >>> BITS) {
                end++;
            }
            for (int i = start + 1; i < end; i++) {
                int f = sorted[i];
                int j = i - 1;
                for (; j >= start && facts[sorted[j]].compareTo(facts[f]) > 0; j--) {
                    sorted[j + 1] = sorted[j];
                }
                sorted[j + 1] = f;
            }
        }
        return sorted;
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
            Accepted a = accept(fact, candidate);
            if (a != null) {
                kept[n++] = a;
                shallowest = Math.min(shallowest, a.depth());
                best = Math.max(best, a.likelihood());
            }
        }
        kept = n == kept.length ? kept : Arrays.copyOf(kept, n);
        // Insertion sort: a consequence has few derivations.
        for (int i = 1; i < n; i++) {
            Accepted a = kept[i];
            int j = i - 1;
            for (; j >= 0 && byRuleThenPremises(kept[j], a) > 0; j--) {
                kept[j + 1] = kept[j];
            }
            kept[j + 1] = a;
        }
        accepted[fact] = kept;
        depth[fact] = n == 0 ? 0 : shallowest;
        likelihood[fact] = best;
        state[fact] = DONE;
    }

    /** The support with its depth and likelihood, or null when it cannot be grounded in given facts. */
    private Accepted accept(int fact, Evaluation.Support support) {
        int deepest = 0;
        double weakest = 1.0;
        for (int premise : support.premises()) {
            if (premise < given) {
                continue;
            }
            if (cut != null && cut.leftOut(fact, premise)) {
                return null;
            }
            if (state[premise] == VISITING) {
                cycle = true;
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

    /**
     * Walks again with the cycles cut. The first walk's results are exact only when it met no cycle: a fact
     * worked out while another was still open may have lost a derivation through that open fact. So: each fact's
     * shortest grounded chain is found by iterating to a fixpoint; facts are ranked by that depth, then by fact
     * order; and inside each strongly connected group of facts a derivation may only rest on facts of lower rank.
     * The shortest derivation of each fact always survives, the result is acyclic, and it does not depend on the
     * session's order.
     */
    private void untangle() {
        int n = facts.length;
        int[] shortest = new int[n];
        Arrays.fill(shortest, given, n, Integer.MAX_VALUE);
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int f = given; f < n; f++) {
                for (Evaluation.Support s : supports[f - given]) {
                    int deepest = 0;
                    for (int p : s.premises()) {
                        deepest = Math.max(deepest, shortest[p]);
                    }
                    if (deepest != Integer.MAX_VALUE && deepest + 1 < shortest[f]) {
                        shortest[f] = deepest + 1;
                        changed = true;
                    }
                }
            }
        }
        cut = new Cut(shortest, new Groups(facts.length, given, supports).ids());
        Arrays.fill(state, given, n, NEW);
        for (int f = given; f < n; f++) {
            visit(f);
        }
    }

    /** Leaves out a premise in the same strongly connected group that does not rank below the fact it supports. */
    private final class Cut {
        private final int[] shortest;
        private final int[] group;

        Cut(int[] shortest, int[] group) {
            this.shortest = shortest;
            this.group = group;
        }

        boolean leftOut(int fact, int premise) {
            return group[premise] == group[fact] && !ranksBelow(premise, fact);
        }

        private boolean ranksBelow(int a, int b) {
            if (shortest[a] != shortest[b]) {
                return shortest[a] < shortest[b];
            }
            return facts[a].compareTo(facts[b]) < 0;
        }
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

    /** The premise nodes as an immutable list, without an intermediate array for the usual one or two. */
    private List<Node> premises(int[] premises) {
        return switch (premises.length) {
            case 0 -> List.of();
            case 1 -> List.of(node(premises[0]));
            case 2 -> List.of(node(premises[0]), node(premises[1]));
            default -> {
                Node[] nodes = new Node[premises.length];
                for (int i = 0; i < premises.length; i++) {
                    nodes[i] = node(premises[i]);
                }
                yield Arrays.asList(nodes);
            }
        };
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
            derivations[d] = new Derivation(s.rule().rule(), premises(s.premises()), s.rule().absent(),
                    kept[d].likelihood());
        }
        Consequence consequence = new Consequence(ids[fact], facts[fact], likelihood[fact], depth[fact],
                derivations.length == 1 ? List.of(derivations[0]) : Arrays.asList(derivations));
        nodes[fact] = consequence;
        return consequence;
    }
}
