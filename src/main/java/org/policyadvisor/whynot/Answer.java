package org.policyadvisor.whynot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.policyadvisor.FactPattern;
import org.policyadvisor.Node;

/**
 * The answer to "why does this not follow?".
 *
 * <p>When the consequence follows after all (or is given), {@code matches} holds the matching consequences
 * or given facts and nothing else is filled in. Otherwise {@code rules} holds every rule that could conclude
 * it, with each condition satisfied, missing or blocked, missing ones followed back through the rules that
 * could conclude them down to facts no rule concludes; and {@code options} holds the alternative sets of
 * facts to assert (and blocking facts to withdraw), smallest first.
 *
 * @param revision    the rule-base revision used
 * @param description the scenario's description
 * @param target      the consequence asked about: a type and some field values
 * @param status      given, follows or does not follow
 * @param matches     the given facts and consequences matching the target
 * @param rules       the rules that could conclude it, ordered by id
 * @param options     the ways to make it follow, smallest first, at most {@link Bounds#sets()}
 * @param bounds      the bounds the search ran with
 * @param truncated   true when a bound cut the search, so that other or smaller options may exist
 */
public record Answer(String revision, String description, FactPattern target, Status status, List<Node> matches,
                     List<Candidate> rules, List<Option> options, Bounds bounds, boolean truncated) {

    /** Whether the consequence asked about holds in the scenario. */
    public enum Status {
        /** The scenario asserts it. */
        GIVEN,
        /** It follows from the scenario. */
        FOLLOWS,
        /** It does not follow. */
        DOES_NOT_FOLLOW;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Answer {
        Objects.requireNonNull(revision, "revision must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(bounds, "bounds must not be null");
        description = description == null ? "" : description;
        matches = List.copyOf(matches);
        rules = List.copyOf(rules);
        options = List.copyOf(options);
    }

    /** True when the consequence is given or follows. */
    public boolean holds() {
        return status != Status.DOES_NOT_FOLLOW;
    }
}
