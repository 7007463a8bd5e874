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
import org.policyadvisor.RuleSources;
import org.policyadvisor.bench.SyntheticRules;
import org.policyadvisor.spi.RuleBase;

/**
 * Rule-base build time: reading a rules directory and compiling it into a ready {@link RuleBase}
 * (DRL to KieBase, vocabulary, rule catalogue), as {@code Advisor.builder().rulesFrom(dir).build()} does.
 * Each measured build is one shot in a JVM that has already built the same rules during warmup: a warm rebuild.
 *
 * <p>{@code rules} is a directory ({@code rules} for the article's rules, by default) or a number of
 * generated rules (see {@link SyntheticRules}); the 10,000-rule build takes tens of seconds, so run it with
 * fewer iterations ({@code bench/jmh.sh} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dlogback.configurationFile=org/policyadvisor/cli/logback-cli.xml"})
public class BuildBenchmark {

    @Param({"rules", "1000", "10000"})
    public String rules;

    private Path dir;

    @Setup
    public void setUp() {
        dir = rules.matches("\\d+") ? SyntheticRules.writeTemp(Integer.parseInt(rules)) : Path.of(rules);
    }

    @Benchmark
    public RuleBase build() {
        return new DroolsCompiler().compile(RuleSources.fromDirectory(dir));
    }
}
