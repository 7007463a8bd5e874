package org.policyadvisor.check;

import java.util.List;
import java.util.Objects;

/** A conclusion as written: {@code insertLogical(new Type(arg, ...))}, its arguments in the type's field order. */
public record Insert(String type, List<Term> args, int line, int col) {

    public Insert {
        Objects.requireNonNull(type, "type must not be null");
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        return "new " + type + "(" + String.join(", ", args.stream().map(Term::toString).toList()) + ")";
    }
}
