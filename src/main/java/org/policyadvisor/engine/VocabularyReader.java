package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.FieldKind;
import org.policyadvisor.FieldSpec;
import org.policyadvisor.Vocabulary;

/** Reads the declared fact types and their field annotations ({@code @actor}, {@code @values}, {@code @doc}). */
final class VocabularyReader {

    private VocabularyReader() {
    }

    static Vocabulary read(KieBase kieBase, SortedMap<String, String> actors) {
        List<FactTypeSpec> types = new ArrayList<>();
        for (FactType type : FactTypes.of(kieBase).values()) {
            List<FieldSpec> fields = new ArrayList<>();
            for (FactField field : type.getFields()) {
                Map<String, Object> meta = field.getMetaData() == null ? Map.of() : field.getMetaData();
                fields.add(new FieldSpec(field.getName(), kind(field.getType()), meta.containsKey("actor"),
                        values(text(meta.get("values"))), text(meta.get("doc"))));
            }
            Map<String, Object> typeMeta = type.getMetaData() == null ? Map.of() : type.getMetaData();
            types.add(new FactTypeSpec(type.getSimpleName(), text(typeMeta.get("doc")), fields));
        }
        types.sort(Comparator.comparing(FactTypeSpec::name));
        return new Vocabulary(types, actors);
    }

    static FieldKind kind(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return FieldKind.BOOLEAN;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return FieldKind.INTEGER;
        }
        return FieldKind.STRING;
    }

    /** Annotation values keep their DRL quotes; strip them. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static List<String> values(String spec) {
        if (spec.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(spec.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
