package org.policyadvisor;

import java.util.List;

/** The input is not well-formed JSON (or not the expected JSON shape); nothing was evaluated. */
public final class MalformedInputException extends AdvisorException {

    public MalformedInputException(Problem problem) {
        super(ErrorCode.MALFORMED_JSON, "malformed JSON", List.of(problem));
    }
}
