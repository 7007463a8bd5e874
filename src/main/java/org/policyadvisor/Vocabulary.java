package org.policyadvisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The fact types the rules declare and the actor codes they know. Checks facts before any evaluation:
 * unknown type, unknown field, missing field, wrong kind of value, unknown actor, value outside its set.
 */
public final class Vocabulary {

    private final List<FactTypeSpec> types;
    private final SortedMap<String, String> actors;
    private final List<String> actorOrder;
    /** The types by name: every fact checked and every conclusion made looks its type up. */
    private final Map<String, FactTypeSpec> byName;

    /**
     * @param types      the declared types, in declaration order
     * @param actors     the actor codes and their names
     * @param actorOrder the actor codes in the order of the actor list, which symmetric facts follow; null for code
     *                   order
     */
    public Vocabulary(List<FactTypeSpec> types, SortedMap<String, String> actors, List<String> actorOrder) {
        this.types = List.copyOf(types);
        this.actors = Collections.unmodifiableSortedMap(new TreeMap<>(actors));
        this.actorOrder = actorOrder == null ? List.copyOf(this.actors.keySet()) : List.copyOf(actorOrder);
        Map<String, FactTypeSpec> index = new HashMap<>();
        this.types.forEach(t -> index.putIfAbsent(t.name(), t));
        this.byName = Map.copyOf(index);
    }

    public List<FactTypeSpec> types() {
        return types;
    }

    public SortedMap<String, String> actors() {
        return actors;
    }

