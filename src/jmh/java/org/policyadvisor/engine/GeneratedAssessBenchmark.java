package org.policyadvisor.engine;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.policyadvisor.bench.SyntheticRules;

/**
 * A large generated rule base evaluates a scenario: {@code seeds} seeded chains of ten rules each (with the
 * defaults 100 firings and 100 consequences, explanations ten levels deep), with {@code assess} and a bare
 * session side by side on the same KieBase, as in {@link AssessBenchmark}. See {@link SyntheticRules}.
 */
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dlogback.configurationFile=org/policyadvisor/cli/logback-cli.xml"})
public class GeneratedAssessBenchmark extends FixtureBenchmark {

    @Param("10000")
    public int rules;

    @Param("10")
    public int seeds;

    @Setup
    public void setUp() {
        fixture = BenchmarkFixture.generated(rules, seeds);
        System.out.printf("%n# generated: %s%n", fixture.verify());
    }
}
