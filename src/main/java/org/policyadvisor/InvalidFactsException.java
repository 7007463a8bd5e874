package org.policyadvisor;

import java.util.List;

/** The facts of a scenario do not fit the vocabulary, or the JSON is malformed; nothing was evaluated. */
public final class InvalidFactsException extends AdvisorException {

    public static final String CODE = "invalid_facts";

    public InvalidFactsException(List<Problem> problems) {
        super(CODE, "invalid facts", problems);
    }
}