    public List<String> actorOrder() {
        return actorOrder;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Vocabulary v && types.equals(v.types) && actors.equals(v.actors)
                && actorOrder.equals(v.actorOrder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(types, actors, actorOrder);
    }

    @Override
    public String toString() {
        return "Vocabulary" + types.stream().map(FactTypeSpec::name).toList();
    }

    /** A vocabulary whose actors are listed in code order. */
    public Vocabulary(List<FactTypeSpec> types, SortedMap<String, String> actors) {
        this(types, actors, null);
    }

    /**
     * The fact as the rules see it: a fact of a symmetric type has its two symmetric fields in the order of the actor
     * list (values that are no actors after those that are, by text), so that the same relation written either way
     * is one fact. Any other fact is returned as it is.
     */
    public Fact canonical(Fact fact) {
        FactTypeSpec type = find(fact.type());
        if (type == null || !type.isSymmetric()) {
            return fact;
        }
        String a = type.symmetric().get(0);
        String b = type.symmetric().get(1);
        Object x = fact.fields().get(a);
        Object y = fact.fields().get(b);
        if (x == null || y == null || order(x, y) <= 0) {
            return fact;
        }
        TreeMap<String, Object> swapped = new TreeMap<>(fact.fields());
        swapped.put(a, y);
        swapped.put(b, x);
        return new Fact(fact.type(), swapped);
    }

    private int order(Object x, Object y) {
        int i = actorOrder.indexOf(String.valueOf(x));
        int j = actorOrder.indexOf(String.valueOf(y));
        if (i >= 0 && j >= 0) {
            return Integer.compare(i, j);
        }
        if (i >= 0 || j >= 0) {
            return i >= 0 ? -1 : 1;
        }
        return String.valueOf(x).compareTo(String.valueOf(y));
    }

    /**
     * True when the fact has the type and the listed field values; for a symmetric type, the values of its two
     * symmetric fields may be listed either way round.
     */
    public boolean matches(Fact fact, String type, Map<String, ?> someFields) {
        if (fact.matches(type, someFields)) {
            return true;
        }
        FactTypeSpec spec = find(type);
        if (spec == null || !spec.isSymmetric()) {
            return false;
        }
        Map<String, Object> swapped = new TreeMap<>(someFields);
        String a = spec.symmetric().get(0);
        String b = spec.symmetric().get(1);
        swapped.remove(a);
        swapped.remove(b);
        if (someFields.containsKey(a)) {
            swapped.put(b, someFields.get(a));
        }
        if (someFields.containsKey(b)) {
            swapped.put(a, someFields.get(b));
        }
        return fact.matches(type, swapped);
    }

    /**
     * The ways a rule's conditions can be read against facts kept in canonical form: each condition that must hold
     * on a symmetric type, with its two symmetric fields as written and swapped; an absence on a symmetric type is
     * required both ways. A condition that is the same either way counts once. The first reading is as written.
     */
    public List<List<Condition>> readings(List<Condition> conditions) {
        List<List<Condition>> readings = new ArrayList<>();
        readings.add(new ArrayList<>());
        for (Condition c : conditions) {
            Condition swapped = swapped(c);
            List<List<Condition>> next = new ArrayList<>();
            for (List<Condition> reading : readings) {
                List<Condition> kept = new ArrayList<>(reading);
                kept.add(c);
                next.add(kept);
                if (swapped != null && c.absent()) {
                    kept.add(swapped);
                } else if (swapped != null) {
                    List<Condition> other = new ArrayList<>(reading);
                    other.add(swapped);
                    next.add(other);
                }
            }
            readings = next;
        }
        return readings.stream().map(List::copyOf).toList();
    }

    /** The condition with its symmetric fields swapped, or null when the type is not symmetric or nothing changes. */
    private Condition swapped(Condition c) {
        FactTypeSpec type = find(c.type());
        if (type == null || !type.isSymmetric()) {
            return null;
        }
        String a = type.symmetric().get(0);
        String b = type.symmetric().get(1);
        List<Condition.Restriction> restrictions = c.restrictions().stream()
                .map(r -> new Condition.Restriction(r.field().equals(a) ? b : r.field().equals(b) ? a : r.field(),
                        r.negated(), r.values(), r.variable()))
                .toList();
        Condition swapped = new Condition(c.type(), swap(c.fields(), a, b), c.absent(), c.text(),
                swap(c.variables(), a, b), restrictions);
        return swapped.equals(c) ? null : swapped;
    }

    private static <V> TreeMap<String, V> swap(Map<String, V> map, String a, String b) {
        TreeMap<String, V> out = new TreeMap<>(map);
        out.remove(a);
        out.remove(b);
        if (map.containsKey(a)) {
            out.put(b, map.get(a));
        }
        if (map.containsKey(b)) {
            out.put(a, map.get(b));
        }
        return out;
    }

    /** What is wrong with a value for a field of this vocabulary, or empty when the value fits. */
    public Optional<String> problem(FieldSpec field, Object value) {
        return canonical(field, value) != null ? Optional.empty() : Optional.of(message(field, value));
    }

    public Optional<FactTypeSpec> type(String name) {
        return Optional.ofNullable(find(name));
    }

    /**
     * Checks facts against the vocabulary and returns them with values in canonical form
     * ({@link Integer} for integer fields).
     *
     * @param facts the facts, as parsed
     * @param path  the JSON path of the list, e.g. {@code facts}, used in problem locations
     * @throws InvalidFactsException listing every problem, when any fact does not fit
     */
    public List<Fact> check(List<Fact> facts, String path) {
        List<Problem> problems = new ArrayList<>();
        List<Fact> checked = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            checked.add(check(facts.get(i), path, i, problems, true));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return checked;
    }

    /**
     * Checks a pattern: a fact type with some of its fields, none of them required (for example the
     * consequence a why-not question asks about). Returns it with values in canonical form.
     *
     * @param pattern the type and the fields given
     * @param path    where the pattern sits, e.g. {@code consequence}, used in problem locations
     * @throws InvalidFactsException listing every problem, when the pattern does not fit
     */
    public Fact checkPattern(Fact pattern, String path) {
        List<Problem> problems = new ArrayList<>();
        Fact checked = check(pattern, path, -1, problems, false);
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return checked;
    }

    /** Checks one fact; its location ({@code path[index]}, or {@code path} when index is -1) is spelled out only for a problem. */
    private Fact check(Fact fact, String path, int index, List<Problem> problems, boolean complete) {
        FactTypeSpec type = find(fact.type());
        if (type == null) {
            List<String> names = types.stream().map(FactTypeSpec::name).sorted().toList();
            problems.add(new Problem(at(path, index) + ".type", "unknown fact type '" + fact.type() + "'"
                    + Nearest.hint(Nearest.of(fact.type(), names)) + "; expected one of " + String.join(", ", names)));
            return fact;
        }
        TreeMap<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, Object> e : fact.fields().entrySet()) {
            FieldSpec field = find(type, e.getKey());
            if (field == null) {
                problems.add(new Problem(at(path, index) + "." + e.getKey(), "unknown field of " + type.name()
                        + Nearest.hint(Nearest.of(e.getKey(), type.fields().stream().map(FieldSpec::name).toList()))
                        + "; expected " + fieldList(type)));
            } else {
                Object value = value(field, e.getValue(), path, index, problems);
                if (value != null) {
                    values.put(e.getKey(), value);
                }
            }
        }
        for (FieldSpec field : type.fields()) {
            if (complete && !fact.fields().containsKey(field.name())) {
                problems.add(new Problem(at(path, index) + "." + field.name(), "missing required field of "
                        + type.name() + " (" + field.kind().description() + ")"));
            }
        }
        return new Fact(fact.type(), values);
    }

