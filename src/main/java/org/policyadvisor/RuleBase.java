package org.policyadvisor;

import java.time.Instant;
import java.util.List;

/**
 * A rule base as an engine provides it ({@link RuleCompiler}). Implementations are immutable and thread-safe:
 * each {@link #evaluate} runs in its own short-lived session.
 */
public interface RuleBase {

    /** A content hash of the rule files this rule base was built from. */
    String revision();

    Instant loadedAt();

    /** The rules, ordered by id. */
    List<Rule> rules();

    Vocabulary vocabulary();

    /** The sources the rules cite, ordered by id. */
    List<Source> sources();

    /** Evaluates facts already checked against {@link #vocabulary()} and in canonical form. */
    Assessment evaluate(String description, List<Fact> facts, Limits limits, RuleSelection selection);
}
