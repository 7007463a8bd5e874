package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.drools.base.rule.EntryPointId;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.ObjectTypeConfigurationRegistry;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.drools.core.reteoo.TupleImpl;
import org.drools.kiesession.entrypoints.NamedEntryPoint;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.simple.SimpleBeliefSet;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;
import org.policyadvisor.Rule;
import org.policyadvisor.RuleFailedException;

/**
 * One evaluation, and the only place that reads Drools' internals: a session from the {@link SessionPool}, the given
 * facts inserted, the rules fired under the {@link FiringGuard}, every justification read back from the truth
 * maintenance system, and the session disposed whatever happens (which gives it back to the pool, empty).
 */
final class Evaluation {

    /** What an evaluation recorded: the distinct given facts in input order, and every derived fact. */
    record Recorded(List<Fact> given, List<Derived> derived, int firings) {
        Recorded {
            given = List.copyOf(given);
            derived = List.copyOf(derived);
        }
    }

    /** A fact the rules inserted logically, with every justification that still holds. */
    record Derived(Fact fact, List<Justification> justifications) {
        Derived {
            justifications = List.copyOf(justifications);
        }
    }

    /**
     * A claim applied to premises (given or derived facts, in the order of its conditions that must hold). Two are
     * equal when they apply the same rule object to equal premises: a rule base has one object per rule.
     */
    record Justification(Rule rule, List<Fact> premises) {
        Justification {
            premises = List.copyOf(premises);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Justification j && rule == j.rule && premises.equals(j.premises);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(rule) + premises.hashCode();
        }
    }

    private Evaluation() {
    }

    /**
     * Runs the facts (already checked and canonical) through a session.
     *
     * @param claims  the claim behind each Drools rule, by rule name
     * @param allowed which Drools rules may fire, by name
     */
    static Recorded run(SessionPool sessions, Map<String, Rule> claims, List<Fact> facts, Limits limits,
                        Predicate<String> allowed) {
        KieSession session = sessions.open();
        try {
            FiringGuard guard = new FiringGuard(session, limits, allowed);
            Set<Fact> given = new LinkedHashSet<>(facts);
            for (Fact fact : given) {
                session.insert(fact);
            }
            int fired;
            try {
                fired = session.fireAllRules(guard, limits.maxFirings() + 1);
            } catch (ConsequenceException e) {
                throw failed(e, claims);
            }
            guard.check(fired);
            return read((ReteEvaluator) session, claims, given, Math.min(fired, limits.maxFirings()));
        } finally {
            session.dispose();
        }
    }

    private static Recorded read(ReteEvaluator session, Map<String, Rule> claims, Set<Fact> given, int fired) {
        Collection<EqualityKey> keys = TruthMaintenanceSystemFactory.get()
                .getOrCreateTruthMaintenanceSystem(session).getEqualityKeys();
        // In the truth maintenance system's order; explanations put everything in an order of their own.
        Map<Fact, List<Justification>> derived = new LinkedHashMap<>();
        for (EqualityKey key : keys) {
            if (!(key instanceof TruthMaintenanceSystemEqualityKey tms)
                    || !(key.getFactHandle().getObject() instanceof Fact fact) || given.contains(fact)) {
                continue;
            }
            BeliefSet<?> beliefs = tms.getBeliefSet();
            if (!(beliefs instanceof SimpleBeliefSet set) || set.isEmpty()) {
                continue;
            }
            Set<Justification> justifications = new LinkedHashSet<>();
            for (SimpleMode mode = set.getFirst(); mode != null; mode = mode.getNext()) {
                TruthMaintenanceSystemInternalMatch<SimpleMode> match = mode.getObject().getJustifier();
                Rule rule = claims.get(match.getRule().getName());
                if (rule != null) {
                    justifications.add(new Justification(rule, premises(match.getTuple())));
                }
            }
            derived.put(fact, new ArrayList<>(justifications));
        }
        List<Derived> all = new ArrayList<>();
        derived.forEach((fact, justifications) -> all.add(new Derived(fact, justifications)));
        return new Recorded(new ArrayList<>(given), all, fired);
    }

    /** The facts a match rests on, in the order of the rule's conditions (the tuple holds the last one first). */
    private static List<Fact> premises(TupleImpl tuple) {
        List<Fact> premises = new ArrayList<>(4);
        for (TupleImpl t = tuple.skipEmptyHandles(); t != null; t = t.getParent()) {
            InternalFactHandle h = t.getFactHandle();
            if (h != null && h.getObject() instanceof Fact fact) {
                premises.add(fact);
            }
        }
        Collections.reverse(premises);
        return premises;
    }

    /** The error of a rule whose action failed, naming the claim and where it is written. */
    private static RuleFailedException failed(ConsequenceException e, Map<String, Rule> claims) {
        String name = e.getRule() == null ? "?" : e.getRule().getName();
        Rule rule = claims.get(name);
        String where = rule == null ? "rule '" + name + "'" : "rule " + rule.id() + " (" + rule.file() + ":"
                + rule.line() + ")";
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String error = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        RuleFailedException failure = new RuleFailedException("rule '" + (rule == null ? name : rule.id())
                + "' failed", List.of(new Problem(where, error)));
        failure.initCause(e);
        return failure;
    }

    /**
     * Switches truth maintenance on for facts once, when a rule base is built. Drools keeps the switch per type in
     * the KieBase and turns it on the first time a session inserts a fact logically; a session running at the same
     * time on another thread could miss it, and keep a derived fact equal to a given one as a second fact.
     */
    static void enableTruthMaintenance(KieBase kieBase) {
        KieSession session = kieBase.newKieSession();
        try {
            if (session.getEntryPoint(EntryPointId.DEFAULT.getEntryPointId()) instanceof NamedEntryPoint entryPoint) {
                ObjectTypeConfigurationRegistry registry = entryPoint.getObjectTypeConfigurationRegistry();
                registry.getOrCreateObjectTypeConf(EntryPointId.DEFAULT, new Fact("", new TreeMap<>())).enableTMS();
            }
        } finally {
            session.dispose();
        }
    }
}
