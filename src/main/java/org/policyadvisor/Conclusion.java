package org.policyadvisor;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a rule concludes: a fact type and the fields its consequence sets to literal values
 * (fields set from bound variables are left out).
 */
public record Conclusion(String type, SortedMap<String, Object> fields) {

    public Conclusion {
        Objects.requireNonNull(type, "type must not be null");
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
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
