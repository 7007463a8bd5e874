package org.policyadvisor.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.Rule;
import org.policyadvisor.Vocabulary;
import org.policyadvisor.spi.RuleBase;

/**
 * A compiled KieBase with what was read from it. Immutable and thread-safe: the KieBase is shared,
 * and each evaluation opens its own session from the {@link SessionPool} and disposes it.
 */
final class DroolsRuleBase implements RuleBase {

    private final KieBase kieBase;
    private final String revision;
    private final Instant loadedAt;
    private final Map<String, Rule> rulesByKey;
    private final List<Rule> rules;
    private final Vocabulary vocabulary;
    private final SessionTypes types;
    private final SessionPool sessions;

    DroolsRuleBase(KieBase kieBase, String revision, Instant loadedAt, Map<String, Rule> rulesByKey,
                   Vocabulary vocabulary) {
        this.kieBase = kieBase;
        this.revision = revision;
        this.loadedAt = loadedAt;
        this.rulesByKey = Map.copyOf(rulesByKey);
        this.rules = rulesByKey.values().stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.vocabulary = vocabulary;
        this.types = new SessionTypes(kieBase, this.rulesByKey);
        TruthMaintenance.enableForDeclaredTypes(kieBase, FactTypes.of(kieBase));
        this.sessions = new SessionPool(kieBase);
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public Instant loadedAt() {
        return loadedAt;
    }

    @Override
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public Assessment evaluate(String description, List<Fact> facts, Limits limits) {
        Evaluation.Result result = new Evaluation(sessions, types, limits).run(facts);
        return Explanations.assess(revision, description, result);
    }

    /** The KieBase itself, for benchmarks that compare against a bare session. */
    KieBase kieBase() {
        return kieBase;
    }

    /** Where evaluations take their sessions from. */
    SessionPool sessions() {
        return sessions;
    }

    /** The types and rules resolved for sessions of this KieBase. */
    SessionTypes types() {
        return types;
    }
}
