package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.Fact;
import org.policyadvisor.Rule;

/**
 * What evaluations look up over and over, resolved once per rule base: declared types by name (to build
 * objects) and by class (to read them back), and each compiled rule with the rule it stands for and that
 * rule's absent conditions. Read-only after construction, so sessions on any thread may share it.
 */
final class SessionTypes {

    /** A compiled rule as the explanations show it. */
    record KnownRule(Rule rule, List<String> absent) {
    }

    /** Reads objects of one declared type: its shape, and its fields in the shape's order. */
    private record Reader(Fact.Shape shape, FactField[] fields) {
    }

    private final Map<String, FactType> byName;
    private final Map<Class<?>, Reader> byClass = new HashMap<>();
    private final Map<org.kie.api.definition.rule.Rule, KnownRule> rules = new IdentityHashMap<>();

    /** {@code rulesByKey}: the rules read from the rule text, by {@code package.name}. */
    SessionTypes(KieBase kieBase, Map<String, Rule> rulesByKey) {
        this.byName = Map.copyOf(FactTypes.of(kieBase));
        for (FactType type : byName.values()) {
            List<String> names = new ArrayList<>();
            Map<String, FactField> fields = new HashMap<>();
            for (FactField field : type.getFields()) {
                names.add(field.getName());
                fields.put(field.getName(), field);
            }
            Fact.Shape shape = Fact.Shape.of(type.getSimpleName(), names);
            FactField[] ordered = shape.fields().stream().map(fields::get).toArray(FactField[]::new);
            byClass.put(type.getFactClass(), new Reader(shape, ordered));
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule compiled : pkg.getRules()) {
                Rule rule = rulesByKey.get(compiled.getPackageName() + "." + compiled.getName());
                if (rule != null) {
                    rules.put(compiled, new KnownRule(rule, rule.absent()));
                }
            }
        }
    }

    FactType type(String name) {
        return byName.get(name);
    }

    /** The fact an object of a declared type stands for. */
    Fact read(Object object) {
        Reader reader = byClass.get(object.getClass());
        if (reader == null) {
            return Fact.of(object.getClass().getSimpleName(), Map.of());
        }
        FactField[] fields = reader.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].get(object);
        }
        return reader.shape().fact(values);
    }

    /** True for an object of a declared fact type. */
    boolean declares(Object object) {
        return object != null && byClass.containsKey(object.getClass());
    }

    /** The rule a compiled rule stands for, or null for one the rule text does not describe. */
    KnownRule rule(org.kie.api.definition.rule.Rule compiled) {
        return rules.get(compiled);
    }
}
