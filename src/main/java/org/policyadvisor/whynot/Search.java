package org.policyadvisor.whynot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.policyadvisor.Conclusion;
import org.policyadvisor.Condition;
import org.policyadvisor.Fact;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Node;
import org.policyadvisor.Rule;

/**
 * Follows a fact back through the rules that could conclude it, judging each condition against what the
 * scenario holds, and combines the missing facts into routes. A condition is judged by its type and field
 * values: those it fixes, and those its variables take from the fact followed back (through the conclusion's
 * variables) or from the facts matching an earlier condition, when they all agree. Other constraints are not
 * judged. One search answers one question.
 */
final class Search {

    /** Goals expanded per question, whatever the depth: keeps wide rule bases bounded. */
    private static final int BUDGET = 5_000;

    /** The rules that could conclude a goal, how it was followed, and the routes to it, smallest first. */
    record Goal(List<Candidate> candidates, Premise.Trace trace, List<Route> routes) {
    }

    private final List<Rule> rules;
    private final List<Node> known;
    private final Bounds bounds;
    private final int keep;
    private final List<String> path = new ArrayList<>();
    private int expansions;
    private boolean truncated;

    /**
     * @param rules  every rule of the rule base
     * @param known  the given facts and the consequences of the scenario
     * @param bounds how deep to follow and how many sets to answer with
     */
    Search(List<Rule> rules, List<Node> known, Bounds bounds) {
        this.rules = rules;
        this.known = known;
        this.bounds = bounds;
        this.keep = Math.max(4 * bounds.sets(), 32);
    }

    /** True when a bound cut the search somewhere. */
    boolean truncated() {
        return truncated;
    }

    /** Follows the pattern back; depth 0 is the question itself. */
    Goal goal(FactPattern pattern, int depth) {
        Fact wanted = new Fact(pattern.type(), pattern.fields());
        List<Rule> producers = rules.stream().filter(r -> {
            Conclusion conclusion = conclusion(r, wanted);
            return conclusion != null && bindings(conclusion, pattern) != null;
        }).toList();
        if (producers.isEmpty()) {
            return new Goal(List.of(), Premise.Trace.NO_RULE, List.of(Route.asserting(pattern)));
        }
        String key = pattern.toString();
        if (path.contains(key)) {
            return new Goal(List.of(), Premise.Trace.CYCLE, List.of());
        }
        if (depth >= bounds.depth() || expansions >= BUDGET) {
            truncated = true;
            return new Goal(List.of(), Premise.Trace.BOUND, List.of(Route.asserting(pattern)));
        }
        expansions++;
        path.add(key);
        List<Candidate> candidates = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        for (Rule rule : producers) {
            Conclusion conclusion = conclusion(rule, wanted);
            candidates.add(candidate(rule, conclusion, bindings(conclusion, pattern), depth, routes));
        }
        path.remove(path.size() - 1);
        return new Goal(candidates, Premise.Trace.RULES, minimize(routes));
    }

    /**
     * The values the conclusion's variables must take to produce the pattern, or null when one variable
     * would need two values.
     */
    private static Map<String, Object> bindings(Conclusion conclusion, FactPattern pattern) {
        Map<String, Object> bound = new HashMap<>();
        for (Map.Entry<String, String> e : conclusion.variables().entrySet()) {
            Object value = pattern.fields().get(e.getKey());
            if (value != null && bound.containsKey(e.getValue()) && !bound.get(e.getValue()).equals(value)) {
                return null;
            }
            if (value != null) {
                bound.put(e.getValue(), value);
            }
        }
        return bound;
    }

    private Candidate candidate(Rule rule, Conclusion conclusion, Map<String, Object> bound, int depth,
                                List<Route> out) {
        List<Premise> premises = new ArrayList<>();
        List<Route> routes = List.of(Route.EMPTY);
        for (Condition condition : rule.conditions()) {
            FactPattern pattern = specialise(condition.type(), condition.fields(), condition.variables(), bound);
            List<Node> admitted = known.stream().filter(n -> pattern.matches(n.fact())).toList();
            if (condition.absent()) {
                if (admitted.isEmpty()) {
                    premises.add(premise(condition, pattern, Premise.State.SATISFIED, List.of()));
                } else {
                    premises.add(premise(condition, pattern, Premise.State.BLOCKED, admitted));
                    routes = product(routes, List.of(Route.withdrawing(admitted)));
                }
            } else if (!admitted.isEmpty()) {
                premises.add(premise(condition, pattern, Premise.State.SATISFIED, admitted));
                bindAgreed(condition, admitted, bound);
            } else {
                Goal goal = goal(pattern, depth + 1);
                List<Route> sub = goal.routes();
                if (sub.isEmpty() && goal.trace() == Premise.Trace.RULES) {
                    // Every rule that concludes it is out of reach: it can still be asserted directly.
                    sub = List.of(Route.asserting(pattern));
                }
                premises.add(new Premise(condition, pattern, Premise.State.MISSING, List.of(), goal.trace(),
                        goal.candidates()));
                routes = product(routes, sub);
            }
        }
        // A route with nothing to do means the rule should have fired: a constraint beyond the field
        // values judged here is not met, and no set of facts can be offered for it.
        routes.stream().filter(r -> !r.isEmpty()).forEach(out::add);
        FactPattern produces = specialise(conclusion.type(), conclusion.fields(), conclusion.variables(), bound);
        return new Candidate(rule, conclusion, produces, premises);
    }

    /** The fixed field values, plus those whose variable is bound. */
    private static FactPattern specialise(String type, Map<String, Object> fields, Map<String, String> variables,
                                      Map<String, Object> bound) {
        SortedMap<String, Object> all = new TreeMap<>(fields);
        variables.forEach((field, variable) -> {
            if (bound.containsKey(variable)) {
                all.putIfAbsent(field, bound.get(variable));
            }
        });
        return new FactPattern(type, all);
    }

    /** Binds the condition's unbound variables whose field has one value across all the matching facts. */
    private static void bindAgreed(Condition condition, List<Node> admitted, Map<String, Object> bound) {
        condition.variables().forEach((field, variable) -> {
            if (!bound.containsKey(variable)) {
                List<Object> values = admitted.stream().map(n -> n.fact().get(field)).distinct().toList();
                if (values.size() == 1 && values.get(0) != null) {
                    bound.put(variable, values.get(0));
                }
            }
        });
    }

    private static Premise premise(Condition condition, FactPattern pattern, Premise.State state, List<Node> facts) {
        return new Premise(condition, pattern, state, facts, Premise.Trace.NONE, List.of());
    }

    private static Conclusion conclusion(Rule rule, Fact wanted) {
        return rule.conclusions().stream().filter(c -> c.couldProduce(wanted)).findFirst().orElse(null);
    }

    private List<Route> product(List<Route> left, List<Route> right) {
        List<Route> out = new ArrayList<>(left.size() * right.size());
        for (Route a : left) {
            for (Route b : right) {
                out.add(a.plus(b));
            }
        }
        return minimize(out);
    }

    /** Sorted smallest first, without repeats or routes that ask for more than another, at most {@code keep}. */
    private List<Route> minimize(List<Route> routes) {
        List<Route> sorted = routes.stream().sorted(Route.ORDER).toList();
        List<Route> kept = new ArrayList<>();
        for (Route r : sorted) {
            if (kept.stream().noneMatch(r::covers)) {
                if (kept.size() == keep) {
                    truncated = true;
                    break;
                }
                kept.add(r);
            }
        }
        return kept;
    }
}
