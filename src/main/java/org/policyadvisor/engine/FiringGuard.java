package org.policyadvisor.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.policyadvisor.EvaluationLimitException;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;

/**
 * Counts firings per rule and halts the session when the wall-clock limit passes. It is an agenda filter
 * that accepts every match, consulted just before each firing: cheaper than an event listener, which makes
 * the session build an event object for every match it creates and cancels. The firing cap itself is
 * enforced by {@code fireAllRules(filter, max)}; this class reports who fired most. It only notes each firing's
 * rule as it goes, and counts them when a limit was exceeded.
 */
final class FiringGuard implements AgendaFilter {

    private static final int BUSIEST = 3;
    /** Checking the clock costs more than a counter: look at it every few firings. */
    private static final int CLOCK_EVERY = 16;

    private final KieSession session;
    private final Limits limits;
    private final long deadline;
    /** The rules of the latest firings, folded into {@link #firings} whenever it fills up. */
    private final org.kie.api.definition.rule.Rule[] recent = new org.kie.api.definition.rule.Rule[128];
    private int pending;
    /** Firings per rule object: rules are compared by identity, which needs no hashing of their names. */
    private Map<org.kie.api.definition.rule.Rule, int[]> firings;
    private int count;
    private boolean timedOut;

    FiringGuard(KieSession session, Limits limits) {
        this.session = session;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    @Override
    public boolean accept(Match match) {
        if (pending == recent.length) {
            fold();
        }
        recent[pending++] = match.getRule();
        if (++count % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0) {
            timedOut = true;
            session.halt();
        }
        return true;
    }

    /** Throws when the evaluation ran over a limit; {@code fired} is what fireAllRules returned. */
    void check(int fired) {
        if (timedOut) {
            throw new EvaluationLimitException("evaluation exceeded its time limit of "
                    + limits.timeout().toMillis() + " ms", busiest());
        }
        if (fired > limits.maxFirings()) {
            throw new EvaluationLimitException("evaluation exceeded its cap of " + limits.maxFirings()
                    + " rule firings", busiest());
        }
    }

    private void fold() {
        if (firings == null) {
            firings = new IdentityHashMap<>();
        }
        for (int i = 0; i < pending; i++) {
            firings.computeIfAbsent(recent[i], r -> new int[1])[0]++;
        }
        pending = 0;
    }

    private List<Problem> busiest() {
        fold();
        Map<String, Integer> byName = new HashMap<>();
        firings.forEach((rule, n) -> byName.merge(rule.getName(), n[0], Integer::sum));
        return byName.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(BUSIEST)
                .map(e -> new Problem("rule '" + e.getKey() + "'", "fired " + e.getValue() + " times"))
                .toList();
    }
}
