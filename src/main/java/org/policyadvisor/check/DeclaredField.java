package org.policyadvisor.check;

import java.util.List;
import java.util.Objects;

/**
 * A field of a declared type, as written: {@code name : String @key @actor @values("a|b") @doc("...")}.
 *
 * @param javaType    the declared type as written ({@code String}, {@code boolean}, {@code int})
 * @param annotations the names of its annotations, as written
 * @param values      the values of {@code @values}, empty when it has none
 */
public record DeclaredField(String name, String javaType, List<String> annotations, List<String> values,
                            String doc, int line, int col) {

    public DeclaredField {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(javaType, "javaType must not be null");
        annotations = List.copyOf(annotations);
        values = List.copyOf(values);
        doc = doc == null ? "" : doc;
    }

    public boolean actor() {
        return annotations.contains("actor");
    }
}
