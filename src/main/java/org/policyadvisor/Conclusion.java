package org.policyadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a rule concludes: a fact type, the fields its consequence sets to literal values, and the fields it
 * sets to a variable bound in the conditions ({@code new CapabilityGapClosed("PRK", $t)}), by field name.
 * Fields set from other expressions are left out.
 */
public record Conclusion(String type, SortedMap<String, Object> fields, SortedMap<String, String> variables) {

    public Conclusion {
        Objects.requireNonNull(type, "type must not be null");
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables == null ? Map.of() : variables));
    }

    /** A conclusion that sets no field from a variable. */
    public Conclusion(String type, SortedMap<String, Object> fields) {
        this(type, fields, new TreeMap<>());
    }

    /** True when this conclusion could produce the fact, judging by type and literal fields. */
    public boolean couldProduce(Fact fact) {
        if (!fact.type().equals(type)) {
            return false;
        }
        return fields.entrySet().stream().allMatch(e -> !fact.fields().containsKey(e.getKey())
                || Objects.equals(fact.fields().get(e.getKey()), e.getValue()));
    }

    @Override
    public String toString() {
        return new Fact(type, fields).toString();
    }
}
