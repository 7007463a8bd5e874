package org.policyadvisor.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Change;
import org.policyadvisor.Comparison;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.scenario.Outcome;
import org.policyadvisor.scenario.ScenarioFile;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * What changing the rules does: every scenario of a folder evaluated under the old and the new rules (each reads
 * the scenarios with its own vocabulary), compared consequence by consequence, and its {@code expect} block checked
 * under both. Scenarios are evaluated on every core, unless told otherwise; a time limit, when given, is checked
 * before each scenario.
 */
public final class Impact {

    /** The impact was not computed within its time limit. */
    public static final class TimedOut extends RuntimeException {
        TimedOut(Duration limit, int done) {
            super("not computed within " + limit.toMillis() + " ms (" + done + " scenario(s) compared by then)");
        }
    }

    private final Advisor old;
    private final Advisor now;
    private final int threads;
    private final Duration limit;

    public Impact(Advisor old, Advisor now) {
        this(old, now, Parallel.cores(), null);
    }

    private Impact(Advisor old, Advisor now, int threads, Duration limit) {
        this.old = Objects.requireNonNull(old, "old must not be null");
        this.now = Objects.requireNonNull(now, "now must not be null");
        this.threads = threads;
        this.limit = limit;
    }

    public Impact threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        return new Impact(old, now, count, limit);
    }

    /**
     * The same impact, given at most {@code limit} from the start of {@link #over}: a scenario is not begun after
     * it, and {@code over} throws {@link TimedOut} instead of answering. A scenario begun in time is finished (each
     * evaluation is bounded by the advisors' own limits).
     */
    public Impact within(Duration limit) {
        Objects.requireNonNull(limit, "limit must not be null");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return new Impact(old, now, threads, limit);
    }

    /**
     * The impact over every scenario file of the folder, in name order.
     *
     * @throws TimedOut when a time limit was given and passed before every scenario was compared
     */
    public ImpactReport over(Path facts) {
        long start = System.nanoTime();
        AtomicInteger begun = new AtomicInteger();
        ScenarioReader before = new ScenarioReader(old.vocabulary(), facts);
        ScenarioReader after = new ScenarioReader(now.vocabulary(), facts);
        ScenarioRunner oldRunner = new ScenarioRunner(old);
        ScenarioRunner newRunner = new ScenarioRunner(now);
        List<ScenarioImpact> scenarios = new ArrayList<>();
        Function<String, ScenarioImpact> one = name -> {
            if (limit != null && System.nanoTime() - start > limit.toNanos()) {
                throw new TimedOut(limit, begun.get());
            }
            begun.incrementAndGet();
            return scenario(name, before, after, oldRunner, newRunner);
        };
        Parallel.ordered(after.names().iterator(), one, scenarios::add, threads);
        if (limit != null && System.nanoTime() - start > limit.toNanos()) {
            throw new TimedOut(limit, scenarios.size());
        }
        return new ImpactReport(old.revision(), now.revision(), RuleDiff.of(old.rules(), now.rules()), scenarios,
                touches(scenarios));
    }

    private ScenarioImpact scenario(String name, ScenarioReader before, ScenarioReader after,
                                    ScenarioRunner oldRunner, ScenarioRunner newRunner) {
        Outcome was = oldRunner.run(before, name);
        Outcome is = newRunner.run(after, name);
        String description = is.description().isEmpty() ? was.description() : is.description();
        try {
            ScenarioFile oldFile = before.byName(name);
            ScenarioFile newFile = after.byName(name);
            Comparison c = Comparison.of(old.assess(oldFile.scenario()), now.assess(newFile.scenario()));
            return new ScenarioImpact(name, description, c.added(), c.removed(), c.changed(), was, is, null);
        } catch (AdvisorException e) {
            return new ScenarioImpact(name, description, List.of(), List.of(), List.of(), was, is, e.oneLine());
        }
    }

    private static List<ImpactReport.Touch> touches(List<ScenarioImpact> scenarios) {
        Map<Fact, Map<ImpactReport.Kind, TreeSet<String>>> touched = new TreeMap<>();
        for (ScenarioImpact s : scenarios) {
            for (Change c : s.changed()) {
                touch(touched, c.after().fact(), ImpactReport.Kind.CHANGED, s.name());
            }
            for (Consequence c : s.added()) {
                touch(touched, c.fact(), ImpactReport.Kind.ADDED, s.name());
            }
            for (Consequence c : s.removed()) {
                touch(touched, c.fact(), ImpactReport.Kind.REMOVED, s.name());
            }
        }
        List<ImpactReport.Touch> out = new ArrayList<>();
        touched.forEach((fact, kinds) -> kinds.forEach((kind, names) ->
                out.add(new ImpactReport.Touch(fact, kind, List.copyOf(names)))));
        return out;
    }

    private static void touch(Map<Fact, Map<ImpactReport.Kind, TreeSet<String>>> touched, Fact fact,
                              ImpactReport.Kind kind, String scenario) {
        touched.computeIfAbsent(fact, f -> new TreeMap<>()).computeIfAbsent(kind, k -> new TreeSet<>()).add(scenario);
    }
}
