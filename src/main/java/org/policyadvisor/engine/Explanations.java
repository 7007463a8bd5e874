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
 * <p>Facts and justifications are worked with by their numbers in the {@link Evaluation.Result}: depth,
 * likelihood and progress live in arrays indexed by those numbers. Facts are visited in the session's order;
 * when that walk meets a cycle, it is done again with the cycles cut (see {@link #untangle}), so that which
 * derivation a cycle loses never depends on the session.
 */
final class Explanations {

    private static final byte NEW = 0;
    private static final byte VISITING = 1;
    private static final byte DONE = 2;
    /** Bits for each of depth, type rank and fact number in a sort key. */
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;

    private final Evaluation.Result result;
    private final Fact[] facts;
    private final int given;
    private final byte[] state;
    private final int[] depth;
    private final double[] likelihood;
    /** How many justifications of each derived fact are accepted; they are listed first in {@link #accepted}. */
    private final int[] acceptedCount;
    /** Per derived fact, from {@code first[i]}: the numbers of its accepted justifications, in output order. */
    private final int[] accepted;
    /** Each justification's likelihood, when accepted. */
    private final double[] justified;
    private final Node[] nodes;
    private final String[] ids;
    private final Given[] givens;
    /** Set when the walk met a fact still being worked out: the justifications form a cycle. */
    private boolean cycle;
    /** Which premises the second walk leaves out, when there is a cycle. */
    private Cut cut;

    private Explanations(Evaluation.Result result) {
        this.result = result;
        this.facts = result.facts();
        this.given = result.given();
        int n = facts.length;
        this.state = new byte[n];
        this.depth = new int[n];
        this.likelihood = new double[n];
        this.acceptedCount = new int[n];
        this.accepted = new int[result.rules().length];
        this.justified = new double[result.rules().length];
        this.nodes = new Node[n];
        this.ids = new String[n];
        this.givens = new Given[given];
        for (int i = 0; i < given; i++) {
            state[i] = DONE;
            likelihood[i] = 1.0;
            givens[i] = new Given(Ids.given(i + 1), facts[i]);
            nodes[i] = givens[i];
        }
    }

    static Assessment assess(String revision, String description, Evaluation.Result result) {
        return new Explanations(result).assessment(revision, description, result.firings());
    }

    private Assessment assessment(String revision, String description, int firings) {
        for (int f = given; f < facts.length; f++) {
            visit(f);
        }
        if (cycle) {
            untangle();
        }
        int[] order = new int[facts.length - given];
        int kept = 0;
        for (int f = given; f < facts.length; f++) {
            if (acceptedCount[f] > 0) {
                order[kept++] = f;
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

    private void visit(int fact) {
        if (state[fact] != NEW) {
            return;
        }
        state[fact] = VISITING;
        int[] first = result.first();
        int from = first[fact - given];
        int to = first[fact - given + 1];
        int n = 0;
        int shallowest = Integer.MAX_VALUE;
        double best = 0;
        for (int j = from; j < to; j++) {
            int height = accept(fact, j);
            if (height > 0) {
                // Insertion sort by rule, then premises: a consequence has few derivations.
                int at = from + n++;
                while (at > from && byRuleThenPremises(accepted[at - 1], j) > 0) {
                    accepted[at] = accepted[at - 1];
                    at--;
                }
                accepted[at] = j;
                shallowest = Math.min(shallowest, height);
                best = Math.max(best, justified[j]);
            }
        }
        acceptedCount[fact] = n;
        depth[fact] = n == 0 ? 0 : shallowest;
        likelihood[fact] = best;
        state[fact] = DONE;
    }

    /**
     * Accepts justification {@code j} of {@code fact} when it bottoms out in given facts: sets its likelihood and
     * returns its depth, or returns 0 when it cannot be grounded.
     */
    private int accept(int fact, int j) {
        int deepest = 0;
        double weakest = 1.0;
        int[] premises = result.premises();
        for (int k = result.from()[j]; k < result.from()[j + 1]; k++) {
            int premise = premises[k];
            if (premise < given) {
                continue;
            }
            if (cut != null && cut.leftOut(fact, premise)) {
                return 0;
            }
            if (state[premise] == VISITING) {
                cycle = true;
                return 0;
            }
            visit(premise);
            if (acceptedCount[premise] == 0) {
                return 0;
            }
            deepest = Math.max(deepest, depth[premise]);
            weakest = Math.min(weakest, likelihood[premise]);
        }
        justified[j] = result.rules()[j].rule().likelihood() * weakest;
        return deepest + 1;
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
        int[] first = result.first();
        int[] shortest = new int[n];
        Arrays.fill(shortest, given, n, Integer.MAX_VALUE);
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int f = given; f < n; f++) {
                for (int j = first[f - given]; j < first[f - given + 1]; j++) {
                    int deepest = 0;
                    for (int k = result.from()[j]; k < result.from()[j + 1]; k++) {
                        deepest = Math.max(deepest, shortest[result.premises()[k]]);
                    }
                    if (deepest != Integer.MAX_VALUE && deepest + 1 < shortest[f]) {
                        shortest[f] = deepest + 1;
                        changed = true;
                    }
                }
            }
        }
        cut = new Cut(shortest, new Groups(n, given, first, result.from(), result.premises()).ids());
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
    private int byRuleThenPremises(int a, int b) {
        int c = Integer.compare(result.rules()[a].rank(), result.rules()[b].rank());
        int[] from = result.from();
        int[] premises = result.premises();
        int p = from[a + 1] - from[a];
        int q = from[b + 1] - from[b];
        for (int i = 0; c == 0 && i < Math.min(p, q); i++) {
            c = facts[premises[from[a] + i]].compareTo(facts[premises[from[b] + i]]);
        }
        return c != 0 ? c : Integer.compare(p, q);
    }

    /**
     * The first {@code n} facts of {@code order} by depth, then fact. Depth and type rank are packed with the fact's
     * number into one {@code long} and sorted as numbers; only facts of the same depth and type are then compared
     * field by field.
     */
    private int[] byDepthThenFact(int[] order, int n) {
        long[] keys = new long[n];
        boolean packable = facts.length < 1 << BITS;
        for (int k = 0; packable && k < n; k++) {
            int f = order[k];
            int rank = result.ranks()[f - given];
            packable = rank >= 0 && rank < 1 << BITS && depth[f] < 1 << BITS;
            keys[k] = ((long) depth[f] << 2 * BITS) | ((long) rank << BITS) | f;
        }
        if (!packable) {
            Integer[] boxed = new Integer[n];
            for (int k = 0; k < n; k++) {
                boxed[k] = order[k];
            }
            Arrays.sort(boxed, (a, b) -> depth[a] != depth[b] ? Integer.compare(depth[a], depth[b])
                    : facts[a].compareTo(facts[b]));
            int[] sorted = new int[n];
            for (int k = 0; k < n; k++) {
                sorted[k] = boxed[k];
            }
            return sorted;
        }
        Arrays.sort(keys);
        int[] sorted = new int[n];
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

    /** The premise nodes as an immutable list, without an intermediate array for the usual one or two. */
    private List<Node> premises(int j) {
        int[] premises = result.premises();
        int at = result.from()[j];
        int n = result.from()[j + 1] - at;
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(node(premises[at]));
            case 2 -> List.of(node(premises[at]), node(premises[at + 1]));
            default -> {
                Node[] list = new Node[n];
                for (int i = 0; i < n; i++) {
                    list[i] = node(premises[at + i]);
                }
                yield Arrays.asList(list);
            }
        };
    }

    private Node node(int fact) {
        Node done = nodes[fact];
        if (done != null) {
            return done;
        }
        int from = result.first()[fact - given];
        int count = acceptedCount[fact];
        List<Derivation> derivations;
        if (count == 1) {
            derivations = List.of(derivation(accepted[from]));
        } else {
            Derivation[] list = new Derivation[count];
            for (int d = 0; d < count; d++) {
                list[d] = derivation(accepted[from + d]);
            }
            derivations = Arrays.asList(list);
        }
        Consequence consequence = new Consequence(ids[fact], facts[fact], likelihood[fact], depth[fact], derivations);
        nodes[fact] = consequence;
        return consequence;
    }

    private Derivation derivation(int j) {
        SessionTypes.KnownRule rule = result.rules()[j];
        return new Derivation(rule.rule(), premises(j), rule.absent(), justified[j]);
    }
}
