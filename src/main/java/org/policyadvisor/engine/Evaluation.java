package org.policyadvisor.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.simple.SimpleBeliefSet;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;

/**
 * One evaluation: a fresh session, the facts inserted, rules fired under the guard, every justification
 * read back from the truth maintenance system, and the session disposed whatever happens.
 *
 * <p>The read-back numbers the facts once and works with those numbers from then on: the session's fact handles
 * carry dense ids, so a premise is found by an array index rather than by hashing the object it holds.
 */
final class Evaluation {

    /** One justification of a derived fact: the rule, and the numbers of the facts its conditions matched. */
    record Support(SessionTypes.KnownRule rule, int[] premises) {
    }

    /**
     * What the session held: {@code facts[0..given)} are the distinct given facts in input order, the rest the
     * derived facts, and {@code supports[i]} every justification of {@code facts[given + i]} whose premises are
     * all given or derived. Internal to the engine; the arrays are not copied.
     */
    record Result(Fact[] facts, int given, Support[][] supports, int firings) {
    }

    /** Marks a handle whose fact is in the session but neither given nor derived (stated by a rule). */
    private static final int UNGROUNDED = -1;

    private final KieBase kieBase;
    private final SessionTypes types;
    private final Limits limits;

    Evaluation(KieBase kieBase, SessionTypes types, Limits limits) {
        this.kieBase = kieBase;
        this.types = types;
        this.limits = limits;
    }

    Result run(List<Fact> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            FiringGuard guard = new FiringGuard(session, limits);
            InternalFactHandle[] inserted = new InternalFactHandle[facts.size()];
            for (int i = 0; i < inserted.length; i++) {
                inserted[i] = (InternalFactHandle) session.insert(toObject(facts.get(i)));
            }
            int fired = session.fireAllRules(guard, limits.maxFirings() + 1);
            guard.check(fired);
            return read(session.getFactHandles(), facts, inserted, Math.min(fired, limits.maxFirings()));
        } finally {
            session.dispose();
        }
    }

    private Object toObject(Fact fact) {
        FactType type = types.type(fact.type());
        try {
            Object object = type.newInstance();
            for (int i = 0; i < fact.size(); i++) {
                type.set(object, fact.name(i), fact.value(i));
            }
            return object;
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot instantiate declared type " + fact.type(), e);
        }
    }

    private Result read(Collection<? extends FactHandle> live, List<Fact> given, InternalFactHandle[] inserted,
                        int fired) {
        long maxId = 0;
        for (InternalFactHandle h : inserted) {
            maxId = Math.max(maxId, h.getId());
        }
        for (FactHandle handle : live) {
            maxId = Math.max(maxId, ((InternalFactHandle) handle).getId());
        }
        if (maxId >= Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("fact handle ids beyond " + maxId + " cannot be indexed");
        }
        // node[id] is 0 for an id that is no fact of ours, n + 1 for fact number n, or UNGROUNDED.
        int[] node = new int[(int) maxId + 1];
        Fact[] facts = new Fact[inserted.length + live.size()];
        int count = 0;
        Map<Fact, Integer> distinct = inserted.length > 1 ? new HashMap<>(inserted.length * 2) : null;
        for (int i = 0; i < inserted.length; i++) {
            int id = (int) inserted[i].getId();
            if (node[id] == 0) {
                Fact fact = given.get(i);
                Integer seen = distinct == null ? null : distinct.putIfAbsent(fact, count);
                if (seen == null) {
                    facts[count++] = fact;
                }
                node[id] = (seen == null ? count - 1 : seen) + 1;
            }
        }
        int givenCount = count;
        InternalFactHandle[] derived = new InternalFactHandle[live.size()];
        for (FactHandle handle : live) {
            InternalFactHandle h = (InternalFactHandle) handle;
            int id = (int) h.getId();
            if (node[id] != 0) {
                continue;
            }
            if (beliefs(h) == null) {
                node[id] = UNGROUNDED;
                continue;
            }
            derived[count - givenCount] = h;
            facts[count++] = types.read(h.getObject());
            node[id] = count;
        }
        Support[][] supports = new Support[count - givenCount][];
        for (int i = 0; i < supports.length; i++) {
            supports[i] = supports(derived[i], node);
        }
        Fact[] trimmed = new Fact[count];
        System.arraycopy(facts, 0, trimmed, 0, count);
        return new Result(trimmed, givenCount, supports, fired);
    }

    private static BeliefSet<?> beliefs(InternalFactHandle handle) {
        if (handle.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key) {
            BeliefSet<?> set = key.getBeliefSet();
            return set != null && !set.isEmpty() ? set : null;
        }
        return null;
    }

    /** The justifications of one derived fact whose rule is known and whose premises are all ours. */
    private Support[] supports(InternalFactHandle handle, int[] node) {
        if (!(beliefs(handle) instanceof SimpleBeliefSet set)) {
            return new Support[0];
        }
        Support[] supports = new Support[set.size()];
        int n = 0;
        for (SimpleMode mode = set.getFirst(); mode != null; mode = mode.getNext()) {
            Support support = support(mode.getObject(), node);
            if (support != null) {
                supports[n++] = support;
            }
        }
        if (n < supports.length) {
            Support[] trimmed = new Support[n];
            System.arraycopy(supports, 0, trimmed, 0, n);
            return trimmed;
        }
        return supports;
    }

    private Support support(LogicalDependency<SimpleMode> dependency, int[] node) {
        TruthMaintenanceSystemInternalMatch<SimpleMode> match = dependency.getJustifier();
        SessionTypes.KnownRule rule = types.rule(match.getRule());
        if (rule == null) {
            return null;
        }
        FactHandle[] handles = match.getTuple().toFactHandles();
        int[] premises = new int[handles.length];
        int n = 0;
        for (FactHandle handle : handles) {
            if (handle == null) {
                continue;
            }
            long id = ((InternalFactHandle) handle).getId();
            int at = id < node.length ? node[(int) id] : 0;
            if (at == UNGROUNDED) {
                return null;
            }
            if (at > 0) {
                premises[n++] = at - 1;
            }
        }
        if (n < premises.length) {
            int[] trimmed = new int[n];
            System.arraycopy(premises, 0, trimmed, 0, n);
            return new Support(rule, trimmed);
        }
        return new Support(rule, premises);
    }
}
