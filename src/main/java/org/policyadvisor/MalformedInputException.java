package org.policyadvisor;

import java.util.List;

/** The input is not well-formed JSON (or not the expected JSON shape); nothing was evaluated. */
public final class MalformedInputException extends AdvisorException {

    public static final String CODE = "malformed_json";

    public MalformedInputException(Problem problem) {
        super(CODE, "malformed JSON", List.of(problem));
    }
}
