package org.policyadvisor;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A structured fact of the vocabulary: a type name and its field values.
 * Field values are {@link String}, {@link Boolean} or {@link Integer}; fields are kept in name order,
 * so that two equal facts print and serialise identically. Immutable: every field is final, and the hash is computed
 * once, when the fact is made, since facts are hashed many times in every evaluation (truth maintenance keys them).
 */
public final class Fact implements Comparable<Fact> {

    private final String type;
    private final SortedMap<String, Object> fields;
    private final int hash;

    /**
     * @param type   the fact type's name
     * @param fields the field values by name (copied, in natural name order, unmodifiable)
     */
    public Fact(String type, SortedMap<String, ?> fields) {
        this.type = Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(fields, "fields must not be null");
        // A copy in natural name order, whatever order or comparator the given map has.
        TreeMap<String, Object> copy = new TreeMap<>();
        copy.putAll(fields);
        this.fields = Collections.unmodifiableSortedMap(copy);
        this.hash = 31 * type.hashCode() + copy.hashCode();
    }

    /** The fact type's name. */
    public String type() {
        return type;
    }

    /** The field values by name, in natural name order, unmodifiable. */
    public SortedMap<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Fact f && hash == f.hash && type.equals(f.type) && fields.equals(f.fields);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    public static Fact of(String type, Map<String, ?> fields) {
        TreeMap<String, Object> copy = new TreeMap<>();
        copy.putAll(Objects.requireNonNull(fields, "fields must not be null"));
        return new Fact(type, copy);
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
            if (!Objects.equals(get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** By type, then field by field in name order: name, then value (numbers as numbers, text as text). */
    @Override
    public int compareTo(Fact other) {
        if (this == other) {
            return 0;
        }
        int c = type.compareTo(other.type);
        Iterator<Map.Entry<String, Object>> mine = fields.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> theirs = other.fields.entrySet().iterator();
        while (c == 0 && mine.hasNext() && theirs.hasNext()) {
            Map.Entry<String, Object> a = mine.next();
            Map.Entry<String, Object> b = theirs.next();
            c = a.getKey().compareTo(b.getKey());
            if (c == 0) {
                c = compareValues(a.getValue(), b.getValue());
            }
        }
        return c != 0 ? c : Integer.compare(fields.size(), other.fields.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        int c = String.valueOf(a).compareTo(String.valueOf(b));
        return c != 0 ? c : a.getClass().getName().compareTo(b.getClass().getName());
    }

    /** {@code Type(a=1, b=x)}, fields in name order. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(type.length() + 16 * fields.size()).append(type).append('(');
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        return b.append(')').toString();
    }
}
