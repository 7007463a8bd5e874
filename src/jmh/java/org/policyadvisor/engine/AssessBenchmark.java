package org.policyadvisor.engine;

import java.nio.file.Path;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Advisor.assess} with full explanations against a bare Drools session on the same KieBase, in one run.
 *
 * <ul>
 *   <li>{@link #assess}: what an embedder calls: vocabulary check, session, insert, fire under the guard,
 *       every TMS justification read back, explanation graph built, session disposed.</li>
 *   <li>{@link #bareSession}: the same fact objects inserted into a new session of the same KieBase,
 *       {@code fireAllRules()}, {@code dispose()}; nothing else.</li>
 *   <li>{@link #stepBarePooled}, {@link #stepBareFromFacts} and {@link #stepEvaluation}: the steps in between, to
 *       attribute the difference: the bare session's work in a session of the pool {@code assess} uses (open,
 *       insert, fire, dispose, which resets the session and keeps it); the bare session plus building the
 *       declared-type objects from the facts; then the whole {@link Evaluation} (pooled session, firing guard,
 *       TMS read-back) without the vocabulary check and the explanation graph.</li>
 * </ul>
 * The baseline is {@code facts/june-2024-summit.json} over {@code rules/}, both relative to the working directory
 * unless the parameters say otherwise.
 */
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dlogback.configurationFile=org/policyadvisor/cli/logback-cli.xml"})
public class AssessBenchmark extends FixtureBenchmark {

    @Param("rules")
    public String rules;

    @Param("facts/june-2024-summit.json")
    public String baseline;

    @Setup
    public void setUp() {
        fixture = BenchmarkFixture.of(Path.of(rules), Path.of(baseline));
        System.out.printf("%n# %s: %s%n", baseline, fixture.verify());
    }

    @Benchmark
    public int stepBarePooled() {
        return fixture.barePooled();
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
