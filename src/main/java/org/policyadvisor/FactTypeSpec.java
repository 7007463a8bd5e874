package org.policyadvisor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact type of the vocabulary, as declared in the rules. Every field is required; {@code fields} are in declaration
 * order, the order of a conclusion's arguments.
 *
 * @param symmetric two fields whose values may be swapped without changing the fact ({@code @symmetric("a|b")}),
 *                  or empty: a fact written either way is one fact and matches the same rules
 * @param opposite  the type that concludes the opposite ({@code @opposite("Other")}), or {@code ""}
 */
public record FactTypeSpec(String name, String doc, List<FieldSpec> fields, List<String> symmetric, String opposite) {

    public FactTypeSpec {
        Objects.requireNonNull(name, "name must not be null");
        doc = doc == null ? "" : doc;
        fields = List.copyOf(fields);
        symmetric = symmetric == null ? List.of() : List.copyOf(symmetric);
        opposite = opposite == null ? "" : opposite;
    }

    public FactTypeSpec(String name, String doc, List<FieldSpec> fields) {
        this(name, doc, fields, List.of(), "");
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public boolean isSymmetric() {
        return symmetric.size() == 2;
    }
}
