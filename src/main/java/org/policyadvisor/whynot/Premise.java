package org.policyadvisor.whynot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.policyadvisor.Condition;
import org.policyadvisor.FactPattern;
import org.policyadvisor.Node;

/**
 * One condition of a rule that could conclude the consequence, and how the scenario stands towards it.
 *
 * @param condition the condition as the rule writes it
 * @param pattern   its type and field values: those the condition fixes, and those its variables take from the
 *                  fact being followed back or from the facts matching the rule's other conditions
 * @param state     satisfied, missing or blocked
 * @param facts     for a satisfied condition, the given facts or consequences that match it; for a blocked
 *                  absence, the facts whose presence blocks it; otherwise empty
 * @param trace     for a missing condition, how it was followed back; {@link Trace#NONE} otherwise
 * @param rules     for a missing condition followed back, the rules that could conclude it
 */
public record Premise(Condition condition, FactPattern pattern, State state, List<Node> facts, Trace trace, List<Candidate> rules) {

    /** How the scenario stands towards a condition. */
    public enum State {
        /** A fact matches it, or, for an absence, no fact does. */
        SATISFIED,
        /** No given fact or consequence matches it. */
        MISSING,
        /** It requires an absence, and a matching fact is present. */
        BLOCKED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a missing condition was followed back. */
    public enum Trace {
        /** Not followed: the condition is satisfied or blocked. */
        NONE("none"),
        /** Followed back through the rules that could conclude it. */
        RULES("rules"),
        /** No rule concludes it: a user has to assert it. */
        NO_RULE("no-rule"),
        /** The only rules that conclude it lead back to something already being followed. */
        CYCLE("cycle"),
        /** Not followed further: the search bound was reached; assert it directly. */
        BOUND("bound");

        private final String word;

        Trace(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Premise {
        Objects.requireNonNull(condition, "condition must not be null");
        Objects.requireNonNull(pattern, "pattern must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(trace, "trace must not be null");
        facts = List.copyOf(facts);
        rules = List.copyOf(rules);
    }
}
