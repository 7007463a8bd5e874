package org.policyadvisor.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact type as the vocabulary file declares it ({@code declare ... end}), not yet checked.
 *
 * @param fields    in declaration order (the order of a conclusion's arguments)
 * @param symmetric the two fields named by {@code @symmetric("a", "b")}, or empty
 * @param opposite  the type named by {@code @opposite("...")}, or {@code ""}
 */
public record DeclaredType(String name, String doc, List<DeclaredField> fields, List<String> symmetric,
                           String opposite, String file, int line) {

    public DeclaredType {
        Objects.requireNonNull(name, "name must not be null");
        doc = doc == null ? "" : doc;
        fields = List.copyOf(fields);
        symmetric = List.copyOf(symmetric);
        opposite = opposite == null ? "" : opposite;
        Objects.requireNonNull(file, "file must not be null");
    }

    public Optional<DeclaredField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
