package org.policyadvisor.engine;

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
import org.policyadvisor.RuleSources;
import org.policyadvisor.Scenario;
import org.policyadvisor.bench.SyntheticRules;

/**
 * A large generated rule base evaluates a scenario: ten seeded chains of ten rules each (100 firings,
 * 100 consequences, explanations ten levels deep), with {@code assess} and a bare session side by side on
 * the same KieBase, as in {@link AssessBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dlogback.configurationFile=org/policyadvisor/cli/logback-cli.xml"})
public class GeneratedAssessBenchmark {

    @Param("10000")
    public int rules;

    @Param("10")
    public int seeds;

    private Advisor advisor;
    private KieBase kieBase;
    private Scenario scenario;
    private List<Object> objects;

    @Setup
    public void setUp() {
        DroolsRuleBase ruleBase = (DroolsRuleBase) new DroolsCompiler()
                .compile(RuleSources.fromDirectory(SyntheticRules.writeTemp(rules)));
        kieBase = ruleBase.kieBase();
        advisor = Advisor.builder().ruleBase(ruleBase).build();
        scenario = SyntheticRules.scenario(rules, seeds);
        Map<String, FactType> types = FactTypes.of(kieBase);
        objects = new ArrayList<>();
        for (Fact fact : advisor.vocabulary().check(scenario.facts(), "facts")) {
            FactType type = types.get(fact.type());
            try {
                Object object = type.newInstance();
                fact.fields().forEach((name, value) -> type.set(object, name, value));
                objects.add(object);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        Assessment assessment = advisor.assess(scenario);
        int bareFirings = bareSession();
        if (bareFirings != assessment.firings() || assessment.consequences().size() != seeds * SyntheticRules.CHAIN) {
            throw new IllegalStateException("expected " + seeds * SyntheticRules.CHAIN + " consequences and equal firings;"
                    + " assess gave " + assessment.consequences().size() + " consequences, " + assessment.firings()
                    + " firings; bare " + bareFirings + " firings");
        }
        System.out.printf("%n# %d generated rules: %d facts, %d firings, %d consequences%n", advisor.rules().size(),
                objects.size(), bareFirings, assessment.consequences().size());
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
}
