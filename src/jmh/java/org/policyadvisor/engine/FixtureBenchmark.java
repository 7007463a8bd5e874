package org.policyadvisor.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.policyadvisor.Assessment;

/**
 * {@code assess} and a bare session on one {@link BenchmarkFixture}, average time in microseconds. Subclasses set
 * the fixture up (and their own warm-up, measurement and forks); JMH runs these methods once for each subclass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class FixtureBenchmark {

    protected BenchmarkFixture fixture;

    @Benchmark
    public Assessment assess() {
        return fixture.assess();
    }

    @Benchmark
    public int bareSession() {
        return fixture.bare();
    }
}
