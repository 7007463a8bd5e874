package org.policyadvisor;

import java.util.List;
import java.util.Objects;

/**
 * A field of a fact type: its kind, whether it holds an actor code, and the closed set of values
 * it allows (empty when any value of its kind is allowed).
 */
public record FieldSpec(String name, FieldKind kind, boolean actor, List<String> values, String doc) {

    public FieldSpec {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        values = List.copyOf(values);
        doc = doc == null ? "" : doc;
    }
}
