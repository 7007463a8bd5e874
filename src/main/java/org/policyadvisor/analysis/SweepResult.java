package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.policyadvisor.Fact;

/**
 * The result of a sweep, or of some slices of one: the scenario's facts that stay ({@code given}), the uncertain
 * facts ({@code uncertain}, fact {@code j} being bit {@code j} of a combination), how many combinations there are
 * ({@code 2^k}), which were evaluated ({@code slices}, as half-open ranges of combinations), how each consequence
 * fared, most often holding first, and the evaluations that failed (exceeded a limit, or a rule failed), with the
 * first of them.
 */
public record SweepResult(String revision, String description, List<Fact> given, List<Fact> uncertain,
                          long combinations, List<Slice> slices, List<Holding> consequences,
                          long failed, Failure firstFailure) {

    /** The combinations {@code from} (inclusive) to {@code to} (exclusive). */
    public record Slice(long from, long to) {
        public Slice {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("bad slice " + from + ".." + to);
            }
        }

        public long size() {
            return to - from;
        }
    }

    /** An evaluation that failed: its combination and why. */
    public record Failure(int combination, String message) {
    }

    /** Most often holding first, then by fact. */
    static final Comparator<Holding> ORDER = Comparator.comparingLong(Holding::holds).reversed()
            .thenComparing(Holding::fact);

    public SweepResult {
        Objects.requireNonNull(revision, "revision must not be null");
        description = description == null ? "" : description;
        given = List.copyOf(given);
        uncertain = List.copyOf(uncertain);
        slices = coalesced(slices);
        consequences = consequences.stream().sorted(ORDER).toList();
    }

    /** The number of combinations evaluated (including those that failed). */
    public long evaluated() {
        return slices.stream().mapToLong(Slice::size).sum();
    }

    /** True when every combination was evaluated. */
    public boolean complete() {
        return evaluated() == combinations;
    }

    /** The consequences that hold in every combination: robust to the uncertain facts. */
    public List<Holding> robust() {
        return consequences.stream().filter(h -> h.holds() == combinations).toList();
    }

    /** The uncertain facts of a combination, in order. */
    public List<Fact> facts(int mask) {
        return Masks.indices(mask).stream().map(uncertain::get).toList();
    }

    /**
     * The result over the slices of all: the same scenario, rules and uncertain facts, disjoint slices.
     *
     * @throws IllegalArgumentException when they are not parts of one sweep, or two cover the same combination
     */
    public static SweepResult merge(List<SweepResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        SweepResult first = parts.get(0);
        List<Slice> slices = new ArrayList<>();
        Map<Fact, Holding> holdings = new LinkedHashMap<>();
        long failed = 0;
        Failure firstFailure = null;
        for (SweepResult part : parts) {
            if (!part.revision.equals(first.revision) || !part.given.equals(first.given)
                    || !part.uncertain.equals(first.uncertain) || part.combinations != first.combinations) {
                throw new IllegalArgumentException("not parts of one sweep: the rules revision, the scenario's facts"
                        + " or the uncertain facts differ");
            }
            slices.addAll(part.slices);
            part.consequences.forEach(h -> holdings.merge(h.fact(), h, Holding::merge));
            failed += part.failed;
            firstFailure = earlier(firstFailure, part.firstFailure);
        }
        List<Slice> all = slices.stream().sorted(Comparator.comparingLong(Slice::from)).toList();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).from() < all.get(i - 1).to()) {
                throw new IllegalArgumentException("the parts overlap: combinations " + all.get(i).from() + " to "
                        + (Math.min(all.get(i).to(), all.get(i - 1).to()) - 1) + " are in two of them");
            }
        }
        return new SweepResult(first.revision, first.description, first.given, first.uncertain, first.combinations,
                all, List.copyOf(holdings.values()), failed, firstFailure);
    }

    static Failure earlier(Failure a, Failure b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.combination() < a.combination() ? b : a;
    }

    /** Sorted, with touching slices joined: the same combinations give the same list however they were cut. */
    private static List<Slice> coalesced(List<Slice> slices) {
        List<Slice> sorted = slices.stream().filter(s -> s.size() > 0)
                .sorted(Comparator.comparingLong(Slice::from)).toList();
        List<Slice> out = new ArrayList<>();
        for (Slice s : sorted) {
            Slice last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.from() <= last.to()) {
                out.set(out.size() - 1, new Slice(last.from(), Math.max(last.to(), s.to())));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
