package org.policyadvisor.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * One variation of a scenario's answer that {@link Sensitivity} tries: withdraw a given, disable a claim, drop every
 * claim of a source, or state a claim one step firmer or weaker.
 *
 * @param kind   what is varied
 * @param target the given's id ({@code g3}), the rule id or the source id
 * @param label  what the target is, for people: the given's fact, the rule's name, the source id, or the hedges
 *               ({@code will -> stated})
 */
public record Step(Kind kind, String target, String label) {

    /** The kinds of variation, in the order a report lists them. */
    public enum Kind {
        WITHDRAW, DISABLE, DROP_SOURCE, FIRMER, WEAKER;

        /** The kind as JSON names it: {@code withdraw}, {@code disable}, {@code drop-source}, ... */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** True for the steps that take something away (a given, a claim, a source) rather than reword a claim. */
        public boolean removes() {
            return this == WITHDRAW || this == DISABLE || this == DROP_SOURCE;
        }
    }

    public Step {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(target, "target must not be null");
        label = label == null ? "" : label;
    }

    /** The step in a few words: {@code withdraw g2}, {@code disable rule-id}, {@code rule-id will -> stated}. */
    @Override
    public String toString() {
        return switch (kind) {
            case WITHDRAW -> "withdraw " + target;
            case DISABLE -> "disable " + target;
            case DROP_SOURCE -> "drop source " + target;
            case FIRMER, WEAKER -> target + " " + label;
        };
    }
}
