package org.policyadvisor;

import java.util.List;

/** The facts of a scenario do not fit the vocabulary, or the JSON is malformed; nothing was evaluated. */
public final class InvalidFactsException extends AdvisorException {

    public InvalidFactsException(List<Problem> problems) {
        super(ErrorCode.INVALID_FACTS, "invalid facts", problems);
    }
}
