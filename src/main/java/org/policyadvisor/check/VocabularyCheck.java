package org.policyadvisor.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.policyadvisor.FactTypeSpec;
import org.policyadvisor.FieldKind;
import org.policyadvisor.FieldSpec;
import org.policyadvisor.Vocabulary;

/**
 * Turns the declared types and the actor list into the {@link Vocabulary}, checking what the declarations say of
 * one another: unique names, {@code @values} and {@code @actor} on text fields only, {@code @symmetric} naming two
 * fields of the type that hold the same kind of value, {@code @opposite} naming a declared type with the same fields.
 */
public final class VocabularyCheck {

    private VocabularyCheck() {
    }

    /** The vocabulary; problems are added to {@code found}. */
    public static Vocabulary build(List<DeclaredType> declared, ActorList actors, List<Diagnostic> found) {
        found.addAll(actors.problems());
        List<FactTypeSpec> types = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DeclaredType t : declared) {
            if (!names.add(t.name())) {
                found.add(Diagnostic.error(t.file(), t.line(), 1, "type " + t.name() + " is declared twice", ""));
                continue;
            }
            List<FieldSpec> fields = new ArrayList<>();
            Set<String> fieldNames = new HashSet<>();
            for (DeclaredField f : t.fields()) {
                if (!fieldNames.add(f.name())) {
                    found.add(error(t, f, "field " + t.name() + "." + f.name() + " is declared twice"));
                    continue;
                }
                FieldKind kind = switch (f.javaType()) {
                    case "boolean" -> FieldKind.BOOLEAN;
                    case "int" -> FieldKind.INTEGER;
                    default -> FieldKind.STRING;
                };
                if (kind != FieldKind.STRING && (f.actor() || !f.values().isEmpty())) {
                    found.add(error(t, f, "@actor and @values go on String fields only"));
                }
                if (f.actor() && !f.values().isEmpty()) {
                    found.add(error(t, f, "a field takes @actor or @values, not both"));
                }
                fields.add(new FieldSpec(f.name(), kind, f.actor(), f.values(), f.doc()));
            }
            types.add(new FactTypeSpec(t.name(), t.doc(), fields, t.symmetric(), t.opposite()));
        }
        for (FactTypeSpec type : types) {
            DeclaredType t = declared.stream().filter(d -> d.name().equals(type.name())).findFirst().orElseThrow();
            symmetric(type, t, found);
            opposite(type, t, types, found);
        }
        return new Vocabulary(types, new TreeMap<>(actors.names()), List.copyOf(actors.names().keySet()));
    }

    private static void symmetric(FactTypeSpec type, DeclaredType t, List<Diagnostic> found) {
        if (type.symmetric().isEmpty()) {
            return;
        }
        List<FieldSpec> pair = type.symmetric().stream().map(n -> type.field(n).orElse(null)).toList();
        if (pair.size() != 2 || pair.contains(null)
                || type.symmetric().get(0).equals(type.symmetric().get(1))) {
            found.add(Diagnostic.error(t.file(), t.line(), 1, "@symmetric of " + type.name() + " names two of its"
                    + " fields, as @symmetric(\"a|b\"); it has " + String.join(", ",
                    type.fields().stream().map(FieldSpec::name).toList()), ""));
            return;
        }
        FieldSpec a = pair.get(0);
        FieldSpec b = pair.get(1);
        if (a.kind() != b.kind() || a.actor() != b.actor() || !a.values().equals(b.values())) {
            found.add(Diagnostic.error(t.file(), t.line(), 1, "@symmetric fields " + a.name() + " and " + b.name()
                    + " of " + type.name() + " must hold the same kind of value", ""));
        }
    }

    private static void opposite(FactTypeSpec type, DeclaredType t, List<FactTypeSpec> types, List<Diagnostic> found) {
        if (type.opposite().isEmpty()) {
            return;
        }
        FactTypeSpec other = types.stream().filter(o -> o.name().equals(type.opposite())).findFirst().orElse(null);
        if (other == null) {
            found.add(Diagnostic.error(t.file(), t.line(), 1, "@opposite(\"" + type.opposite() + "\") of "
                    + type.name() + " names no declared type", ""));
        } else if (!shape(other).equals(shape(type))) {
            found.add(Diagnostic.error(t.file(), t.line(), 1, "@opposite types " + type.name() + " and "
                    + other.name() + " must have the same fields", ""));
        }
    }

    private static List<String> shape(FactTypeSpec type) {
        return type.fields().stream().map(f -> f.name() + ":" + f.kind() + ":" + f.actor() + ":" + f.values()).toList();
    }

    private static Diagnostic error(DeclaredType t, DeclaredField f, String message) {
        return Diagnostic.error(t.file(), f.line(), f.col(), message, "");
    }
}
