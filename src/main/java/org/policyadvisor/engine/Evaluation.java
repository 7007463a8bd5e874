package org.policyadvisor.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.simple.SimpleBeliefSet;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;

/**
 * One evaluation: a fresh session, the facts inserted, rules fired under the guard, every justification
 * read back from the truth maintenance system, and the session disposed whatever happens.
 *
 * <p>The read-back numbers the facts once and works with those numbers from then on: the session's fact handles
 * carry dense ids, so a premise is found by an array index rather than by hashing the object it holds. The derived
 * facts are found through the truth maintenance system's equality keys, which hold every logically inserted fact.
 */
final class Evaluation {

    /** One justification of a derived fact: the rule, and the numbers of the facts its conditions matched. */
    record Support(SessionTypes.KnownRule rule, int[] premises) {
    }

    /**
     * What the session held: {@code facts[0..given)} are the distinct given facts in input order, the rest the
     * derived facts, and {@code supports[i]} every justification of {@code facts[given + i]} whose premises are
     * all given or derived; {@code ranks[i]} the rank of its type among the declared types by name, or -1 when it
     * has no declared type. Internal to the engine; the arrays are not copied.
     */
    record Result(Fact[] facts, int given, Support[][] supports, int[] ranks, int firings) {
    }

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
            return read(session, facts, inserted, Math.min(fired, limits.maxFirings()));
        } finally {
            session.dispose();
        }
    }

    private Object toObject(Fact fact) {
        Object object = types.write(fact);
        if (object == null) {
            throw new IllegalStateException("no declared type " + fact.type());
        }
        return object;
    }

    private Result read(KieSession session, List<Fact> given, InternalFactHandle[] inserted, int fired) {
        // Every fact the rules inserted logically has an equality key in the session's truth maintenance system.
        Collection<EqualityKey> keys = TruthMaintenanceSystemFactory.get()
                .getOrCreateTruthMaintenanceSystem((ReteEvaluator) session).getEqualityKeys();
        long maxId = 0;
        for (InternalFactHandle h : inserted) {
            maxId = Math.max(maxId, h.getId());
        }
        for (EqualityKey key : keys) {
            maxId = Math.max(maxId, key.getFactHandle().getId());
        }
        if (maxId >= Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("fact handle ids beyond " + maxId + " cannot be indexed");
        }
        // node[id] is 0 for a handle that is none of ours, n + 1 for fact number n.
        int[] node = new int[(int) maxId + 1];
        Fact[] facts = new Fact[inserted.length + keys.size()];
        int count = 0;
        // The rule base compares facts by equality, so equal given facts share one handle: the first one counts.
        for (int i = 0; i < inserted.length; i++) {
            int id = (int) inserted[i].getId();
            if (node[id] == 0) {
                facts[count++] = given.get(i);
                node[id] = count;
            }
        }
        int givenCount = count;
        BeliefSet<?>[] derived = new BeliefSet<?>[keys.size()];
        int[] ranks = new int[keys.size()];
        for (EqualityKey key : keys) {
            InternalFactHandle h = key.getFactHandle();
            BeliefSet<?> beliefs = beliefs(key);
            int id = (int) h.getId();
            if (beliefs != null && node[id] == 0) {
                Object object = h.getObject();
                SessionTypes.Reader reader = types.reader(object.getClass());
                derived[count - givenCount] = beliefs;
                ranks[count - givenCount] = reader == null ? -1 : reader.rank();
                facts[count++] = reader == null ? Fact.of(object.getClass().getSimpleName(), Map.of()) : reader.read(object);
                node[id] = count;
            }
        }
        Support[][] supports = new Support[count - givenCount][];
        for (int i = 0; i < supports.length; i++) {
            supports[i] = supports(derived[i], node);
        }
        return new Result(Arrays.copyOf(facts, count), givenCount, supports, ranks, fired);
    }

    private static BeliefSet<?> beliefs(EqualityKey key) {
        if (key instanceof TruthMaintenanceSystemEqualityKey tmsKey) {
            BeliefSet<?> set = tmsKey.getBeliefSet();
            return set != null && !set.isEmpty() ? set : null;
        }
        return null;
    }

    /** The justifications of one derived fact whose rule is known and whose premises are all ours. */
    private Support[] supports(BeliefSet<?> beliefs, int[] node) {
        if (!(beliefs instanceof SimpleBeliefSet set)) {
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
        return n < supports.length ? Arrays.copyOf(supports, n) : supports;
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
            InternalFactHandle h = (InternalFactHandle) handle;
            long id = h.getId();
            int at = id < node.length ? node[(int) id] : 0;
            if (at > 0) {
                premises[n++] = at - 1;
            } else if (types.declares(h.getObject())) {
                // A fact of the vocabulary that is neither given nor derived (a rule stated it): no grounding.
                return null;
            }
        }
        return new Support(rule, n < premises.length ? Arrays.copyOf(premises, n) : premises);
    }
}
