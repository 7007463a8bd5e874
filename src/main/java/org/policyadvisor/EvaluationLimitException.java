package org.policyadvisor;

import java.util.List;

/**
 * An evaluation exceeded its firing cap or its wall-clock limit. The problems name the rules
 * that fired most, with their counts, so a runaway chain can be found.
 */
public final class EvaluationLimitException extends AdvisorException {

    public EvaluationLimitException(String message, List<Problem> busiestRules) {
        super(ErrorCode.EVALUATION_LIMIT, message, busiestRules);
    }
}
