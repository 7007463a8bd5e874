package org.policyadvisor.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;
import org.policyadvisor.cli.Logging;

/**
 * {@code Advisor.assess} with full explanations against a bare Drools session on the same KieBase, in one run:
 * <ul>
 *   <li>{@link #bareSession}: a new session, the same facts inserted, {@code fireAllRules()}, {@code dispose()};</li>
 *   <li>{@link #barePooled}: the same in a session of a pool of the KieBase, as {@code assess} takes them;</li>
 *   <li>{@link #evaluation}: what {@code assess} does before explaining: pooled session, firing guard, every
 *       justification read back;</li>
 *   <li>{@link #assess}: what an embedder calls: vocabulary check, evaluation, explanation graph.</li>
 * </ul>
 * {@link PairedAssessBenchmark} takes the same operations in alternation, for a machine shared with other work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AssessBenchmark {

    @Param("rules")
    public String rules;

    @Param("facts/june-2024-summit.json")
    public String baseline;

    private Fixture fixture;

    @Setup
    public void setUp() {
        Logging.forApplication();
        fixture = Fixture.of(Path.of(rules), Path.of(baseline));
        System.out.printf("%n# %s: %s%n", baseline, fixture.verify());
    }

    @Benchmark
    public int bareSession() {
        return fixture.bare();
    }

    @Benchmark
    public int barePooled() {
        return fixture.barePooled();
    }

    @Benchmark
    public int evaluation() {
        return fixture.evaluation();
    }

    @Benchmark
    public Assessment assess() {
        return fixture.assess();
    }

    /** One rule base, a scenario, and the facts {@code assess} inserts for it. */
    record Fixture(BareSessions sessions, Scenario scenario, List<Fact> facts) {

        static Fixture of(Path rules, Path scenarioFile) {
            BareSessions sessions = BareSessions.build(rules);
            Scenario scenario = new org.policyadvisor.scenario.ScenarioReader(sessions.advisor().vocabulary(),
                    scenarioFile.toAbsolutePath().getParent()).read(scenarioFile).scenario();
            return new Fixture(sessions, scenario, sessions.facts(scenario));
        }

        int bare() {
            return sessions.run(facts);
        }

        int barePooled() {
            return sessions.runPooled(facts);
        }

        int evaluation() {
            return sessions.evaluate(facts);
        }

        Assessment assess() {
            return sessions.advisor().assess(scenario);
        }

        /** Fails unless every operation fires the same rules; returns a one-line summary. */
        String verify() {
            Assessment assessment = assess();
            int fired = bare();
            if (fired != assessment.firings() || barePooled() != fired || evaluation() != fired) {
                throw new IllegalStateException("the bare session fired " + fired + " rules, assess "
                        + assessment.firings() + ": they do not do the same work");
            }
            return String.format("%d rules, %d facts, %d firings, %d consequences",
                    sessions.advisor().rules().size(), facts.size(), fired, assessment.consequences().size());
        }
    }
}
