package org.policyadvisor.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.policyadvisor.Fact;

/**
 * How one consequence fared over the combinations of a sweep: in how many it holds ({@code holds}), its likelihood
 * there (least, greatest, and the sum in thousandths, exact whatever the order of summing), the minimal sets of
 * uncertain facts with which it holds ({@code holdsWith}: it follows when exactly these are asserted, and with no
 * smaller set of them) and the maximal ones ({@code largest}: asserting any further uncertain fact loses it). Sets
 * are bit masks over the sweep's uncertain facts, in {@link Masks#ORDER}.
 */
public record Holding(Fact fact, long holds, double least, double greatest, long thousandths,
                      List<Integer> holdsWith, List<Integer> largest) {

    public Holding {
        Objects.requireNonNull(fact, "fact must not be null");
        holdsWith = Masks.sorted(holdsWith);
        largest = Masks.sorted(largest);
    }

    /** The mean likelihood over the combinations where it holds, to three decimals. */
    public double mean() {
        return holds == 0 ? 0 : Math.round((double) thousandths / holds) / 1000.0;
    }

    /**
     * The minimal sets of uncertain facts that block it: once all of a set are asserted, it holds in no combination,
     * whatever the other uncertain facts are. None when it holds with every uncertain fact asserted.
     */
    public List<Integer> blockedBy(int k) {
        return Masks.minimalOutside(largest, k);
    }

    /** The same consequence over the combinations of both. */
    Holding merge(Holding other) {
        List<Integer> minimal = new ArrayList<>(holdsWith);
        other.holdsWith.forEach(m -> Masks.addMinimal(minimal, m));
        List<Integer> maximal = new ArrayList<>(largest);
        other.largest.forEach(m -> Masks.addMaximal(maximal, m));
        return new Holding(fact, holds + other.holds, Math.min(least, other.least),
                Math.max(greatest, other.greatest), thousandths + other.thousandths, minimal, maximal);
    }

    /** Aggregates one consequence as combinations come, on one thread. */
    static final class Tally {
        private final Fact fact;
        private long holds;
        private double least = Double.MAX_VALUE;
        private double greatest = -Double.MAX_VALUE;
        private long thousandths;
        private final List<Integer> minimal = new ArrayList<>(4);
        private final List<Integer> maximal = new ArrayList<>(4);

        Tally(Fact fact) {
            this.fact = fact;
        }

        void add(int mask, double likelihood) {
            holds++;
            least = Math.min(least, likelihood);
            greatest = Math.max(greatest, likelihood);
            thousandths += Math.round(likelihood * 1000);
            Masks.addMinimal(minimal, mask);
            Masks.addMaximal(maximal, mask);
        }

        Holding holding() {
            return new Holding(fact, holds, least, greatest, thousandths, minimal, maximal);
        }
    }
}
