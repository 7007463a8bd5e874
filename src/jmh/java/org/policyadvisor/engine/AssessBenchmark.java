package org.policyadvisor.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Scenario;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * {@code Advisor.assess} with full explanations against a bare Drools session on the same KieBase, in one run.
 *
 * <ul>
 *   <li>{@link #assess}: what an embedder calls: vocabulary check, session, insert, fire under the guard,
 *       every TMS justification read back, explanation graph built, session disposed.</li>
 *   <li>{@link #bareSession}: the same fact objects inserted into a new session of the same KieBase,
 *       {@code fireAllRules()}, {@code dispose()}; nothing else.</li>
 *   <li>{@link #stepBareFromFacts} and {@link #stepEvaluation}: the steps in between, to attribute the difference:
 *       the bare session plus turning {@code Fact}s into declared-type objects; then the whole {@link Evaluation}
 *       (guard listener, TMS read-back) without the vocabulary check and the explanation graph.</li>
 * </ul>
 * The baseline is {@code facts/june-2024-summit.json} over {@code rules/}, both relative to the working directory
 * unless the parameters say otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dlogback.configurationFile=org/policyadvisor/cli/logback-cli.xml"})
public class AssessBenchmark {

    @Param("rules")
    public String rules;

    @Param("facts/june-2024-summit.json")
    public String baseline;

    private Advisor advisor;
    private KieBase kieBase;
    private Map<String, FactType> factTypes;
    private Scenario scenario;
    private List<Fact> checkedFacts;
    private List<Object> objects;

    @Setup
    public void setUp() {
        DroolsRuleBase ruleBase = (DroolsRuleBase) new DroolsCompiler().compile(RuleSources.fromDirectory(Path.of(rules)));
        kieBase = ruleBase.kieBase();
        factTypes = FactTypes.of(kieBase);
        advisor = Advisor.builder().ruleBase(ruleBase).build();
        Path file = Path.of(baseline);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no baseline scenario at " + file.toAbsolutePath() + "; pass -p baseline=FILE");
        }
        scenario = new ScenarioReader(advisor.vocabulary(), file.toAbsolutePath().getParent()).read(file).scenario();
        checkedFacts = advisor.vocabulary().check(scenario.facts(), "facts");
        objects = toObjects(checkedFacts);

        Assessment assessment = advisor.assess(scenario);
        int bareFirings = bareSession();
        if (bareFirings != assessment.firings()) {
            throw new IllegalStateException("the bare session fired " + bareFirings + " rules, assess "
                    + assessment.firings() + ": they do not do the same work");
        }
        System.out.printf("%n# baseline %s: %d facts, %d firings, %d consequences, %d rules%n", file,
                checkedFacts.size(), bareFirings, assessment.consequences().size(), advisor.rules().size());
    }

    @Benchmark
    public Assessment assess() {
        return advisor.assess(scenario);
    }

    @Benchmark
    public int bareSession() {
        KieSession session = kieBase.newKieSession();
        try {
            for (Object object : objects) {
                session.insert(object);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public int stepBareFromFacts() {
        KieSession session = kieBase.newKieSession();
        try {
            for (Object object : toObjects(checkedFacts)) {
                session.insert(object);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public Evaluation.Result stepEvaluation() {
        return new Evaluation(kieBase, factTypes, Limits.DEFAULT).run(checkedFacts);
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
