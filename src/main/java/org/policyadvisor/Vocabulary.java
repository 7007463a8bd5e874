package org.policyadvisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The fact types the rules declare and the actor codes they know. Checks facts before any evaluation:
 * unknown type, unknown field, missing field, wrong kind of value, unknown actor, value outside its set.
 */
public record Vocabulary(List<FactTypeSpec> types, SortedMap<String, String> actors) {

    public Vocabulary {
        types = List.copyOf(types);
        actors = Collections.unmodifiableSortedMap(new TreeMap<>(actors));
    }

    public Optional<FactTypeSpec> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
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
            checked.add(check(facts.get(i), path + "[" + i + "]", problems));
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
        Fact checked = check(pattern, path, problems, false);
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return checked;
    }

    private Fact check(Fact fact, String at, List<Problem> problems) {
        return check(fact, at, problems, true);
    }

    private Fact check(Fact fact, String at, List<Problem> problems, boolean complete) {
        Optional<FactTypeSpec> spec = type(fact.type());
        if (spec.isEmpty()) {
            problems.add(new Problem(at + ".type", "unknown fact type '" + fact.type() + "'; expected one of "
                    + types.stream().map(FactTypeSpec::name).sorted().collect(Collectors.joining(", "))));
            return fact;
        }
        FactTypeSpec type = spec.get();
        TreeMap<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, Object> e : fact.fields().entrySet()) {
            Optional<FieldSpec> field = type.field(e.getKey());
            if (field.isEmpty()) {
                problems.add(new Problem(at + "." + e.getKey(), "unknown field of " + type.name()
                        + "; expected " + fieldList(type)));
            } else {
                Object value = value(field.get(), e.getValue(), at + "." + e.getKey(), problems);
                if (value != null) {
                    values.put(e.getKey(), value);
                }
            }
        }
        for (FieldSpec field : type.fields()) {
            if (complete && !fact.fields().containsKey(field.name())) {
                problems.add(new Problem(at + "." + field.name(), "missing required field of " + type.name()
                        + " (" + field.kind().description() + ")"));
            }
        }
        return Fact.owning(fact.type(), values);
    }

    private Object value(FieldSpec field, Object raw, String at, List<Problem> problems) {
        switch (field.kind()) {
            case STRING -> {
                if (!(raw instanceof String s)) {
                    problems.add(new Problem(at, "expected " + expectation(field) + ", got " + describe(raw)));
                    return null;
                }
                if (field.actor() && !actors.containsKey(s)) {
                    problems.add(new Problem(at, "unknown actor '" + s + "'; expected one of "
                            + String.join(", ", actors.keySet())));
                    return null;
                }
                if (!field.values().isEmpty() && !field.values().contains(s)) {
                    problems.add(new Problem(at, "'" + s + "' is not allowed; expected one of "
                            + String.join(", ", field.values())));
                    return null;
                }
                return s;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                problems.add(new Problem(at, "expected true or false, got " + describe(raw)));
                return null;
            }
            case INTEGER -> {
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                    return n.intValue();
                }
                problems.add(new Problem(at, "expected an integer, got " + describe(raw)));
                return null;
            }
            default -> throw new IllegalStateException("unhandled kind " + field.kind());
        }
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
