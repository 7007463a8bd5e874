package org.policyadvisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Locale;

import org.policyadvisor.Advisor;
import org.policyadvisor.Assessment;
import org.policyadvisor.RuleSources;
import org.policyadvisor.Scenario;
import org.policyadvisor.engine.DroolsCompiler;
import org.policyadvisor.scenario.ScenarioReader;
import org.policyadvisor.spi.RuleBase;

/**
 * Heap retained by one compiled rule base, in a JVM of its own.
 *
 * <p>{@code HeapProbe DIR [SCENARIO.json]} or {@code HeapProbe --generated N}. The probe first compiles a small
 * synthetic rule set and drops it, so that Drools' classes and caches are loaded; then it measures used heap
 * after full collections before the build, while holding the rule base, and after letting it go (what stays
 * reachable from static state, such as the KIE repository). It also times one cold build and the first and
 * a warm assess. Prints one line of {@code key=value}.
 */
public final class HeapProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HeapProbe RULES_DIR [SCENARIO.json] | HeapProbe --generated N");
            System.exit(2);
        }
        String label;
        Path dir;
        Path scenarioFile = null;
        int generated = 0;
        if (args[0].equals("--generated")) {
            generated = Integer.parseInt(args[1]);
            dir = SyntheticRules.writeTemp(generated);
            label = "generated-" + generated;
        } else {
            dir = Path.of(args[0]);
            scenarioFile = args.length > 1 ? Path.of(args[1]) : null;
            label = dir.toString();
        }

        Reference.reachabilityFence(new DroolsCompiler().compile(RuleSources.fromDirectory(SyntheticRules.writeTemp(10))));
        long before = settledHeap();

        long start = System.nanoTime();
        RuleBase ruleBase = new DroolsCompiler().compile(RuleSources.fromDirectory(dir));
        long buildNanos = System.nanoTime() - start;
        long holding = settledHeap();

        Advisor advisor = Advisor.builder().ruleBase(ruleBase).build();
        Scenario scenario = scenarioFile != null
                ? new ScenarioReader(advisor.vocabulary(), scenarioFile.toAbsolutePath().getParent()).read(scenarioFile).scenario()
                : SyntheticRules.scenario(generated > 0 ? generated : 10, 10);
        start = System.nanoTime();
        Assessment first = advisor.assess(scenario);
        long firstAssessNanos = System.nanoTime() - start;
        for (int i = 0; i < 200; i++) {
            advisor.assess(scenario);
        }
        start = System.nanoTime();
        int warmRuns = 100;
        for (int i = 0; i < warmRuns; i++) {
            advisor.assess(scenario);
        }
        long warmAssessNanos = (System.nanoTime() - start) / warmRuns;
        long holdingAfterAssess = settledHeap();
        int rules = advisor.rules().size();
        Reference.reachabilityFence(advisor);
        Reference.reachabilityFence(ruleBase);

        advisor = null;
        ruleBase = null;
        long after = settledHeap();

        System.out.printf(Locale.ROOT,
                "rules_dir=%s rules=%d consequences=%d firings=%d build_ms=%.0f retained_mb=%.1f"
                        + " retained_after_assess_mb=%.1f residual_after_release_mb=%.1f first_assess_ms=%.1f"
                        + " warm_assess_us=%.0f max_heap_mb=%d%n",
                label, rules, first.consequences().size(), first.firings(), buildNanos / 1e6,
                mb(holding - before), mb(holdingAfterAssess - before), mb(after - before),
                firstAssessNanos / 1e6, warmAssessNanos / 1e3, MEMORY.getHeapMemoryUsage().getMax() >> 20);
    }

    /** Used heap after repeated full collections, once it stops shrinking. */
    private static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - now) < (256 << 10)) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
