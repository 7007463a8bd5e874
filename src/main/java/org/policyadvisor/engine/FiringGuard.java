package org.policyadvisor.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.policyadvisor.EvaluationLimitException;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;

/**
 * Decides which matches fire: those of allowed rules (an evaluation may leave rules or sources out), while counting
 * firings per rule and halting the session when the wall-clock limit passes. The firing cap itself is enforced by
 * {@code fireAllRules(filter, max)}; this class reports who fired most when a limit was exceeded.
 */
final class FiringGuard implements AgendaFilter {

    private static final int BUSIEST = 3;
    /** Checking the clock costs more than a counter: look at it every few firings. */
    private static final int CLOCK_EVERY = 16;

    private final KieSession session;
    private final Limits limits;
    private final Predicate<String> allowed;
    private final long deadline;
    /** Firings per rule name, counted in place. */
    private final Map<String, int[]> firings = new HashMap<>();
    private int count;
    private boolean timedOut;

    FiringGuard(KieSession session, Limits limits, Predicate<String> allowed) {
        this.session = session;
        this.limits = limits;
        this.allowed = allowed;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    @Override
    public boolean accept(Match match) {
        String name = match.getRule().getName();
        if (!allowed.test(name)) {
            return false;
        }
        firings.computeIfAbsent(name, n -> new int[1])[0]++;
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

    private List<Problem> busiest() {
        return firings.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(BUSIEST)
                .map(e -> new Problem("rule '" + e.getKey() + "'", "fired " + e.getValue()[0] + " times"))
                .toList();
    }
}
