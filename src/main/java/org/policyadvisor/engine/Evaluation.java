package org.policyadvisor.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.ReteEvaluator;
import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.drools.core.reteoo.TupleImpl;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.agenda.TruthMaintenanceSystemInternalMatch;
import org.drools.tms.beliefsystem.BeliefSet;
import org.drools.tms.beliefsystem.simple.SimpleBeliefSet;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.Problem;
import org.policyadvisor.RuleFailedException;

/**
 * One evaluation: a session from the {@link SessionPool}, the facts inserted, rules fired under the guard, every
 * justification read back from the truth maintenance system, and the session disposed whatever happens (which
 * gives it back to the pool, empty).
 *
 * <p>The read-back numbers the facts once and works with those numbers from then on: the session's fact handles
 * carry dense ids, so a premise is found by an array index rather than by hashing the object it holds. The derived
 * facts are found through the truth maintenance system's equality keys, which hold every logically inserted fact.
 */
final class Evaluation {

    /**
     * What the session held. {@code facts[0..given)} are the distinct given facts in input order, the rest the
     * derived facts. The justifications of derived fact {@code given + i} whose premises are all given or derived
     * are numbered {@code first[i]} to {@code first[i + 1] - 1}; justification {@code j} applies {@code rules[j]}
     * to the facts numbered {@code premises[from[j]]} to {@code premises[from[j + 1] - 1]}. {@code ranks[i]} is the rank of the derived fact's type among the
     * declared types by name, or -1 when it has no declared type. Internal to the engine; nothing is copied.
     */
    record Result(Fact[] facts, int given, int[] first, SessionTypes.KnownRule[] rules, int[] from, int[] premises,
                  int[] ranks, int firings) {
    }

    private final SessionPool sessions;
    private final SessionTypes types;
    private final Limits limits;

    Evaluation(SessionPool sessions, SessionTypes types, Limits limits) {
        this.sessions = sessions;
        this.types = types;
        this.limits = limits;
    }

    Result run(List<Fact> facts) {
        KieSession session = sessions.open();
        try {
            FiringGuard guard = new FiringGuard(session, limits);
            InternalFactHandle[] inserted = new InternalFactHandle[facts.size()];
            // Equal given facts are one fact: the first is inserted, the others share its handle.
            Map<Object, InternalFactHandle> distinct = new HashMap<>();
            for (int i = 0; i < inserted.length; i++) {
                Object object = toObject(facts.get(i));
                InternalFactHandle handle = distinct.get(object);
                if (handle == null) {
                    handle = (InternalFactHandle) session.insert(object);
                    distinct.put(object, handle);
                }
                inserted[i] = handle;
            }
            int fired;
            try {
                fired = session.fireAllRules(guard, limits.maxFirings() + 1);
            } catch (ConsequenceException e) {
                throw failed(e);
            }
            guard.check(fired);
            return read(session, facts, inserted, Math.min(fired, limits.maxFirings()));
        } finally {
            session.dispose();
        }
    }

    /** The error of a rule whose action failed, naming the rule and where it is written. */
    private RuleFailedException failed(ConsequenceException e) {
        org.kie.api.definition.rule.Rule compiled = e.getRule();
        String name = compiled == null ? "?" : compiled.getName();
        SessionTypes.KnownRule known = compiled instanceof RuleImpl impl ? types.rule(impl) : null;
        String where = "rule '" + name + "'"
                + (known == null ? "" : " (" + known.rule().file() + ":" + known.rule().line() + ")");
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String error = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        RuleFailedException failure = new RuleFailedException("rule '" + name + "' failed",
                List.of(new Problem(where, error)));
        failure.initCause(e);
        return failure;
    }

    private Object toObject(Fact fact) {
        Object object = types.write(fact);
        if (object == null) {
            throw new IllegalStateException("no declared type " + fact.type());
        }
        return object;
    }

