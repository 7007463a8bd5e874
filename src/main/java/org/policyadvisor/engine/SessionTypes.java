package org.policyadvisor.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.Fact;

/**
 * What evaluations look up over and over, resolved once per rule base: declared types by name (to build
 * objects) and by class (to read them back), and each compiled rule's {@code package.name} key. Read-only
 * after construction, so sessions on any thread may share it.
 */
final class SessionTypes {

    private record Reader(String name, FactField[] fields) {
    }

    private final Map<String, FactType> byName;
    private final Map<Class<?>, Reader> byClass = new HashMap<>();
    private final Map<Rule, String> ruleKeys = new IdentityHashMap<>();

    SessionTypes(KieBase kieBase) {
        this.byName = Map.copyOf(FactTypes.of(kieBase));
        for (FactType type : byName.values()) {
            byClass.put(type.getFactClass(), new Reader(type.getSimpleName(), type.getFields().toArray(new FactField[0])));
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                ruleKeys.put(rule, key(rule));
            }
        }
    }

    FactType type(String name) {
        return byName.get(name);
    }

    /** The fact an object of a declared type stands for. */
    Fact read(Object object) {
        Reader reader = byClass.get(object.getClass());
        TreeMap<String, Object> fields = new TreeMap<>();
        if (reader == null) {
            return new Fact(object.getClass().getSimpleName(), fields);
        }
        for (FactField field : reader.fields()) {
            fields.put(field.getName(), field.get(object));
        }
        return new Fact(reader.name(), fields);
    }

    String ruleKey(Rule rule) {
        String key = ruleKeys.get(rule);
        return key != null ? key : key(rule);
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "." + rule.getName();
    }
}
