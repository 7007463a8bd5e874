package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * A failure the caller can act on: a stable {@link #code()} for programs, a one-line message
 * for people, and the individual problems with their locations.
 */
public class AdvisorException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem> problems;

    public AdvisorException(ErrorCode code, String message, List<Problem> problems) {
        super(message);
        this.code = Objects.requireNonNull(code, "code must not be null");
        this.problems = List.copyOf(problems);
    }

    public AdvisorException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    /** A stable, machine-readable code; its {@link ErrorCode#text() text} is e.g. {@code invalid_facts}. */
    public ErrorCode code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The message and the first problem on one line, for a terminal. */
    public String oneLine() {
        if (problems.isEmpty()) {
            return getMessage();
        }
        String first = getMessage() + ": " + problems.get(0);
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }
}
