package org.policyadvisor.check;

import java.util.Objects;

/**
 * A value in a claim: a literal ({@code "RUS"}, {@code true}, {@code 3}) or a variable ({@code $a}).
 * Exactly one of {@code literal} and {@code variable} is set.
 */
public record Term(Object literal, String variable) {

    public Term {
        if ((literal == null) == (variable == null)) {
            throw new IllegalArgumentException("a term is either a literal or a variable");
        }
    }

    public static Term literal(Object value) {
        return new Term(Objects.requireNonNull(value, "value must not be null"), null);
    }

    public static Term variable(String name) {
        return new Term(null, Objects.requireNonNull(name, "name must not be null"));
    }

    public boolean isVariable() {
        return variable != null;
    }

    /** As written in a rule: {@code "RUS"}, {@code true}, {@code $a}. */
    @Override
    public String toString() {
        if (variable != null) {
            return variable;
        }
        return literal instanceof String s ? "\"" + s + "\"" : String.valueOf(literal);
    }
}
