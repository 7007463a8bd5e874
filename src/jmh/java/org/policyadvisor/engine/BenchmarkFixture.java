package org.policyadvisor.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.Scenario;
import org.policyadvisor.bench.SyntheticRules;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * One compiled rule base, an {@link Advisor} over it and a scenario, with the operations the benchmarks compare.
 * {@link #assess()} and {@link #bare()} run on the same KieBase; the bare session inserts the very objects
 * that {@code assess} would build from the scenario's facts.
 */
final class BenchmarkFixture {

    private final Advisor advisor;
    private final KieBase kieBase;
    private final SessionPool sessions;
    private final Map<String, FactType> factTypes;
    private final SessionTypes sessionTypes;
    private final Scenario scenario;
    private final List<Fact> checkedFacts;
    private final List<Object> objects;

    private BenchmarkFixture(DroolsRuleBase ruleBase, Scenario scenario) {
        this.kieBase = ruleBase.kieBase();
        this.sessions = ruleBase.sessions();
        this.factTypes = FactTypes.of(kieBase);
        this.sessionTypes = ruleBase.types();
        this.advisor = Advisor.builder().ruleBase(ruleBase).build();
        this.scenario = scenario;
        this.checkedFacts = advisor.vocabulary().check(scenario.facts(), "facts");
        this.objects = toObjects(checkedFacts);
    }

    /** The rules of a directory and a scenario file read as the CLI reads it. */
    static BenchmarkFixture of(Path rules, Path scenarioFile) {
        if (!Files.isRegularFile(scenarioFile)) {
            throw new IllegalStateException("no scenario at " + scenarioFile.toAbsolutePath() + "; pass -p baseline=FILE");
        }
        DroolsRuleBase ruleBase = compile(rules);
        Scenario scenario = new ScenarioReader(ruleBase.vocabulary(), scenarioFile.toAbsolutePath().getParent())
                .read(scenarioFile).scenario();
        return new BenchmarkFixture(ruleBase, scenario);
    }

    /** A generated rule set of {@code rules} rules and a scenario seeding {@code seeds} of its chains. */
    static BenchmarkFixture generated(int rules, int seeds) {
        return new BenchmarkFixture(compile(SyntheticRules.writeTemp(rules)), SyntheticRules.scenario(rules, seeds));
    }

    private static DroolsRuleBase compile(Path dir) {
        return BareSessions.compile(dir).ruleBase();
    }

    /** Runs both once and fails unless they fire the same number of rules; returns a one-line summary. */
    String verify() {
        Assessment assessment = assess();
        int fired = bare();
        if (fired != assessment.firings() || barePooled() != fired) {
            throw new IllegalStateException("the bare session fired " + fired + " rules, assess "
                    + assessment.firings() + ": they do not do the same work");
        }
        return String.format("%d rules, %d facts, %d firings, %d consequences", advisor.rules().size(),
                objects.size(), fired, assessment.consequences().size());
    }

    /** What an embedder calls: vocabulary check, evaluation under the guard, TMS read-back, explanation graph. */
    Assessment assess() {
        return advisor.assess(scenario);
    }

    /** A new session of the same KieBase: insert the prepared objects, fire, dispose. */
    int bare() {
        return run(objects);
    }

    /**
     * The bare session's work in a session of the pool that {@code assess} takes its sessions from: open, insert the
     * prepared objects, fire, dispose (which resets the session and keeps it). What {@code assess} adds to it is
     * the library's own work.
     */
    int barePooled() {
        return BareSessions.run(sessions.open(), objects);
    }

    /** The bare session, building the objects from the checked facts first (as {@link Evaluation} does). */
    int bareFromFacts() {
        return run(toObjects(checkedFacts));
    }

    /** {@link Evaluation} alone: the session with the guard and the TMS read-back, without the explanation graph. */
    Evaluation.Result evaluation() {
        return new Evaluation(sessions, sessionTypes, Limits.DEFAULT).run(checkedFacts);
    }

    private int run(List<Object> facts) {
        return BareSessions.run(kieBase, facts);
    }

    private List<Object> toObjects(List<Fact> facts) {
        List<Object> result = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            FactType type = factTypes.get(fact.type());
            try {
                Object object = type.newInstance();
                for (Map.Entry<String, Object> field : fact.fields().entrySet()) {
                    type.set(object, field.getKey(), field.getValue());
                }
                result.add(object);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot instantiate " + fact.type(), e);
            }
        }
        return result;
    }
}
