package org.policyadvisor.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.policyadvisor.Fact;

/** A fact type and some of its fields: matches every fact of that type with those field values. */
public record Pattern(String type, SortedMap<String, Object> fields) {

    public Pattern {
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    public boolean matches(Fact fact) {
        return fact.matches(type, fields);
    }

    @Override
    public String toString() {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", type + "(", ")"));
    }

    static Pattern of(String type, Map<String, Object> fields) {
        return new Pattern(type, new TreeMap<>(fields));
    }
}
