package org.policyadvisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.policyadvisor.Advisor;
import org.policyadvisor.cli.Logging;
import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;
import org.policyadvisor.analysis.BatchWhatIf;
import org.policyadvisor.analysis.Holding;
import org.policyadvisor.analysis.Sweep;
import org.policyadvisor.analysis.SweepResult;
import org.policyadvisor.render.AssessmentJson;
import org.policyadvisor.scenario.ScenarioReader;

/**
 * Throughput of the analysis on 1 and N threads, in one JVM, without JMH (a plain main, so that it runs whatever the
 * state of the JMH sources):
 *
 * <ul>
 *   <li>{@code sweep}: the baseline's nine facts and seven facts of the other scenarios as sixteen uncertain facts,
 *       2^16 combinations; then the heap held after sweeps of 2^10 to 2^16 (results aggregated as they come).</li>
 *   <li>{@code batch}: 10,000 generated scenarios (each keeps a random 80% of the baseline's facts and adds each
 *       other scenario's fact with probability 0.15, seeded), answered and rendered as compact JSON lines.</li>
 * </ul>
 *
 * <p>{@code AnalysisBenchmark sweep|batch|all RULES_DIR FACTS_DIR [THREADS] [ROUNDS]}: each round runs 1 thread
 * then THREADS (default: every core), after a warm-up; prints each run (wall time, rate, the process's CPU time and
 * the cores it got: CPU time over wall time, and the load average) and the best rate of each.
 */
