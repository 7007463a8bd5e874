package org.policyadvisor.engine;

import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.base.definitions.rule.impl.RuleImpl;
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

    /**
     * A compiled rule as the explanations show it, with the rank of its id among the ids of the rule base: rules
     * compare by id as their ranks compare, without comparing text.
     */
    record KnownRule(org.kie.api.definition.rule.Rule compiled, Rule rule, List<String> absent, int rank) {
    }

    /**
     * Reads objects of one declared type: its fields, and its rank among the declared types by name (so that facts
     * can be ordered by type without comparing names).
     */
    record Reader(FactType type, Constructor<?> constructor, List<FactField> fields, int rank) {

        Fact read(Object object) {
            TreeMap<String, Object> values = new TreeMap<>();
            for (FactField field : fields) {
                values.put(field.getName(), field.get(object));
            }
            return new Fact(type.getSimpleName(), values);
        }
    }

    private final Map<Class<?>, Reader> byClass = new HashMap<>();
    private final Map<String, Reader> readers = new HashMap<>();
    private final Map<org.kie.api.definition.rule.Rule, KnownRule> rules = new IdentityHashMap<>();
    /** The same by the compiled rule's load order, checked against the rule itself: an array read, no hashing. */
    private final KnownRule[] byLoadOrder;

    /** {@code rulesByKey}: the rules read from the rule text, by {@code package.name}. */
    SessionTypes(KieBase kieBase, Map<String, Rule> rulesByKey) {
        Map<String, FactType> byName = FactTypes.of(kieBase);
        List<String> typeNames = byName.keySet().stream().sorted().toList();
        for (FactType type : byName.values()) {
            Reader reader = new Reader(type, constructor(type), List.copyOf(type.getFields()),
                    typeNames.indexOf(type.getSimpleName()));
            byClass.put(type.getFactClass(), reader);
            readers.put(type.getSimpleName(), reader);
        }
        Map<org.kie.api.definition.rule.Rule, Rule> described = new IdentityHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule compiled : pkg.getRules()) {
                Rule rule = rulesByKey.get(compiled.getPackageName() + "." + compiled.getName());
                if (rule != null) {
                    described.put(compiled, rule);
                }
            }
        }
        List<String> ids = described.values().stream().map(Rule::id).distinct().sorted().toList();
        described.forEach((compiled, rule) -> rules.put(compiled,
                new KnownRule(compiled, rule, rule.absent(), Collections.binarySearch(ids, rule.id()))));
        int orders = 0;
        for (KnownRule known : rules.values()) {
            if (known.compiled() instanceof RuleImpl impl && impl.getLoadOrder() >= 0) {
                orders = Math.max(orders, impl.getLoadOrder() + 1);
            }
        }
        byLoadOrder = new KnownRule[Math.min(orders, 1 << 20)];
        for (KnownRule known : rules.values()) {
            if (known.compiled() instanceof RuleImpl impl && impl.getLoadOrder() >= 0
                    && impl.getLoadOrder() < byLoadOrder.length) {
                int at = impl.getLoadOrder();
                // Two rules with one load order (several packages): neither gets the shortcut.
                byLoadOrder[at] = byLoadOrder[at] == null ? known : null;
            }
        }
    }

    /** The reader for objects of this class, or null when it is no declared type. */
    Reader reader(Class<?> type) {
        return byClass.get(type);
    }

    /** An object of the fact's declared type with the fact's values, or null when the type is not declared. */
    Object write(Fact fact) {
        Reader reader = readers.get(fact.type());
        if (reader == null) {
            return null;
        }
        try {
            Object object = reader.constructor() != null ? reader.constructor().newInstance()
                    : reader.type().newInstance();
            for (Map.Entry<String, Object> field : fact.fields().entrySet()) {
                reader.type().set(object, field.getKey(), field.getValue());
            }
            return object;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate declared type " + fact.type(), e);
        }
    }

    /** The declared type's public no-argument constructor, looked up once; null when it has none. */
    private static Constructor<?> constructor(FactType type) {
        try {
            return type.getFactClass().getConstructor();
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }

    /** True for an object of a declared fact type. */
    boolean declares(Object object) {
        return object != null && byClass.containsKey(object.getClass());
    }

    /** The rule a compiled rule stands for, or null for one the rule text does not describe. */
    KnownRule rule(RuleImpl compiled) {
        int at = compiled.getLoadOrder();
        if (at >= 0 && at < byLoadOrder.length) {
            KnownRule known = byLoadOrder[at];
            if (known != null && known.compiled() == compiled) {
                return known;
            }
        }
        return rules.get(compiled);
    }
}
