package org.policyadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A structured fact of the vocabulary: a type name and its field values.
 * Field values are {@link String}, {@link Boolean} or {@link Integer}; fields are kept in name order,
 * so that two equal facts print and serialise identically.
 */
public record Fact(String type, SortedMap<String, Object> fields) implements Comparable<Fact> {

    public Fact {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(fields, "fields must not be null");
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    public static Fact of(String type, Map<String, ?> fields) {
        return new Fact(type, new TreeMap<>(fields));
    }

    /** The value of a field, or null when the fact has no such field. */
    public Object get(String field) {
        return fields.get(field);
    }

    /** True when this fact has the given type and every listed field has the given value. */
    public boolean matches(String type, Map<String, ?> someFields) {
        if (!this.type.equals(type)) {
            return false;
        }
        for (Map.Entry<String, ?> e : someFields.entrySet()) {
            if (!Objects.equals(fields.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Fact other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", type + "(", ")"));
    }
}
