package org.policyadvisor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A fact type of the vocabulary, as declared in the rules. Every field is required. */
public record FactTypeSpec(String name, String doc, List<FieldSpec> fields) {

    public FactTypeSpec {
        Objects.requireNonNull(name, "name must not be null");
        doc = doc == null ? "" : doc;
        fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
