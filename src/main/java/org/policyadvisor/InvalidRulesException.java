package org.policyadvisor;

import java.util.List;

/** The rule base does not compile or its rules lack required metadata; every problem is listed. */
public final class InvalidRulesException extends AdvisorException {

    public static final String CODE = "invalid_rules";

    public InvalidRulesException(List<Problem> problems) {
        super(CODE, "invalid rules", problems);
    }
}
