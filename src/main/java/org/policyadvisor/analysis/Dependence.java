package org.policyadvisor.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.policyadvisor.Consequence;

/**
 * What one consequence of an answer hangs on: the steps without which it disappears ({@code hangsOn}: givens
 * withdrawn, claims disabled, sources dropped), every step that moves it ({@code effects}), and its {@code flags}.
 */
public record Dependence(Consequence consequence, List<Step> hangsOn, List<Effect> effects, Set<Flag> flags) {

    /**
     * Single points of failure: withdrawing one given ({@code SINGLE_GIVEN}), disabling one claim
     * ({@code SINGLE_CLAIM}) or dropping the claims of one source ({@code SINGLE_SOURCE}) removes the consequence.
     * A consequence without {@code SINGLE_CLAIM} survives the loss of any one claim: other claims corroborate it.
     */
    public enum Flag {
        SINGLE_GIVEN, SINGLE_CLAIM, SINGLE_SOURCE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What one step does to the consequence: its likelihood after the step, or {@code removed}. */
    public record Effect(Step step, double before, double after, boolean removed) {
        public Effect {
            Objects.requireNonNull(step, "step must not be null");
        }
    }

    public Dependence {
        Objects.requireNonNull(consequence, "consequence must not be null");
        hangsOn = List.copyOf(hangsOn);
        effects = List.copyOf(effects);
        flags = Set.copyOf(flags);
    }

    /** The steps of one kind the consequence hangs on, in the order of the report. */
    public List<Step> hangsOn(Step.Kind kind) {
        return hangsOn.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The flags in their declared order. */
    public List<Flag> flagList() {
        return java.util.Arrays.stream(Flag.values()).filter(flags::contains).toList();
    }
}
