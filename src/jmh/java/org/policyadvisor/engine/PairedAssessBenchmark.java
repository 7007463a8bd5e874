package org.policyadvisor.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The assess/bare ratio measured in alternation, for machines shared with other work.
 *
 * <p>JMH runs {@code assess}, then {@code bareSession}; when other processes come and go between the two, the ratio
 * of their means moves with them. This harness runs short blocks of each operation in turn, in one JVM on one
 * KieBase, and takes each operation's ratio to the bare session within the same round, by wall-clock time and by
 * the thread's CPU time (which leaves out time spent waiting for a core, and also the garbage collector's own
 * threads). It reports medians with quartiles. The operations are those of {@link AssessBenchmark}:
 * {@code bare}, {@code barePooled}, {@code evaluation} and {@code assess}; each ratio is to {@code bare}, and the
 * last line gives {@code assess} against {@code barePooled}.
 *
 * <p>{@code PairedAssessBenchmark [RULES_DIR [SCENARIO.json [SECONDS [WARMUP_SECONDS]]]]}; defaults
 * {@code rules facts/june-2024-summit.json 40 20}. Prints {@code key=value} lines.
 */
public final class PairedAssessBenchmark {

    private static final long BLOCK_NANOS = 100_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Every result is written here, so that no operation can be optimised away. */
    private static volatile int sink;

    record Block(long ops, long wallNanos, long cpuNanos) {
        double wallPerOp() {
            return wallNanos / (double) ops;
        }

        double cpuPerOp() {
            return cpuNanos / (double) ops;
        }
    }

    private PairedAssessBenchmark() {
    }

    /** {@code [RULES_DIR [SCENARIO.json [SECONDS [WARMUP_SECONDS]]]]}, defaults as in the class comment. */
    record Args(Path rules, Path scenario, int seconds, int warmup) {
        static Args of(String[] args) {
            return new Args(Path.of(args.length > 0 ? args[0] : "rules"),
                    Path.of(args.length > 1 ? args[1] : "facts/june-2024-summit.json"),
                    args.length > 2 ? Integer.parseInt(args[2]) : 40, args.length > 3 ? Integer.parseInt(args[3]) : 20);
        }
    }

    public static void main(String[] arguments) {
        // The application's logging (warnings and errors), configured before anything logs.
        org.policyadvisor.cli.Logging.forApplication();
        Args args = Args.of(arguments);
        Path scenario = args.scenario();
        int seconds = args.seconds();
        int warmup = args.warmup();

        AssessBenchmark.Fixture fixture = AssessBenchmark.Fixture.of(args.rules(), scenario);
        System.out.println("# " + scenario + ": " + fixture.verify());
        Map<String, IntSupplier> ops = new LinkedHashMap<>();
        ops.put("bare", fixture::bare);
        ops.put("barePooled", fixture::barePooled);
        ops.put("evaluation", fixture::evaluation);
        ops.put("assess", () -> fixture.assess().firings());
        List<String> names = List.copyOf(ops.keySet());

        rounds(ops, warmup);
        List<Map<String, Block>> rounds = rounds(ops, seconds);

        System.out.println("rounds=" + rounds.size() + " block_ms=" + BLOCK_NANOS / 1_000_000 + " seconds=" + seconds
                + " warmup_seconds=" + warmup);
        for (String name : names) {
            print(name + "_wall_us", rounds.stream().mapToDouble(r -> r.get(name).wallPerOp() / 1e3).toArray());
            print(name + "_cpu_us", rounds.stream().mapToDouble(r -> r.get(name).cpuPerOp() / 1e3).toArray());
        }
        for (String name : names.subList(1, names.size())) {
            print("ratio_" + name + "_wall", rounds.stream()
                    .mapToDouble(r -> r.get(name).wallPerOp() / r.get("bare").wallPerOp()).toArray());
            print("ratio_" + name + "_cpu", rounds.stream()
                    .mapToDouble(r -> r.get(name).cpuPerOp() / r.get("bare").cpuPerOp()).toArray());
        }
        print("ratio_assess_to_barePooled_cpu", rounds.stream()
                .mapToDouble(r -> r.get("assess").cpuPerOp() / r.get("barePooled").cpuPerOp()).toArray());
    }

    /** Rounds of one block per operation, the order rotating from round to round, for {@code seconds}. */
    static List<Map<String, Block>> rounds(Map<String, IntSupplier> ops, int seconds) {
        List<String> names = new ArrayList<>(ops.keySet());
        List<Map<String, Block>> rounds = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Map<String, Block> round = new LinkedHashMap<>();
            for (String name : names) {
                round.put(name, block(ops.get(name)));
            }
            rounds.add(round);
            names.add(names.remove(0));
        }
        return rounds;
    }

    private static Block block(IntSupplier op) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long ops = 0;
        long now;
        do {
            sink = op.getAsInt();
            ops++;
            now = System.nanoTime();
        } while (now - t0 < BLOCK_NANOS);
        return new Block(ops, now - t0, THREADS.getCurrentThreadCpuTime() - cpu0);
    }

    static void print(String key, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-30s median=%.3f q1=%.3f q3=%.3f n=%d%n", key,
                quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.length);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