public final class AnalysisBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) {
        Logging.forApplication();
        String what = args[0];
        Advisor advisor = Advisor.builder().rulesFrom(Path.of(args[1])).build();
        ScenarioReader reader = new ScenarioReader(advisor.vocabulary(), Path.of(args[2]));
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int scenarios = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
        Scenario baseline = reader.byName("june-2024-summit").scenario();
        List<Fact> others = otherFacts(reader, baseline);
        System.out.printf(Locale.ROOT, "# cores=%d threads=%d rounds=%d load=%s%n",
                Runtime.getRuntime().availableProcessors(), threads, rounds, load());
        if (what.equals("sweep") || what.equals("all")) {
            List<Fact> uncertain = new ArrayList<>(baseline.facts());
            uncertain.addAll(others.subList(0, 16 - uncertain.size()));
            sweep(advisor, baseline, uncertain, threads, rounds);
            memory(advisor, baseline, uncertain);
        }
        if (what.equals("batch") || what.equals("all")) {
            batch(advisor, generated(baseline, others, scenarios), threads, rounds);
        }
        System.out.printf(Locale.ROOT, "# load=%s%n", load());
    }

    private static void sweep(Advisor advisor, Scenario baseline, List<Fact> uncertain, int threads, int rounds) {
        Sweep sweep = Sweep.of(advisor, baseline, uncertain);
        System.out.println("# sweep: " + uncertain.size() + " uncertain facts, " + sweep.combinations()
                + " combinations; warm-up");
        sweep.threads(threads).shard(0, 8);
        sweep.threads(1).shard(1, 8);
        double[] best = new double[2];
        for (int round = 0; round < rounds; round++) {
            for (int t : new int[] {1, threads}) {
                long start = System.nanoTime();
                long cpu = cpuNanos();
                SweepResult r = sweep.threads(t).run();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu) / 1e9;
                double rate = r.evaluated() / seconds;
                best[t == 1 ? 0 : 1] = Math.max(best[t == 1 ? 0 : 1], rate);
                System.out.printf(Locale.ROOT, "sweep threads=%d combinations=%d seconds=%.2f rate=%.0f/s "
                                + "cpuSeconds=%.2f coresUsed=%.2f cpuMicrosPerCombination=%.0f consequences=%d "
                                + "robust=%d failed=%d load=%s%n", t, r.evaluated(), seconds, rate, cpuSeconds,
                        cpuSeconds / seconds, cpuSeconds * 1e6 / r.evaluated(), r.consequences().size(),
                        r.robust().size(), r.failed(), load());
            }
        }
        summary("sweep", threads, best);
    }

    /** Heap after a full collection while holding a sweep's result: the same whatever the number of combinations. */
    private static void memory(Advisor advisor, Scenario baseline, List<Fact> uncertain) {
        for (int k = 10; k <= 16; k += 2) {
            SweepResult r = Sweep.of(advisor, baseline, uncertain.subList(0, k)).threads(1).run();
            long masks = r.consequences().stream().mapToLong(h -> h.holdsWith().size() + h.largest().size()).sum();
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "sweep-memory k=%d combinations=%d consequences=%d masksHeld=%d "
                    + "heapAfterGcMB=%.1f%n", k, r.combinations(), r.consequences().size(), masks, used / 1e6);
            java.lang.ref.Reference.reachabilityFence(r);
        }
    }

    private static void batch(Advisor advisor, List<Scenario> scenarios, int threads, int rounds) {
        System.out.println("# batch: " + scenarios.size() + " generated scenarios; warm-up");
        AssessmentJson json = new AssessmentJson(false);
        run(advisor, scenarios.subList(0, Math.min(2000, scenarios.size())), threads, json);
        run(advisor, scenarios.subList(0, Math.min(2000, scenarios.size())), 1, json);
        double[] best = new double[2];
        for (int round = 0; round < rounds; round++) {
            for (int t : new int[] {1, threads}) {
                long start = System.nanoTime();
                long cpu = cpuNanos();
                long bytes = run(advisor, scenarios, t, json);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu) / 1e9;
                double rate = scenarios.size() / seconds;
                best[t == 1 ? 0 : 1] = Math.max(best[t == 1 ? 0 : 1], rate);
                System.out.printf(Locale.ROOT, "batch threads=%d scenarios=%d seconds=%.2f rate=%.0f/s "
                                + "cpuSeconds=%.2f coresUsed=%.2f cpuMicrosPerScenario=%.0f jsonMB=%.1f load=%s%n",
                        t, scenarios.size(), seconds, rate, cpuSeconds, cpuSeconds / seconds,
                        cpuSeconds * 1e6 / scenarios.size(), bytes / 1e6, load());
            }
        }
        summary("batch", threads, best);
    }

    /** Answers and renders every scenario as the CLI does (one compact JSON line each); returns the bytes. */
    private static long run(Advisor advisor, List<Scenario> scenarios, int threads, AssessmentJson json) {
        AtomicLong bytes = new AtomicLong();
        new BatchWhatIf(advisor).threads(threads).run(scenarios.stream().map(BatchWhatIf.Input::of).iterator(),
                scenarios.size(), a -> {
                    if (a.failed()) {
                        throw a.error();
                    }
                    return json.assessment(Map.of("scenario", a.name()), a.assessment(), true).length;
                }, n -> bytes.addAndGet(n));
        return bytes.get();
    }

    private static void summary(String name, int threads, double[] best) {
        double ratio = best[1] / best[0];
        System.out.printf(Locale.ROOT, "%s best rates: 1 thread %.0f/s, %d threads %.0f/s; ratio %.2f "
                + "(%.2f of %d x the single-thread rate)%n", name, best[0], threads, best[1], ratio, ratio / threads,
                threads);
    }

    /** The facts of the other scenario files, not in the baseline, in file order, without repeats. */
    private static List<Fact> otherFacts(ScenarioReader reader, Scenario baseline) {
        Set<Fact> facts = new LinkedHashSet<>();
        for (String name : reader.names()) {
            facts.addAll(reader.byName(name).scenario().facts());
        }
        baseline.facts().forEach(facts::remove);
        return List.copyOf(facts);
    }

    private static List<Scenario> generated(Scenario baseline, List<Fact> others, int count) {
        Random random = new Random(20_240_619);
        List<Scenario> out = new ArrayList<>(count);
        while (out.size() < count) {
            List<Fact> facts = new ArrayList<>();
            baseline.facts().stream().filter(f -> random.nextDouble() < 0.8).forEach(facts::add);
            others.stream().filter(f -> random.nextDouble() < 0.15).forEach(facts::add);
            out.add(new Scenario("generated-" + out.size(), "", facts));
        }
        return out;
    }

    /** CPU time of the whole process (every thread, the collector's included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(Path.of("/proc/loadavg")), StandardCharsets.US_ASCII)
                    .split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
