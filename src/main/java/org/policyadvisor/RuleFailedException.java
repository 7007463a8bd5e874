package org.policyadvisor;

import java.util.List;

/**
 * A rule's action failed while an evaluation ran (for example a division by zero in its Java code). The problem
 * names the rule and where it is written, with the error's message; the cause is the engine's exception. The
 * evaluation's results are dropped and its session is reset. The rules are at fault rather than the facts, though
 * these facts led to it.
 */
public final class RuleFailedException extends AdvisorException {

    public RuleFailedException(String message, List<Problem> problems) {
        super(ErrorCode.RULE_FAILED, message, problems);
    }
}
