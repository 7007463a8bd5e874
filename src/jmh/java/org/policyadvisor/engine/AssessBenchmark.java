package org.policyadvisor.engine;

import java.nio.file.Path;
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

/**
 * {@code Advisor.assess} with full explanations against a bare Drools session on the same KieBase, in one run.
 *
 * <ul>
 *   <li>{@link #assess}: what an embedder calls: vocabulary check, session, insert, fire under the guard,
 *       every TMS justification read back, explanation graph built, session disposed.</li>
 *   <li>{@link #bareSession}: the same fact objects inserted into a new session of the same KieBase,
 *       {@code fireAllRules()}, {@code dispose()}; nothing else.</li>
 *   <li>{@link #stepBareFromFacts} and {@link #stepEvaluation}: the steps in between, to attribute the difference:
 *       the bare session plus building the declared-type objects from the facts; then the whole {@link Evaluation}
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

    private BenchmarkFixture fixture;

    @Setup
    public void setUp() {
        fixture = BenchmarkFixture.of(Path.of(rules), Path.of(baseline));
        System.out.printf("%n# %s: %s%n", baseline, fixture.verify());
    }

    @Benchmark
    public Assessment assess() {
        return fixture.assess();
    }

    @Benchmark
    public int bareSession() {
        return fixture.bare();
    }

    @Benchmark
    public int stepBareFromFacts() {
        return fixture.bareFromFacts();
    }

    @Benchmark
    public Evaluation.Result stepEvaluation() {
        return fixture.evaluation();
    }
}
