package org.policyadvisor.analysis;

import java.util.Comparator;
import java.util.Objects;

/**
 * How much of an answer rests on one given, claim or source: how many consequences disappear without it
 * ({@code removes}), how many become less likely ({@code weakens}), and the likelihood lost over all of them
 * ({@code lost}: a removed consequence loses all of its likelihood).
 */
public record Rank(Step step, int removes, int weakens, double lost) {

    /** Most removed first, then most likelihood lost, then most weakened; ties keep the order of the steps. */
    public static final Comparator<Rank> MOST_FIRST = Comparator.comparingInt(Rank::removes).reversed()
            .thenComparing(Comparator.comparingDouble(Rank::lost).reversed())
            .thenComparing(Comparator.comparingInt(Rank::weakens).reversed());

    public Rank {
        Objects.requireNonNull(step, "step must not be null");
    }

    static Rank of(Trial trial) {
        return new Rank(trial.step(), trial.removed().size(), trial.weakens(), trial.lost());
    }
}
