package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.policyadvisor.Advisor;
import org.policyadvisor.AdvisorException;
import org.policyadvisor.Consequence;
import org.policyadvisor.Fact;
import org.policyadvisor.Scenario;

/**
 * An assumption matrix: a scenario evaluated with every combination of some uncertain facts (2^k of them,
 * k &le; {@value #MAX_UNCERTAIN}). Combination {@code m} asserts the scenario's other facts and uncertain fact
 * {@code j} when bit {@code j} of {@code m} is set; an uncertain fact that the scenario states too is uncertain all
 * the same. Results are aggregated as combinations are evaluated, per consequence (see {@link Holding}), never kept
 * per combination; the work is spread over threads, and {@link #shard} evaluates one of n disjoint slices so that
 * a sweep can run as n jobs whose results {@link SweepResult#merge} combines into the whole one.
 *
 * <p>Immutable: {@link #threads} and {@link #progress} return changed copies.
 */
public final class Sweep {

    /** The most uncertain facts a sweep takes: about a million combinations. */
    public static final int MAX_UNCERTAIN = 20;
    /** Combinations a thread takes at a time. */
    private static final int MAX_CHUNK = 256;

    private final Advisor advisor;
    private final Scenario scenario;
    private final List<Fact> given;
    private final List<Fact> uncertain;
    private final int threads;
    private final Progress progress;

    private Sweep(Advisor advisor, Scenario scenario, List<Fact> given, List<Fact> uncertain, int threads,
                  Progress progress) {
        this.advisor = advisor;
        this.scenario = scenario;
        this.given = given;
        this.uncertain = uncertain;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * A sweep of the scenario over the uncertain facts, on every core.
     *
     * @throws org.policyadvisor.InvalidFactsException when an uncertain fact does not fit the vocabulary
     * @throws IllegalArgumentException when there are more than {@value #MAX_UNCERTAIN} or one is listed twice
     */
    public static Sweep of(Advisor advisor, Scenario scenario, List<Fact> uncertain) {
        Objects.requireNonNull(advisor, "advisor must not be null");
        Objects.requireNonNull(scenario, "scenario must not be null");
        if (uncertain.size() > MAX_UNCERTAIN) {
            throw new IllegalArgumentException("at most " + MAX_UNCERTAIN + " uncertain facts (2^" + MAX_UNCERTAIN
                    + " combinations), got " + uncertain.size());
        }
        List<Fact> varied = advisor.vocabulary().check(uncertain, "vary").stream()
                .map(advisor.vocabulary()::canonical).toList();
        Set<Fact> seen = new HashSet<>();
        for (Fact f : varied) {
            if (!seen.add(f)) {
                throw new IllegalArgumentException("uncertain fact listed twice: " + f);
            }
        }
        List<Fact> stay = advisor.vocabulary().check(scenario.facts(), "facts").stream()
                .map(advisor.vocabulary()::canonical).filter(f -> !seen.contains(f)).distinct().toList();
        return new Sweep(advisor, scenario, stay, varied, Parallel.cores(), Progress.NONE);
    }

    public Sweep threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        return new Sweep(advisor, scenario, given, uncertain, count, progress);
    }

    /** Told the number of combinations evaluated so far and of the slice (see {@link Progress}). */
    public Sweep progress(Progress listener) {
        return new Sweep(advisor, scenario, given, uncertain, threads, Objects.requireNonNull(listener));
    }

    public long combinations() {
        return 1L << uncertain.size();
    }

    public List<Fact> uncertain() {
        return uncertain;
    }

    /** Every combination. */
    public SweepResult run() {
        return shard(0, 1);
    }

    /**
     * Slice {@code index} of {@code count} (from 0): combinations {@code 2^k * index / count} up to
     * {@code 2^k * (index + 1) / count}. The slices of one count are disjoint and cover every combination.
     */
    public SweepResult shard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": expected 0 <= index < count");
        }
        long total = combinations();
        long from = total * index / count;
        long to = total * (index + 1) / count;
        List<Partial> partials = evaluate(from, to);
        Map<Fact, Holding> holdings = new HashMap<>();
        long failed = 0;
        SweepResult.Failure first = null;
        for (Partial p : partials) {
            for (Holding.Tally t : p.tallies.values()) {
                Holding h = t.holding();
                holdings.merge(h.fact(), h, Holding::merge);
            }
            failed += p.failed;
            first = SweepResult.earlier(first, p.first);
        }
        return new SweepResult(advisor.revision(), scenario.description(), given, uncertain, total,
                List.of(new SweepResult.Slice(from, to)), List.copyOf(holdings.values()), failed, first);
    }

    private List<Partial> evaluate(long from, long to) {
        long size = to - from;
        int workers = (int) Math.max(1, Math.min(threads, size));
        long chunk = Math.max(1, Math.min(MAX_CHUNK, size / (workers * 8L)));
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong();
        List<Partial> partials = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            partials.add(new Partial());
        }
        if (workers == 1) {
            partials.get(0).work(next, to, chunk, done, size);
            return partials;
        }
        ExecutorService pool = Parallel.pool(workers, "sweep");
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Partial p : partials) {
                running.add(pool.submit(() -> p.work(next, to, chunk, done, size)));
            }
            running.forEach(Parallel::await);
        } finally {
            pool.shutdownNow();
        }
        return partials;
    }

    /** What one thread has aggregated. */
    private final class Partial {
        private final Map<Fact, Holding.Tally> tallies = new HashMap<>();
        private long failed;
        private SweepResult.Failure first;

        void work(AtomicLong next, long to, long chunk, AtomicLong done, long size) {
            List<Fact> facts = new ArrayList<>(given.size() + uncertain.size());
            for (long start = next.getAndAdd(chunk); start < to; start = next.getAndAdd(chunk)) {
                long end = Math.min(start + chunk, to);
                for (long m = start; m < end; m++) {
                    evaluate((int) m, facts);
                }
                progress.update(done.addAndGet(end - start), size);
            }
        }

        private void evaluate(int mask, List<Fact> facts) {
            facts.clear();
            facts.addAll(given);
            for (int bits = mask; bits != 0; bits &= bits - 1) {
                facts.add(uncertain.get(Integer.numberOfTrailingZeros(bits)));
            }
            try {
                for (Consequence c : advisor.assess(new Scenario(scenario.name(), scenario.description(), facts))
                        .consequences()) {
                    tallies.computeIfAbsent(c.fact(), Holding.Tally::new).add(mask, c.likelihood());
                }
            } catch (AdvisorException e) {
                failed++;
                first = SweepResult.earlier(first, new SweepResult.Failure(mask, e.oneLine()));
            }
        }
    }
}
