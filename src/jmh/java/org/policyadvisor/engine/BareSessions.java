package org.policyadvisor.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fact;
import org.policyadvisor.InvalidRulesException;
import org.policyadvisor.Limits;
import org.policyadvisor.Rule;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Scenario;

/**
 * A rules directory built once, as {@code --rules DIR} builds it ({@link RuleCheck}, then {@link ModelBuilder}), with
 * the {@link Advisor} over it and bare Drools sessions of the very same KieBase: the floor the benchmarks compare
 * {@code assess} and the what-if service with. Benchmark code only; the engine has no accessor for it.
 */
public final class BareSessions {

    private final KieBase kieBase;
    /** The claim behind each Drools rule, by rule name. */
    private final Map<String, Rule> claims;
    private final Advisor advisor;
    /** A pool of its own, so that bare pooled sessions do not take the advisor's. */
    private final SessionPool pool;
    private final SessionPool evaluationPool;

    private BareSessions(ModelBuilder.Built built, DroolsRuleBase ruleBase) {
        this.kieBase = built.kieBase();
        this.claims = built.claims();
        this.advisor = Advisor.builder().ruleBase(ruleBase).build();
        this.pool = new SessionPool(this.kieBase);
        this.evaluationPool = new SessionPool(this.kieBase);
    }

    /** Reads, checks and builds the rules of a directory as {@code --rules DIR} does. */
    public static BareSessions build(Path rulesDir) {
        RuleSources sources = RuleSources.fromDirectory(rulesDir);
        RuleCheck.Result checked = RuleCheck.essential(sources);
        if (!checked.essential().isEmpty()) {
            throw new InvalidRulesException(RuleCheck.problems(checked.essential()));
        }
        ModelBuilder.Built built = ModelBuilder.build(checked.rules(), checked.vocabulary());
        // The rule base switches truth maintenance on in the KieBase: the bare sessions below run with it, too.
        DroolsRuleBase ruleBase = new DroolsRuleBase(built, sources.revision(), Instant.now(), checked.rules(),
                checked.vocabulary(), checked.sources());
        return new BareSessions(built, ruleBase);
    }

    public Advisor advisor() {
        return advisor;
    }

    /** The facts {@code assess} inserts for a scenario: checked, canonical, each distinct fact once. */
    public List<Fact> facts(Scenario scenario) {
        List<Fact> checked = advisor.vocabulary().check(scenario.facts(), "facts").stream()
                .map(advisor.vocabulary()::canonical).toList();
        return List.copyOf(new LinkedHashSet<>(checked));
    }

    /** A new session of the KieBase: insert the facts, fire, dispose; returns the number of firings. */
    public int run(List<Fact> facts) {
        return run(kieBase.newKieSession(), facts);
    }

    /** The same in a session of a pool of the KieBase (disposing resets the session and keeps it). */
    public int runPooled(List<Fact> facts) {
        return run(pool.open(), facts);
    }

    /**
     * What {@code assess} does before it builds explanations: a pooled session under the firing guard, every
     * justification read back from truth maintenance ({@link Evaluation}).
     */
    int evaluate(List<Fact> facts) {
        return Evaluation.run(evaluationPool, claims, facts, Limits.DEFAULT, name -> true).firings();
    }

    private static int run(KieSession session, List<Fact> facts) {
        try {
            for (Fact fact : facts) {
                session.insert(fact);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
