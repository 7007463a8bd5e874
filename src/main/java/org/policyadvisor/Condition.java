package org.policyadvisor;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One condition of a rule: the fact type it matches, whether it requires the fact to be absent ({@code not ...}),
 * the fields it fixes to literal values ({@code supplier == "RUS"}), the fields it ties to a variable
 * ({@code $t : technology} or {@code victim == $a}), by field name, and the other restrictions it puts on fields
 * ({@code category in ("a", "b")}, {@code actor != "RUS"}, {@code actor != $a}). {@code text} is how the analyst
 * wrote it.
 */
public record Condition(String type, SortedMap<String, Object> fields, boolean absent, String text,
                        SortedMap<String, String> variables, List<Restriction> restrictions) {

    /**
     * A field's value is one of {@code values} ({@code in}), or, when {@code negated}, none of them and not the
     * value of {@code variable} ({@code !=}).
     */
    public record Restriction(String field, boolean negated, List<Object> values, String variable) {
        public Restriction {
            Objects.requireNonNull(field, "field must not be null");
            values = List.copyOf(values);
        }

        /** True when the value passes; a restriction by a variable is not judged here. */
        public boolean admits(Object value) {
            return variable != null || values.contains(value) != negated;
        }
    }

    public Condition {
        Objects.requireNonNull(type, "type must not be null");
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        text = text == null ? "" : text;
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables == null ? Map.of() : variables));
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    /** A condition that ties no field to a variable. */
    public Condition(String type, SortedMap<String, Object> fields, boolean absent, String text) {
        this(type, fields, absent, text, new TreeMap<>(), List.of());
    }

    /** A condition with literal fields and variables only. */
    public Condition(String type, SortedMap<String, Object> fields, boolean absent, String text,
                     SortedMap<String, String> variables) {
        this(type, fields, absent, text, variables, List.of());
    }

    /** True when the fact could satisfy this condition, judging by type and literal values only. */
    public boolean admits(Fact fact) {
        return fact.matches(type, fields)
                && restrictions.stream().allMatch(r -> r.admits(fact.fields().get(r.field())));
    }

    public static Condition of(String type, Map<String, ?> fields, boolean absent, String text) {
        return new Condition(type, new TreeMap<>(fields), absent, text);
    }
}
