package org.policyadvisor.check;

import java.util.List;
import java.util.Objects;

/**
 * A fact type as declared in the rule text ({@code declare ... end}).
 *
 * @param name     the simple type name
 * @param fields   its field names, in declaration order (the order of constructor arguments)
 * @param opposite the type named by {@code @opposite("...")}, or {@code ""}
 * @param file     the rule file that declares it
 * @param line     the line of the declaration
 */
public record DeclaredType(String name, List<String> fields, String opposite, String file, int line) {

    public DeclaredType {
        Objects.requireNonNull(name, "name must not be null");
        fields = List.copyOf(fields);
        opposite = opposite == null ? "" : opposite;
        Objects.requireNonNull(file, "file must not be null");
    }
}
