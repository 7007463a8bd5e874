package org.policyadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A fact type and some of its fields: matches every fact of that type with those field values. The consequences
 * a scenario file expects and the consequence a why-not question asks about are patterns.
 */
public record FactPattern(String type, SortedMap<String, Object> fields) {

    public FactPattern {
        TreeMap<String, Object> copy = new TreeMap<>();
        copy.putAll(fields);
        fields = Collections.unmodifiableSortedMap(copy);
    }

    public static FactPattern of(String type, Map<String, ?> fields) {
        TreeMap<String, Object> copy = new TreeMap<>();
        copy.putAll(fields);
        return new FactPattern(type, copy);
    }

    public boolean matches(Fact fact) {
        return fact.matches(type, fields);
    }

    @Override
    public String toString() {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", type + "(", ")"));
    }
}
