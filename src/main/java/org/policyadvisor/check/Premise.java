package org.policyadvisor.check;

import java.util.List;
import java.util.Objects;

/**
 * A condition as written: a fact type with constraints on its fields, present or required absent ({@code not}).
 *
 * @param text as the analyst wrote it (the sentence, for a DSL rule), for explanations
 */
public record Premise(String type, boolean absent, List<Constraint> constraints, String text, int line, int col) {

    public Premise {
        Objects.requireNonNull(type, "type must not be null");
        constraints = List.copyOf(constraints);
        text = text == null ? "" : text;
    }
}
