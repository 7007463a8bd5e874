package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.simple.SimpleBeliefSet;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;

/**
 * One evaluation: a fresh session, the facts inserted, rules fired under the guard, every justification
 * read back from the truth maintenance system, and the session disposed whatever happens.
 */
final class Evaluation {

    /** A derived fact's support: the rule (as {@code package.name}) and the facts its conditions matched. */
    record Support(String ruleKey, List<Fact> premises) {
    }

    /** The given facts in input order, and each derived fact with every support the TMS holds for it. */
    record Result(List<Fact> given, Map<Fact, List<Support>> derived, int firings) {
    }

    private final KieBase kieBase;
    private final Map<String, FactType> factTypes;
    private final Limits limits;

    Evaluation(KieBase kieBase, Map<String, FactType> factTypes, Limits limits) {
        this.kieBase = kieBase;
        this.factTypes = factTypes;
        this.limits = limits;
    }

    Result run(List<Fact> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            FiringGuard guard = new FiringGuard(session, limits);
            session.addEventListener(guard);
            Map<Object, Fact> known = new IdentityHashMap<>();
            for (Fact fact : facts) {
                Object object = toObject(fact);
                known.put(object, fact);
                session.insert(object);
            }
            int fired = session.fireAllRules(limits.maxFirings() + 1);
            guard.check(fired);
            return read(session, facts, known, fired);
        } finally {
            session.dispose();
        }
    }

    private Object toObject(Fact fact) {
        FactType type = factTypes.get(fact.type());
        try {
            Object object = type.newInstance();
            for (Map.Entry<String, Object> field : fact.fields().entrySet()) {
                type.set(object, field.getKey(), field.getValue());
            }
            return object;
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot instantiate declared type " + fact.type(), e);
        }
    }

    /** {@code facts} starts with the inserted objects and their facts; derived ones are read from the session. */
    private Result read(KieSession session, List<Fact> given, Map<Object, Fact> facts, int fired) {
        Map<Fact, List<Support>> derived = new LinkedHashMap<>();
        List<InternalFactHandle> justified = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles()) {
            InternalFactHandle h = (InternalFactHandle) handle;
            facts.computeIfAbsent(h.getObject(), this::toFact);
            if (beliefs(h) != null) {
                justified.add(h);
            }
        }
        for (InternalFactHandle h : justified) {
            List<Support> supports = new ArrayList<>();
            BeliefSet<?> beliefs = beliefs(h);
            if (beliefs instanceof SimpleBeliefSet simple) {
                for (SimpleMode mode = simple.getFirst(); mode != null; mode = mode.getNext()) {
                    supports.add(support(mode.getObject(), facts));
                }
            }
            derived.put(facts.get(h.getObject()), supports);
        }
        return new Result(given, derived, Math.min(fired, limits.maxFirings()));
    }

    private static BeliefSet<?> beliefs(InternalFactHandle handle) {
        if (handle.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key) {
            BeliefSet<?> set = key.getBeliefSet();
            return set != null && !set.isEmpty() ? set : null;
        }
        return null;
    }

    private static Support support(LogicalDependency<SimpleMode> dependency, Map<Object, Fact> facts) {
        TruthMaintenanceSystemInternalMatch<SimpleMode> match = dependency.getJustifier();
        List<Fact> premises = new ArrayList<>();
        for (Object premise : match.getObjects()) {
            Fact fact = premise == null ? null : facts.get(premise);
            if (fact != null) {
                premises.add(fact);
            }
        }
        return new Support(match.getRule().getPackageName() + "." + match.getRule().getName(), premises);
    }

    private Fact toFact(Object object) {
        FactType type = factTypes.get(object.getClass().getSimpleName());
        TreeMap<String, Object> fields = new TreeMap<>();
        if (type == null) {
            return new Fact(object.getClass().getSimpleName(), fields);
        }
        for (FactField field : type.getFields()) {
            fields.put(field.getName(), field.get(object));
        }
        return new Fact(type.getSimpleName(), fields);
    }
}
