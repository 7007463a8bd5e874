package org.policyadvisor;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A structured fact of the vocabulary: a type name and its field values.
 * Field values are {@link String}, {@link Boolean} or {@link Integer}; fields are kept in name order,
 * so that two equal facts print and serialise identically. Immutable.
 *
 * <p>Facts are compared and looked up many times in every evaluation, so a fact keeps its field names and values
 * in two arrays (the names shared by every fact made through one {@link Shape}) and computes its text and hash
 * once; the {@link #fields()} map is made on first use.
 */
public final class Fact implements Comparable<Fact> {

    private final String type;
    /** Field names in ascending order; shared, never changed. */
    private final String[] names;
    /** Values in the order of {@link #names}; owned by this fact, never changed. */
    private final Object[] values;
    private SortedMap<String, Object> fields;
    private String text;
    private int hash;
    /** The vocabulary that last found this fact valid and canonical, so that it need not look again. */
    Vocabulary checkedBy;

    public Fact(String type, SortedMap<String, ?> fields) {
        this(Objects.requireNonNull(type, "type must not be null"),
                sorted(Objects.requireNonNull(fields, "fields must not be null")));
    }

    private Fact(String type, TreeMap<String, Object> sorted) {
        this(type, sorted.keySet().toArray(new String[0]), sorted.values().toArray());
    }

    private Fact(String type, String[] names, Object[] values) {
        this.type = type;
        this.names = names;
        this.values = values;
    }

    public static Fact of(String type, Map<String, ?> fields) {
        return new Fact(Objects.requireNonNull(type, "type must not be null"),
                sorted(Objects.requireNonNull(fields, "fields must not be null")));
    }

    /** The fields in natural name order, whatever order or comparator the given map has. */
    private static TreeMap<String, Object> sorted(Map<String, ?> fields) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        sorted.putAll(fields);
        return sorted;
    }

    public String type() {
        return type;
    }

    /** The fields in name order, unmodifiable. */
    public SortedMap<String, Object> fields() {
        SortedMap<String, Object> f = fields;
        if (f == null) {
            TreeMap<String, Object> map = new TreeMap<>();
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], values[i]);
            }
            f = Collections.unmodifiableSortedMap(map);
            fields = f;
        }
        return f;
    }

    /** The number of fields. */
    public int size() {
        return names.length;
    }

    /** The name of the {@code i}-th field in name order. */
    public String name(int i) {
        return names[i];
    }

    /** The value of the {@code i}-th field in name order. */
    public Object value(int i) {
        return values[i];
    }

    /** The value of a field, or null when the fact has no such field. */
    public Object get(String field) {
        int i = Arrays.binarySearch(names, field);
        return i >= 0 ? values[i] : null;
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
        int n = Math.min(names.length, other.names.length);
        for (int i = 0; c == 0 && i < n; i++) {
            c = names[i].compareTo(other.names[i]);
            if (c == 0) {
                c = compareValues(values[i], other.values[i]);
            }
        }
        return c != 0 ? c : Integer.compare(names.length, other.names.length);
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

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Fact f && hashCode() == f.hashCode() && type.equals(f.type)
                && (names == f.names || Arrays.equals(names, f.names)) && Arrays.equals(values, f.values));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * (31 * type.hashCode() + Arrays.hashCode(names)) + Arrays.hashCode(values);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder b = new StringBuilder(type.length() + 16 * names.length).append(type).append('(');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(names[i]).append('=').append(values[i]);
            }
            t = b.append(')').toString();
            text = t;
        }
        return t;
    }

    /**
     * The field names of one fact type, in name order: makes facts of that type from values alone, without a map.
     * Immutable and thread-safe; meant to be made once per type and reused.
     */
    public static final class Shape {

        private final String type;
        private final String[] names;
        private final List<String> fields;

        private Shape(String type, String[] names) {
            this.type = type;
            this.names = names;
            this.fields = List.of(names);
        }

        /** A shape for {@code type} with these field names (in any order; they are sorted). */
        public static Shape of(String type, Collection<String> fieldNames) {
            String[] names = fieldNames.toArray(new String[0]);
            Arrays.sort(names);
            for (int i = 1; i < names.length; i++) {
                if (names[i].equals(names[i - 1])) {
                    throw new IllegalArgumentException("field '" + names[i] + "' named twice");
                }
            }
            return new Shape(Objects.requireNonNull(type, "type must not be null"), names);
        }

        public String type() {
            return type;
        }

        /** The field names in name order: the order {@link #fact} takes values in. */
        public List<String> fields() {
            return fields;
        }

        /** A fact of this shape whose {@code i}-th value (in {@link #fields()} order) is {@code values.apply(i)}. */
        public Fact fact(IntFunction<?> values) {
            Object[] own = new Object[names.length];
            for (int i = 0; i < own.length; i++) {
                own[i] = values.apply(i);
            }
            return new Fact(type, names, own);
        }

        /** A fact of this shape; {@code values} follow {@link #fields()} and are copied. */
        public Fact fact(Object... values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(type + " has " + names.length + " fields, got " + values.length
                        + " values");
            }
            return new Fact(type, names, values.clone());
        }
    }

    /** The same field names with other values (in name order, handed over) and another spelling of the type. */
    Fact withValues(String type, Object[] values) {
        return new Fact(type, names, values);
    }

    /** For builders inside the library that fill a fresh map and hand it over. */
    static Fact owning(String type, TreeMap<String, Object> fields) {
        return new Fact(type, fields);
    }
}
