package org.policyadvisor.analysis;

import java.util.List;
import java.util.Objects;

import org.policyadvisor.Change;
import org.policyadvisor.Consequence;

/**
 * What one {@link Step} does to an answer: the consequences that no longer follow ({@code removed}, as explained in
 * the original answer), those that follow only with the step ({@code added}, as explained then), and those whose
 * likelihood moves ({@code changed}).
 */
public record Trial(Step step, List<Consequence> removed, List<Consequence> added, List<Change> changed) {

    public Trial {
        Objects.requireNonNull(step, "step must not be null");
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
    }

    /** The likelihood the answer loses: all of each removed consequence's, and each fall of a changed one. */
    public double lost() {
        double lost = removed.stream().mapToDouble(Consequence::likelihood).sum();
        for (Change c : changed) {
            lost += Math.max(0, -c.delta());
        }
        return lost;
    }

    /** The number of consequences whose likelihood falls. */
    public int weakens() {
        return (int) changed.stream().filter(c -> c.delta() < 0).count();
    }
}