    private Result read(KieSession session, List<Fact> given, InternalFactHandle[] inserted, int fired) {
        ReteEvaluator evaluator = (ReteEvaluator) session;
        // Every fact the rules inserted logically has an equality key in the session's truth maintenance system.
        Collection<EqualityKey> keys = TruthMaintenanceSystemFactory.get()
                .getOrCreateTruthMaintenanceSystem(evaluator).getEqualityKeys();
        long maxId = evaluator.getFactHandleFactory().getId();
        for (InternalFactHandle h : inserted) {
            maxId = Math.max(maxId, h.getId());
        }
        // node[id] is 0 for a handle that is none of ours, n + 1 for fact number n.
        int[] node = new int[index(maxId) + 1];
        Fact[] facts = new Fact[inserted.length + keys.size()];
        int count = 0;
        // Equal given facts share one handle (see run): the first one counts.
        for (int i = 0; i < inserted.length; i++) {
            int id = index(inserted[i].getId());
            if (node[id] == 0) {
                facts[count++] = given.get(i);
                node[id] = count;
            }
        }
        int givenCount = count;
        BeliefSet<?>[] derived = new BeliefSet<?>[keys.size()];
        int[] ranks = new int[keys.size()];
        int justifications = 0;
        for (EqualityKey key : keys) {
            InternalFactHandle h = key.getFactHandle();
            BeliefSet<?> beliefs = beliefs(key);
            int id = index(h.getId());
            if (id >= node.length) {
                node = Arrays.copyOf(node, Math.max(id + 1, node.length * 2));
            }
            if (beliefs != null && node[id] == 0) {
                Object object = h.getObject();
                SessionTypes.Reader reader = types.reader(object.getClass());
                derived[count - givenCount] = beliefs;
                ranks[count - givenCount] = reader == null ? -1 : reader.rank();
                facts[count++] = reader == null ? Fact.of(object.getClass().getSimpleName(), Map.of()) : reader.read(object);
                node[id] = count;
                justifications += beliefs.size();
            }
        }
        int derivedCount = count - givenCount;
        int[] first = new int[derivedCount + 1];
        SessionTypes.KnownRule[] rules = new SessionTypes.KnownRule[justifications];
        int[] from = new int[justifications + 1];
        int[] premises = new int[justifications * 3];
        int[] scratch = new int[8];
        int j = 0;
        int at = 0;
        for (int i = 0; i < derivedCount; i++) {
            first[i] = j;
            if (derived[i] instanceof SimpleBeliefSet set) {
                for (SimpleMode mode = set.getFirst(); mode != null; mode = mode.getNext()) {
                    TruthMaintenanceSystemInternalMatch<SimpleMode> match = mode.getObject().getJustifier();
                    SessionTypes.KnownRule rule = types.rule(match.getRule());
                    if (rule == null) {
                        continue;
                    }
                    int n = premises(match.getTuple(), node, scratch);
                    if (n > scratch.length) {
                        scratch = new int[n];
                        n = premises(match.getTuple(), node, scratch);
                    }
                    if (n >= 0) {
                        if (at + n > premises.length) {
                            premises = Arrays.copyOf(premises, Math.max(at + n, premises.length * 2));
                        }
                        System.arraycopy(scratch, 0, premises, at, n);
                        rules[j] = rule;
                        from[j++] = at;
                        at += n;
                    }
                }
            }
        }
        first[derivedCount] = j;
        from[j] = at;
        return new Result(Arrays.copyOf(facts, count), givenCount, first, rules, from, premises, ranks, fired);
    }

    private static int index(long id) {
        if (id < 0 || id >= Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("fact handle id " + id + " cannot be indexed");
        }
        return (int) id;
    }

    private static BeliefSet<?> beliefs(EqualityKey key) {
        if (key instanceof TruthMaintenanceSystemEqualityKey tmsKey) {
            BeliefSet<?> set = tmsKey.getBeliefSet();
            return set != null && !set.isEmpty() ? set : null;
        }
        return null;
    }

    /**
     * Writes the numbers of the facts a match rests on, in the order of the rule's conditions, into {@code into}
     * and returns how many there are: more than {@code into} holds when it is too small (nothing useful is written
     * then), or -1 when a premise is a fact of the vocabulary that is neither given nor derived (a rule stated it),
     * which leaves the justification without grounding. The tuple holds the last condition's fact first.
     */
    private int premises(TupleImpl tuple, int[] node, int[] into) {
        int n = 0;
        for (TupleImpl t = tuple.skipEmptyHandles(); t != null; t = t.getParent()) {
            InternalFactHandle h = t.getFactHandle();
            if (h == null) {
                continue;
            }
            long id = h.getId();
            int at = id < node.length ? node[(int) id] : 0;
            if (at > 0) {
                if (n < into.length) {
                    into[n] = at - 1;
                }
                n++;
            } else if (types.declares(h.getObject())) {
                return -1;
            }
        }
        if (n <= into.length) {
            for (int i = 0, k = n - 1; i < k; i++, k--) {
                int swap = into[i];
                into[i] = into[k];
                into[k] = swap;
            }
        }
        return n;
    }
}