    /** The value in canonical form when it is valid for the field, else null. */
    private Object canonical(FieldSpec field, Object raw) {
        return switch (field.kind()) {
            case STRING -> raw instanceof String s && (!field.actor() || actors.containsKey(s))
                    && (field.values().isEmpty() || field.values().contains(s)) ? s : null;
            case BOOLEAN -> raw instanceof Boolean b ? b : null;
            case INTEGER -> raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE ? n.intValue() : null;
        };
    }

    private static String at(String path, int index) {
        return index < 0 ? path : path + "[" + index + "]";
    }

    private FactTypeSpec find(String name) {
        return name == null ? null : byName.get(name);
    }

    private static FieldSpec find(FactTypeSpec type, String name) {
        for (FieldSpec field : type.fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    private Object value(FieldSpec field, Object raw, String path, int index, List<Problem> problems) {
        Object valid = canonical(field, raw);
        if (valid != null) {
            return valid;
        }
        problems.add(new Problem(at(path, index) + "." + field.name(), message(field, raw)));
        return null;
    }

    /** Which problem an invalid value has, in the order canonical() looks. */
    private String message(FieldSpec field, Object raw) {
        return switch (field.kind()) {
            case STRING -> !(raw instanceof String s) ? "expected " + expectation(field) + ", got " + describe(raw)
                    : field.actor() && !actors.containsKey(s) ? "unknown actor '" + s + "'"
                            + Nearest.hint(Nearest.of(s, actors)) + "; expected one of "
                            + String.join(", ", actors.keySet())
                    : "'" + s + "' is not allowed" + Nearest.hint(Nearest.of(s, field.values())) + "; expected one of "
                            + String.join(", ", field.values());
            case BOOLEAN -> "expected true or false, got " + describe(raw);
            case INTEGER -> "expected an integer, got " + describe(raw);
        };
    }

    private static String expectation(FieldSpec field) {
        if (field.actor()) {
            return "an actor code (string)";
        }
        return field.values().isEmpty() ? field.kind().description()
                : "one of " + String.join(", ", field.values());
    }

    private static String fieldList(FactTypeSpec type) {
        return type.fields().stream().map(FieldSpec::name).collect(Collectors.joining(", "));
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (raw instanceof Boolean || raw instanceof Number) {
            return raw.toString();
        }
        if (raw instanceof List) {
            return "an array";
        }
        if (raw instanceof Map) {
            return "an object";
        }
        return raw.getClass().getSimpleName();
    }
}
