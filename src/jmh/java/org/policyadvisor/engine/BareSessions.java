package org.policyadvisor.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.policyadvisor.Advisor;
import org.policyadvisor.Fact;
import org.policyadvisor.RuleSources;

/**
 * A rules directory compiled once, with the {@link Advisor} over it and bare sessions of the same KieBase: what
 * the benchmarks compare {@code assess} and the what-if service with.
 */
public final class BareSessions {

    private final DroolsRuleBase ruleBase;
    private final Advisor advisor;

    BareSessions(DroolsRuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.advisor = Advisor.builder().ruleBase(ruleBase).build();
    }

    /** Compiles the rules of a directory as {@code --rules DIR} does. */
    public static BareSessions compile(Path rulesDir) {
        return new BareSessions((DroolsRuleBase) new DroolsCompiler().compile(RuleSources.fromDirectory(rulesDir)));
    }

    public Advisor advisor() {
        return advisor;
    }

    DroolsRuleBase ruleBase() {
        return ruleBase;
    }

    /** The session objects of the facts, checked against the vocabulary and built as {@code assess} builds them. */
    public List<Object> objects(List<Fact> facts) {
        return objects(ruleBase.types(), advisor.vocabulary().check(facts, "facts"));
    }

    /** The session objects of checked facts, written through the given types. */
    static List<Object> objects(SessionTypes types, List<Fact> checked) {
        List<Object> objects = new ArrayList<>(checked.size());
        for (Fact fact : checked) {
            objects.add(types.write(fact));
        }
        return List.copyOf(objects);
    }

    /** A new session of the KieBase: insert the objects, fire, dispose; returns the number of firings. */
    public int run(List<Object> objects) {
        return run(ruleBase.kieBase(), objects);
    }

    static int run(KieBase kieBase, List<Object> objects) {
        return run(kieBase.newKieSession(), objects);
    }

    /** Inserts the objects into the session, fires, disposes it; returns the number of firings. */
    static int run(KieSession session, List<Object> objects) {
        try {
            for (Object object : objects) {
                session.insert(object);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
