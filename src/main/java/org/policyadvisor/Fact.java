package org.policyadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A structured fact of the vocabulary: a type name and its field values.
 * Field values are {@link String}, {@link Boolean} or {@link Integer}; fields are kept in name order,
 * so that two equal facts print and serialise identically. Immutable; its text and hash are computed once,
 * since facts are compared and looked up many times in every evaluation.
 */
public final class Fact implements Comparable<Fact> {

    private final String type;
    private final SortedMap<String, Object> fields;
    private String text;
    private int hash;

    public Fact(String type, SortedMap<String, ?> fields) {
        this(Objects.requireNonNull(type, "type must not be null"),
                new TreeMap<>(Objects.requireNonNull(fields, "fields must not be null")), true);
    }

    /** Takes ownership of a map built for this fact alone, without copying it. */
    private Fact(String type, TreeMap<String, Object> owned, boolean owner) {
        this.type = type;
        this.fields = Collections.unmodifiableSortedMap(owned);
    }

    public static Fact of(String type, Map<String, ?> fields) {
        return new Fact(Objects.requireNonNull(type, "type must not be null"),
                new TreeMap<>(Objects.requireNonNull(fields, "fields must not be null")), true);
    }

    /** For builders inside the library that fill a fresh map and hand it over. */
    static Fact owning(String type, TreeMap<String, Object> fields) {
        return new Fact(type, fields, true);
    }

    public String type() {
        return type;
    }

    public SortedMap<String, Object> fields() {
        return fields;
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
    public boolean equals(Object o) {
        return this == o || (o instanceof Fact f && hashCode() == f.hashCode() && type.equals(f.type)
                && fields.equals(f.fields));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * type.hashCode() + fields.hashCode();
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder b = new StringBuilder(type.length() + 16 * fields.size()).append(type).append('(');
            boolean first = true;
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                b.append(e.getKey()).append('=').append(e.getValue());
                first = false;
            }
            t = b.append(')').toString();
            text = t;
        }
        return t;
    }
}
