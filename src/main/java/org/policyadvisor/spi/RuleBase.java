package org.policyadvisor.spi;

import java.time.Instant;
import java.util.List;

import org.policyadvisor.Assessment;
import org.policyadvisor.Fact;
import org.policyadvisor.Limits;
import org.policyadvisor.Rule;
import org.policyadvisor.Vocabulary;

/**
 * A compiled rule base, as an engine provides it. Implementations are immutable and thread-safe:
 * each {@link #evaluate} runs in its own short-lived session.
 */
public interface RuleBase {

    /** A content hash of the rule files this rule base was compiled from. */
    String revision();

    Instant loadedAt();

    /** The rules, ordered by id. */
    List<Rule> rules();

    Vocabulary vocabulary();

    /** Evaluates facts already checked against {@link #vocabulary()}. */
    Assessment evaluate(String description, List<Fact> facts, Limits limits);
}
