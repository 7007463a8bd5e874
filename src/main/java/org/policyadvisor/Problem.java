package org.policyadvisor;

import java.util.Objects;

/**
 * One thing wrong with an input, and where: a JSON path such as {@code facts[3].supplier}
 * for facts, or {@code file:line:col} for rules.
 */
public record Problem(String where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
