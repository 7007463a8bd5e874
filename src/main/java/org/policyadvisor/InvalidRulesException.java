package org.policyadvisor;

import java.util.List;

/** The rule base does not compile or its rules lack required metadata; every problem is listed. */
public final class InvalidRulesException extends AdvisorException {

    public InvalidRulesException(List<Problem> problems) {
        super(ErrorCode.INVALID_RULES, "invalid rules", problems);
    }
}
