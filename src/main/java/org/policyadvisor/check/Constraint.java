package org.policyadvisor.check;

import java.util.List;
import java.util.Objects;

/**
 * One constraint of a written condition, on one field: {@code field == "RUS"}, {@code field != "RUS"},
 * {@code field in ("a", "b")}, {@code field == $a} or the binding {@code $a : field}.
 *
 * @param terms the right-hand side: one term, several for {@code in}, the variable for a binding
 */
public record Constraint(String field, Operator operator, List<Term> terms, int line, int col) {

    /** What a constraint may say of its field; nothing else is part of the claim language. */
    public enum Operator {
        EQUALS("=="), NOT_EQUALS("!="), IN("in"), BINDS(":");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Constraint {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(operator, "operator must not be null");
        terms = List.copyOf(terms);
    }

    public Term term() {
        return terms.get(0);
    }

    @Override
    public String toString() {
        return switch (operator) {
            case BINDS -> term() + " : " + field;
            case IN -> field + " in (" + String.join(", ", terms.stream().map(Term::toString).toList()) + ")";
            default -> field + " " + operator.symbol() + " " + term();
        };
    }
}
