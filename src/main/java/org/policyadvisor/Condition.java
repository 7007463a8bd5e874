package org.policyadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One condition of a rule, as written: the fact type it matches, the fields it fixes to literal values
 * ({@code supplier == "RUS"}), whether it requires the fact to be absent ({@code not ...}), and the fields
 * it ties to a variable ({@code $t : technology} or {@code victim == $a}), by field name.
 * Other constraints are kept in {@code text} only.
 */
public record Condition(String type, SortedMap<String, Object> fields, boolean absent, String text,
                        SortedMap<String, String> variables) {

    public Condition {
        Objects.requireNonNull(type, "type must not be null");
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        text = text == null ? "" : text;
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables == null ? Map.of() : variables));
    }

    /** A condition that ties no field to a variable. */
    public Condition(String type, SortedMap<String, Object> fields, boolean absent, String text) {
        this(type, fields, absent, text, new TreeMap<>());
    }

    /** True when the fact could satisfy this condition, judging by type and literal fields only. */
    public boolean admits(Fact fact) {
        return fact.matches(type, fields);
    }

    public static Condition of(String type, Map<String, ?> fields, boolean absent, String text) {
        return new Condition(type, new TreeMap<>(fields), absent, text);
    }
}
